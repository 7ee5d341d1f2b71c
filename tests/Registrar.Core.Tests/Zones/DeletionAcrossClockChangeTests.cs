using Registrar.Core.Calendars;
using Registrar.Core.Deadlines;
using Registrar.Core.Registrations;
using Registrar.Core.Tests.Registrations;
using Registrar.Core.Zones;

namespace Registrar.Core.Tests.Zones;

/// <summary>UA-1.12: "до 28 днів після закінчення терміну реєстрації" counts the registrar's days in Kyiv, where the clocks
/// change on the last Sundays of March and October, and never past the registry's 28 × 24 hours.</summary>
public sealed class DeletionAcrossClockChangeTests
{
    private static readonly TimeZoneInfo Kyiv = BusinessCalendars.LoadEmbedded().For("UA").TimeZone;

    private readonly ZoneDeadlines deadlines = new(ZoneCatalog.LoadEmbedded(), BusinessCalendars.LoadEmbedded());

    [Fact]
    public void An_unpaid_ua_domain_expiring_before_the_spring_clock_change_is_deleted_28_days_later_at_the_same_Kyiv_time_UA_1_12()
    {
        // 10:00 on Wednesday 10 March 2027 (UTC+2); clocks go forward on Sunday 28 March.
        var timeline = deadlines.RenewalTimeline("ua", KyivTime(2027, 3, 10, 10));

        Assert.Equal(KyivTime(2027, 4, 7, 10), timeline.DeleteAt);
    }

    [Fact]
    public void An_unpaid_ua_domain_expiring_before_the_autumn_clock_change_keeps_its_priority_to_renew_until_the_registry_has_counted_28_times_24_hours_UA_1_12()
    {
        // 10:00 on Sunday 10 October 2027 (UTC+3); clocks go back on Sunday 31 October, so 28 × 24 hours later it is 09:00 in
        // Kyiv: the registry begins deleting then, an hour before the same Kyiv time, and a payment in that hour renews nothing.
        var expiry = KyivTime(2027, 10, 10, 10);
        var deleteAt = KyivTime(2027, 11, 7, 9);
        var domain = RegisteredDomain.Expiring("com.ua", expiry);

        domain.LiveUntil(deleteAt.AddMinutes(-1));

        Assert.Equal(RegistrationPhase.Expired, domain.State.Phase);
        Assert.DoesNotContain(domain.Sent, c => c is DeleteDomain);
        Assert.Equal(deleteAt, domain.State.Renewal.InvoiceDueAt);

        domain.LiveUntil(deleteAt);

        Assert.IsType<DeleteDomain>(domain.Sent.Last());
    }

    [Fact]
    public void A_deletion_day_whose_clock_time_the_spring_change_skips_comes_at_the_first_instant_after_it_UA_1_12()
    {
        // 03:30 on 28 February 2027 (UTC+2); 28 days later the clocks jump from 03:00 to 04:00.
        var timeline = deadlines.RenewalTimeline("kiev.ua", KyivTime(2027, 2, 28, 3, 30));

        Assert.Equal(new DateTimeOffset(2027, 3, 28, 4, 30, 0, TimeSpan.FromHours(3)), timeline.DeleteAt);
    }

    private static DateTimeOffset KyivTime(int year, int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0);
        return new DateTimeOffset(local, Kyiv.GetUtcOffset(local));
    }
}
