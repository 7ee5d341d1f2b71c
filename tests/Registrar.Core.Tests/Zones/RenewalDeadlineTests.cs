using Registrar.Core.Calendars;
using Registrar.Core.Zones;

namespace Registrar.Core.Tests.Zones;

public sealed class RenewalDeadlineTests
{
    private static readonly TimeSpan Almaty = TimeSpan.FromHours(5);

    private readonly ZoneCatalog zones = ZoneCatalog.LoadEmbedded();
    private readonly BusinessCalendars calendars = BusinessCalendars.LoadEmbedded();

    [Fact]
    public void A_kz_renewal_is_due_by_the_end_of_the_third_banking_day_before_expiry_KZ_2_7()
    {
        // Thursday 11 March 2027; the banking days before it: Wed 10, Tue 9, Mon 8 is a holiday
        // (International Women's Day), so Fri 5 March is the third.
        var expiry = new DateTimeOffset(2027, 3, 11, 15, 56, 4, Almaty);

        var due = DueAt("kz", expiry);

        Assert.Equal(new DateTimeOffset(2027, 3, 6, 0, 0, 0, Almaty), due);
    }

    [Fact]
    public void A_kz_expiry_at_local_midnight_counts_back_from_the_day_it_ends_like_one_a_second_earlier_KZ_2_7()
    {
        // Thursday 11 March 2027 at 00:00 in Almaty ends the term as Wednesday 10 March ends: its banking days before are
        // Tue 9, Fri 5 (Mon 8 a holiday) and Thu 4.
        var midnight = new DateTimeOffset(2027, 3, 11, 0, 0, 0, Almaty);

        Assert.Equal(new DateTimeOffset(2027, 3, 5, 0, 0, 0, Almaty), DueAt("kz", midnight));
        Assert.Equal(DueAt("kz", midnight), DueAt("kz", midnight.AddSeconds(-1)));
        Assert.Equal(new DateTimeOffset(2027, 3, 6, 0, 0, 0, Almaty), DueAt("kz", midnight.AddSeconds(1)));
    }

    [Fact]
    public void A_kz_deadline_the_calendar_holds_is_counted_now_and_one_past_its_years_waits_until_the_first_reminder_KZ_2_7()
    {
        var schedule = new Registrar.Core.Deadlines.ZoneDeadlines(zones, calendars);
        var held = new DateTimeOffset(2030, 12, 20, 10, 0, 0, Almaty);
        var past = new DateTimeOffset(2036, 12, 2, 10, 0, 0, Almaty);

        Assert.Null(schedule.RenewalTimelineWaitsUntil("kz", held));
        Assert.Equal(past.AddDays(-30), schedule.RenewalTimelineWaitsUntil("kz", past));
        Assert.Null(schedule.RenewalTimelineWaitsUntil("com.ua", past));
    }

    [Fact]
    public void A_kz_renewal_deadline_counts_banking_days_across_Nauryz_KZ_2_7()
    {
        // Expiry Thu 25 March 2027: 21-23 March are Nauryz, Wed 24 the carried-over Sunday,
        // so the three banking days before are Fri 19, Thu 18 and Wed 17.
        var expiry = new DateTimeOffset(2027, 3, 25, 10, 0, 0, Almaty);

        Assert.Equal(new DateTimeOffset(2027, 3, 18, 0, 0, 0, Almaty), DueAt("қаз", expiry));
    }

    [Fact]
    public void A_kz_renewal_deadline_counts_banking_days_across_New_Year_KZ_2_7()
    {
        // Expiry Wed 6 January 2027: Tue 5 counts; Mon 4 (carried over), 1-3 January do not; then Thu 31 and Wed 30 December.
        var expiry = new DateTimeOffset(2027, 1, 6, 12, 0, 0, Almaty);

        Assert.Equal(new DateTimeOffset(2026, 12, 31, 0, 0, 0, Almaty), DueAt("kz", expiry));
    }

    [Fact]
    public void The_kz_deadline_uses_the_expiry_date_in_Almaty_not_in_UTC_KZ_2_7()
    {
        // 20:00 UTC on 24 March is already 25 March in Almaty.
        var expiry = new DateTimeOffset(2027, 3, 24, 20, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2027, 3, 18, 0, 0, 0, Almaty), DueAt("kz", expiry));
    }

    [Fact]
    public void A_kz_payment_on_the_last_banking_day_is_in_time_and_one_a_moment_later_is_late_KZ_2_7()
    {
        var expiry = new DateTimeOffset(2027, 3, 25, 10, 0, 0, Almaty);
        var due = DueAt("kz", expiry);
        var lastMinute = new DateTimeOffset(2027, 3, 17, 23, 59, 59, Almaty);
        var nextMorning = new DateTimeOffset(2027, 3, 18, 9, 0, 0, Almaty);

        Assert.True(lastMinute < due);
        Assert.False(nextMorning < due);
    }

    [Theory]
    [InlineData("ua")]
    [InlineData("com.ua")]
    [InlineData("kiev.ua")]
    [InlineData("kyiv.ua")]
    public void A_ua_renewal_is_due_by_the_expiry_instant_itself_UA_1_10(string zone)
    {
        var expiry = new DateTimeOffset(2027, 7, 25, 10, 56, 4, TimeSpan.FromHours(3));

        Assert.Equal(expiry, DueAt(zone, expiry));
    }

    [Fact]
    public void An_expiry_outside_the_calendar_data_is_an_error_not_a_guess_KZ_2_7()
    {
        var expiry = new DateTimeOffset(2031, 6, 1, 0, 0, 0, Almaty);

        Assert.Throws<DateOutsideCalendarException>(() => DueAt("kz", expiry));
    }

    private DateTimeOffset DueAt(string zone, DateTimeOffset expiry)
    {
        var policy = zones.For(zone);
        return policy.RenewalDeadline.DueAt(expiry, calendars.For(policy.CalendarCountry));
    }
}
