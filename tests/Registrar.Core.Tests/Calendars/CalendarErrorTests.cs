using Registrar.Core.Calendars;

namespace Registrar.Core.Tests.Calendars;

public sealed class CalendarErrorTests
{
    private static readonly BusinessCalendars Calendars = BusinessCalendars.LoadEmbedded();

    [Fact]
    public void A_date_after_the_data_is_refused_with_the_file_to_add()
    {
        var error = Assert.Throws<DateOutsideCalendarException>(() => Calendars.For("KZ").IsBusinessDay(new DateOnly(2031, 1, 2)));

        Assert.Equal("KZ", error.Country);
        Assert.Equal(new DateOnly(2031, 1, 2), error.Date);
        Assert.Contains("2024-01-01 to 2030-12-31", error.Message);
        Assert.Contains("kz-2031.txt", error.Message);
    }

    [Fact]
    public void A_date_before_the_data_is_refused_with_the_file_to_add()
    {
        var error = Assert.Throws<DateOutsideCalendarException>(() => Calendars.For("UA").AddBusinessDays(new DateOnly(2023, 12, 29), 2));

        Assert.Contains("ua-2023.txt", error.Message);
    }

    [Fact]
    public void Counting_past_the_end_of_the_data_is_refused_rather_than_guessed_KZ_3_3()
    {
        var kazakhstan = Calendars.For("KZ");

        Assert.Equal(new DateOnly(2030, 12, 31), kazakhstan.AddBusinessDays(new DateOnly(2030, 12, 27), 2));
        var error = Assert.Throws<DateOutsideCalendarException>(() => kazakhstan.AddBusinessDays(new DateOnly(2030, 12, 27), 3));
        Assert.Contains("runs past the end (2030-12-31)", error.Message);
        Assert.Contains("kz-2031.txt", error.Message);
    }

    [Fact]
    public void Counting_back_past_the_start_of_the_data_is_refused_rather_than_guessed_KZ_2_7()
    {
        var kazakhstan = Calendars.For("KZ");

        // 3 January 2024 is the first business day of the data.
        Assert.Equal(new DateOnly(2024, 1, 3), kazakhstan.AddBusinessDays(new DateOnly(2024, 1, 4), -1));
        var error = Assert.Throws<DateOutsideCalendarException>(() => kazakhstan.AddBusinessDays(new DateOnly(2024, 1, 4), -2));
        Assert.Contains("kz-2023.txt", error.Message);
    }

    [Fact]
    public void Business_days_between_dates_outside_the_data_are_refused()
    {
        Assert.Throws<DateOutsideCalendarException>(() =>
            Calendars.For("UA").BusinessDaysBetween(new DateOnly(2030, 12, 1), new DateOnly(2031, 1, 31)));
    }

    [Theory]
    [InlineData("RU")]
    [InlineData("")]
    [InlineData("Kazakhstan")]
    public void An_unknown_country_is_refused_naming_the_known_ones(string country)
    {
        var error = Assert.Throws<UnknownCalendarException>(() => Calendars.For(country));

        Assert.Equal(country, error.Country);
        Assert.Contains("KZ, UA", error.Message);
    }

    [Fact]
    public void Country_codes_are_matched_regardless_of_case()
    {
        Assert.Same(Calendars.For("KZ"), Calendars.For("kz"));
    }
}
