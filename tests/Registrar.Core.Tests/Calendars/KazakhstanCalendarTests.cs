using Registrar.Core.Calendars;

namespace Registrar.Core.Tests.Calendars;

public sealed class KazakhstanCalendarTests
{
    private static readonly BusinessCalendar Kazakhstan = BusinessCalendars.LoadEmbedded().For("KZ");

    [Fact]
    public void Invoice_issued_the_day_before_Nauryz_2025_is_due_two_banking_days_later_on_27_March_KZ_3_3()
    {
        // 21-23 March is Nauryz; 22 and 23 fall on the weekend and are carried over to 24 and 25 March.
        Assert.Equal(new DateOnly(2025, 3, 27), Kazakhstan.AddBusinessDays(new DateOnly(2025, 3, 20), 2));
    }

    [Fact]
    public void Invoice_issued_the_day_before_Nauryz_2024_is_due_after_the_carried_over_Monday_KZ_3_3()
    {
        // 21-22 March (Thu-Fri) holidays, 23 March (Saturday) carried over to Monday 25 March.
        Assert.Equal(new DateOnly(2024, 3, 27), Kazakhstan.AddBusinessDays(new DateOnly(2024, 3, 20), 2));
    }

    [Fact]
    public void Invoice_issued_on_an_ordinary_Tuesday_is_due_on_Thursday_KZ_3_3()
    {
        Assert.Equal(new DateOnly(2025, 2, 13), Kazakhstan.AddBusinessDays(new DateOnly(2025, 2, 11), 2));
    }

    [Fact]
    public void Renewal_for_an_expiry_just_after_New_Year_2025_is_due_on_31_December_KZ_2_7()
    {
        // Back from 8 January: 7 Jan Christmas (off), 6 Jan (1), Sunday 5 Jan worked by decree (2),
        // 4 Jan Saturday, 3 Jan transferred day off, 1-2 Jan New Year, 31 Dec (3).
        Assert.Equal(new DateOnly(2024, 12, 31), Kazakhstan.AddBusinessDays(new DateOnly(2025, 1, 8), -3));
    }

    [Fact]
    public void Renewal_for_an_expiry_on_8_January_2026_is_due_on_31_December_KZ_2_7()
    {
        Assert.Equal(new DateOnly(2025, 12, 31), Kazakhstan.AddBusinessDays(new DateOnly(2026, 1, 8), -3));
    }

    [Fact]
    public void Registration_paid_on_the_Friday_before_Victory_Day_2026_is_due_the_next_Tuesday_KZ_2_1()
    {
        // 9 May 2026 is a Saturday, carried over to Monday 11 May.
        Assert.Equal(new DateOnly(2026, 5, 12), Kazakhstan.AddBusinessDays(new DateOnly(2026, 5, 8), 1));
    }

    [Theory]
    [InlineData("2024-07-08")] // Capital Day, Saturday 6 July 2024
    [InlineData("2025-03-10")] // Women's Day, Saturday 8 March 2025
    [InlineData("2025-07-07")] // Capital Day, Sunday 6 July 2025
    [InlineData("2025-09-01")] // Constitution Day, Saturday 30 August 2025
    [InlineData("2028-12-18")] // Independence Day, Saturday 16 December 2028
    public void A_holiday_on_a_weekend_makes_the_next_working_day_a_day_off_KZ_2_1(string date)
    {
        Assert.False(Kazakhstan.IsBusinessDay(DateOnly.Parse(date)));
    }

    [Fact]
    public void Saturday_4_May_2024_worked_by_decree_is_a_business_day_and_8_May_is_not_KZ_2_1()
    {
        Assert.True(Kazakhstan.IsBusinessDay(new DateOnly(2024, 5, 4)));
        Assert.False(Kazakhstan.IsBusinessDay(new DateOnly(2024, 5, 8)));
    }

    [Fact]
    public void Sunday_5_January_2025_worked_by_decree_is_a_business_day_and_3_January_is_not_KZ_2_1()
    {
        Assert.True(Kazakhstan.IsBusinessDay(new DateOnly(2025, 1, 5)));
        Assert.False(Kazakhstan.IsBusinessDay(new DateOnly(2025, 1, 3)));
    }

    [Fact]
    public void Kurban_ait_on_a_Sunday_is_not_carried_over_so_the_Monday_is_a_business_day_KZ_2_1()
    {
        // Kurban ait 2024 fell on Sunday 16 June; religious days off are never carried over.
        Assert.True(Kazakhstan.IsBusinessDay(new DateOnly(2024, 6, 17)));
        Assert.False(Kazakhstan.IsBusinessDay(new DateOnly(2025, 6, 6)));
    }

    [Fact]
    public void Under_the_2026_Constitution_30_August_is_a_working_day_and_15_March_a_holiday_from_2027_KZ_3_3()
    {
        // Sunday 30 August 2026 is no longer carried over to Monday 31 August; 15 March 2027 is a Monday.
        Assert.True(Kazakhstan.IsBusinessDay(new DateOnly(2026, 8, 31)));
        Assert.True(Kazakhstan.IsBusinessDay(new DateOnly(2027, 8, 30)));
        Assert.False(Kazakhstan.IsBusinessDay(new DateOnly(2027, 3, 15)));
        Assert.Equal(new DateOnly(2027, 3, 17), Kazakhstan.AddBusinessDays(new DateOnly(2027, 3, 12), 2));
    }

    [Fact]
    public void Orthodox_Christmas_on_a_Sunday_is_not_carried_over_KZ_2_1()
    {
        Assert.True(Kazakhstan.IsBusinessDay(new DateOnly(2029, 1, 8)));
    }

    [Theory]
    [InlineData(2025, 246)] // Ministry of Labour: 119 days of rest in 2025 for a five-day week
    [InlineData(2026, 247)] // Ministry of Labour production calendar 2026: 246, plus Monday 31 August (Constitution Day moved)
    public void A_year_has_as_many_business_days_as_the_Ministry_of_Labour_production_calendar(int year, int businessDays)
    {
        Assert.Equal(businessDays, Kazakhstan.BusinessDaysBetween(new DateOnly(year - 1, 12, 31), new DateOnly(year, 12, 31)));
    }

    [Fact]
    public void March_2024_has_17_business_days_as_in_the_Ministry_of_Labour_working_time_balance()
    {
        Assert.Equal(17, Kazakhstan.BusinessDaysBetween(new DateOnly(2024, 2, 29), new DateOnly(2024, 3, 31)));
    }

    [Fact]
    public void Kazakhstan_keeps_UTC_plus_5_from_1_March_2024_and_was_UTC_plus_6_before()
    {
        Assert.Equal(TimeSpan.FromHours(6), Kazakhstan.TimeZone.GetUtcOffset(new DateTimeOffset(2024, 2, 15, 12, 0, 0, TimeSpan.Zero)));
        Assert.Equal(TimeSpan.FromHours(5), Kazakhstan.TimeZone.GetUtcOffset(new DateTimeOffset(2024, 3, 2, 12, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2025, 7, 1), Kazakhstan.LocalDate(new DateTimeOffset(2025, 6, 30, 19, 30, 0, TimeSpan.Zero)));
    }
}
