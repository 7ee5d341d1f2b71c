using Registrar.Core.Calendars;

namespace Registrar.Core.Tests.Calendars;

public sealed class UkraineCalendarTests
{
    private static readonly BusinessCalendar Ukraine = BusinessCalendars.LoadEmbedded().For("UA");

    [Theory]
    [InlineData("2025-01-01")] // New Year, Wednesday
    [InlineData("2024-12-25")] // Christmas, Wednesday
    [InlineData("2025-05-08")] // Day of Remembrance and Victory, Thursday
    [InlineData("2026-10-01")] // Day of Defenders, Thursday
    [InlineData("2027-06-28")] // Constitution Day, Monday
    public void A_public_holiday_on_a_weekday_is_a_business_day_under_martial_law(string date)
    {
        Assert.True(Ukraine.IsBusinessDay(DateOnly.Parse(date)));
    }

    [Fact]
    public void Independence_Day_on_Sunday_24_August_2025_is_not_carried_over_to_Monday()
    {
        Assert.False(Ukraine.IsBusinessDay(new DateOnly(2025, 8, 24)));
        Assert.True(Ukraine.IsBusinessDay(new DateOnly(2025, 8, 25)));
    }

    [Fact]
    public void Saturday_and_Sunday_are_never_business_days()
    {
        Assert.False(Ukraine.IsBusinessDay(new DateOnly(2025, 3, 8)));
        Assert.False(Ukraine.IsBusinessDay(new DateOnly(2025, 3, 9)));
    }

    [Fact]
    public void A_claim_accepted_on_24_December_2025_is_answered_within_14_business_days_by_13_January_UA_5_1()
    {
        // Christmas (25 Dec) and New Year (1 Jan) are working days under martial law.
        Assert.Equal(new DateOnly(2026, 1, 13), Ukraine.AddBusinessDays(new DateOnly(2025, 12, 24), 14));
    }

    [Fact]
    public void Force_majeure_on_Friday_22_August_2025_is_notified_within_3_business_days_by_27_August_UA_7_2()
    {
        Assert.Equal(new DateOnly(2025, 8, 27), Ukraine.AddBusinessDays(new DateOnly(2025, 8, 22), 3));
    }

    [Fact]
    public void Three_business_days_before_2_January_2026_is_30_December()
    {
        Assert.Equal(new DateOnly(2025, 12, 30), Ukraine.AddBusinessDays(new DateOnly(2026, 1, 2), -3));
    }

    [Fact]
    public void Every_weekday_of_2025_is_a_business_day()
    {
        Assert.Equal(261, Ukraine.BusinessDaysBetween(new DateOnly(2024, 12, 31), new DateOnly(2025, 12, 31)));
    }

    [Fact]
    public void Ukraine_uses_Kyiv_time_with_summer_time()
    {
        Assert.Equal(TimeSpan.FromHours(2), Ukraine.TimeZone.GetUtcOffset(new DateTimeOffset(2025, 1, 15, 12, 0, 0, TimeSpan.Zero)));
        Assert.Equal(TimeSpan.FromHours(3), Ukraine.TimeZone.GetUtcOffset(new DateTimeOffset(2025, 7, 15, 12, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 1, 1), Ukraine.LocalDate(new DateTimeOffset(2025, 12, 31, 22, 30, 0, TimeSpan.Zero)));
    }
}
