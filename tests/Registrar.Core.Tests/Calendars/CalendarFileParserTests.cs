using Registrar.Core.Calendars;

namespace Registrar.Core.Tests.Calendars;

/// <summary>Operations can load updated calendar files; malformed ones are refused with file and line.</summary>
public sealed class CalendarFileParserTests
{
    private static string File(int year, string body = "", string transfers = "not-yet-decreed awaiting the order") => $"""
        # Kazakhstan {year}. Sources: test data.
        country KZ
        year {year}
        time-zone Asia/Almaty
        weekend saturday sunday
        transfers {transfers}
        {body}
        """;

    [Fact]
    public void Files_from_operations_extend_the_calendar_with_their_holidays_and_transfers()
    {
        var calendars = BusinessCalendars.Parse([
            ("kz-2031.txt", File(2031, """
                holiday 2031-03-21 Nauryz meyramy
                transfer-working-day 2031-03-29 Saturday worked
                transfer-day-off 2031-03-24 moved from Saturday 29 March
                """, transfers: "decreed order No. 1")),
            ("kz-2032.txt", File(2032)),
        ]);
        var calendar = calendars.For("KZ");

        Assert.False(calendar.IsBusinessDay(new DateOnly(2031, 3, 21)));
        Assert.False(calendar.IsBusinessDay(new DateOnly(2031, 3, 24)));
        Assert.True(calendar.IsBusinessDay(new DateOnly(2031, 3, 29)));
        Assert.Equal(new DateOnly(2032, 12, 31), calendar.LastDate);
        Assert.Equal([TransferStatus.Decreed, TransferStatus.NotYetDecreed], calendar.Years.Select(y => y.Transfers));
    }

    [Fact]
    public void An_unknown_statement_is_refused_with_its_file_and_line()
    {
        var error = Assert.Throws<CalendarDataException>(() =>
            BusinessCalendars.Parse([("kz-2031.txt", File(2031, "holyday 2031-03-21 Nauryz"))]));

        Assert.Equal("kz-2031.txt", error.SourceName);
        Assert.Equal(7, error.LineNumber);
        Assert.Contains("'holyday' is not a calendar statement", error.Message);
    }

    [Theory]
    [InlineData("holiday 2031-02-30 Nonsense", "not a date in the form yyyy-mm-dd")]
    [InlineData("holiday 2032-01-01 New Year", "not in this file's year 2031")]
    [InlineData("holiday 2031-01-01", "needs a description")]
    [InlineData("holiday 2031-01-01 New Year\nholiday 2031-01-01 New Year again", "already listed on line 7")]
    [InlineData("carried-over 2031-03-22 Saturday", "falls on the weekend")]
    [InlineData("transfer-working-day 2031-03-20 Thursday", "is already a working day")]
    public void A_malformed_dated_line_is_refused_saying_what_is_wrong(string body, string problem)
    {
        var error = Assert.Throws<CalendarDataException>(() => BusinessCalendars.Parse([("kz-2031.txt", File(2031, body))]));

        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void A_file_without_its_header_statements_is_refused_naming_them()
    {
        var error = Assert.Throws<CalendarDataException>(() =>
            BusinessCalendars.Parse([("kz-2031.txt", "country KZ\nholiday 2031-01-01 New Year")]));

        Assert.Contains("missing header statement(s): year, time-zone, weekend, transfers", error.Message);
    }

    [Theory]
    [InlineData("country KZ", "country kz", "'kz' is not an ISO 3166-1 alpha-2 code")]
    [InlineData("year 2031", "year 31", "'31' is not a four-digit year")]
    [InlineData("weekend saturday sunday", "weekend saturday,sunday", "'saturday,sunday' is not a day of the week")]
    [InlineData("weekend saturday sunday", "weekend saturday 0", "'0' is not a day of the week")]
    [InlineData("time-zone Asia/Almaty", "time-zone Asia/Almaty\ntime-zone Asia/Aqtobe", "'time-zone' is stated twice (first on line 4)")]
    public void A_malformed_header_is_refused_saying_what_is_wrong(string statement, string replacement, string problem)
    {
        var text = File(2031).Replace(statement, replacement.Replace("\\n", "\n"));

        var error = Assert.Throws<CalendarDataException>(() => BusinessCalendars.Parse([("kz-2031.txt", text)]));

        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void A_missing_year_between_files_is_refused()
    {
        var error = Assert.Throws<CalendarDataException>(() =>
            BusinessCalendars.Parse([("kz-2031.txt", File(2031)), ("kz-2033.txt", File(2033))]));

        Assert.Contains("no file for 2032", error.Message);
    }

    [Fact]
    public void The_same_year_given_twice_is_refused()
    {
        var error = Assert.Throws<CalendarDataException>(() =>
            BusinessCalendars.Parse([("kz-2031.txt", File(2031)), ("kz-2031-new.txt", File(2031))]));

        Assert.Contains("KZ 2031 is also given by", error.Message);
    }

    [Fact]
    public void An_unknown_time_zone_is_refused()
    {
        var text = File(2031).Replace("Asia/Almaty", "Asia/Atlantis");

        var error = Assert.Throws<CalendarDataException>(() => BusinessCalendars.Parse([("kz-2031.txt", text)]));

        Assert.Contains("time-zone 'Asia/Atlantis' is not known", error.Message);
    }

    [Fact]
    public void An_unknown_transfers_status_is_refused()
    {
        var error = Assert.Throws<CalendarDataException>(() =>
            BusinessCalendars.Parse([("kz-2031.txt", File(2031, transfers: "maybe later"))]));

        Assert.Contains("transfers 'maybe' is not one of: decreed, none, not-yet-decreed, suspended", error.Message);
    }

    [Fact]
    public void No_files_at_all_is_refused()
    {
        Assert.Throws<CalendarDataException>(() => BusinessCalendars.Parse([]));
    }
}
