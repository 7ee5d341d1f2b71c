using Registrar.Core.Calendars;

namespace Registrar.Core.Tests.Calendars;

/// <summary>The shipped calendar files obey the laws their headers cite.</summary>
public sealed class CalendarDataTests
{
    private static readonly BusinessCalendars Calendars = BusinessCalendars.LoadEmbedded();

    [Theory]
    [InlineData("KZ", "Asia/Almaty")]
    [InlineData("UA", "Europe/Kyiv")]
    public void Each_country_has_calendar_data_for_2024_through_2030(string country, string timeZone)
    {
        var calendar = Calendars.For(country);

        Assert.Equal(new DateOnly(2024, 1, 1), calendar.FirstDate);
        Assert.Equal(new DateOnly(2030, 12, 31), calendar.LastDate);
        Assert.Equal(Enumerable.Range(2024, 7), calendar.Years.Select(y => y.Year));
        Assert.Equal(timeZone, calendar.TimeZone.Id);
    }

    // ZoneDeadlines.RenewalTimelineWaitsUntil bounds a deadline of N banking days past the data's years by N weeks.
    [Theory]
    [InlineData("KZ")]
    [InlineData("UA")]
    public void No_week_of_the_calendar_data_goes_without_a_business_day(string country)
    {
        var calendar = Calendars.For(country);

        for (var start = calendar.FirstDate; start.AddDays(6) <= calendar.LastDate; start = start.AddDays(1))
            Assert.True(Enumerable.Range(0, 7).Any(d => calendar.IsBusinessDay(start.AddDays(d))), $"{country}: no business day in the week from {start}.");
    }

    // Carry-overs come only from state holidays, so a religious day off on a weekend is never carried over.
    [Fact]
    public void Every_Kazakh_holiday_on_a_weekend_is_carried_over_to_the_next_working_day()
    {
        var calendar = Calendars.For("KZ");
        var entries = calendar.Entries.ToDictionary(e => e.Date, e => e.Kind);
        var expected = new List<DateOnly>();

        foreach (var holiday in calendar.Entries.Where(e => e.Kind == CalendarEntryKind.Holiday && IsWeekend(e.Date)))
        {
            var carriedTo = holiday.Date.AddDays(1);
            while (IsWeekend(carriedTo) || expected.Contains(carriedTo)
                   || entries.GetValueOrDefault(carriedTo) is CalendarEntryKind.Holiday or CalendarEntryKind.ReligiousHoliday
                       or CalendarEntryKind.TransferredDayOff)
            {
                carriedTo = carriedTo.AddDays(1);
            }
            expected.Add(carriedTo);
        }

        var carriedOver = calendar.Entries.Where(e => e.Kind == CalendarEntryKind.CarriedOverDayOff).Select(e => e.Date);
        Assert.Equal(expected, carriedOver);
    }

    [Fact]
    public void Each_Kazakh_year_lists_Orthodox_Christmas_and_the_first_day_of_Kurban_ait_as_religious_days_off()
    {
        var calendar = Calendars.For("KZ");

        Assert.All(calendar.Years, year =>
        {
            var religious = calendar.Entries
                .Where(e => e.Kind == CalendarEntryKind.ReligiousHoliday && e.Date.Year == year.Year)
                .ToList();
            Assert.Equal(2, religious.Count);
            Assert.Contains(religious, e => e.Date == new DateOnly(year.Year, 1, 7));
            Assert.Contains(religious, e => e.Description.StartsWith("Kurban ait", StringComparison.Ordinal));
        });
    }

    [Fact]
    public void A_transfer_moves_a_day_of_rest_and_only_years_with_a_decree_have_transfers()
    {
        foreach (var calendar in Calendars.Countries.Select(Calendars.For))
        {
            foreach (var year in calendar.Years)
            {
                var inYear = calendar.Entries.Where(e => e.Date.Year == year.Year).ToList();
                var daysOff = inYear.Count(e => e.Kind == CalendarEntryKind.TransferredDayOff);
                var workingDays = inYear.Count(e => e.Kind == CalendarEntryKind.TransferredWorkingDay);

                Assert.Equal(daysOff, workingDays);
                Assert.Equal(year.Transfers == TransferStatus.Decreed, daysOff > 0);
            }
        }
    }

    [Fact]
    public void Kazakh_transfers_are_decreed_for_2024_and_2025_none_for_2026_and_not_yet_decreed_from_2027()
    {
        var statuses = Calendars.For("KZ").Years.Select(y => y.Transfers);

        Assert.Equal(
            [TransferStatus.Decreed, TransferStatus.Decreed, TransferStatus.None, TransferStatus.NotYetDecreed,
             TransferStatus.NotYetDecreed, TransferStatus.NotYetDecreed, TransferStatus.NotYetDecreed],
            statuses);
    }

    [Fact]
    public void Ukraine_under_martial_law_has_only_worked_holidays_and_no_transfers()
    {
        var calendar = Calendars.For("UA");

        Assert.All(calendar.Years, y => Assert.Equal(TransferStatus.Suspended, y.Transfers));
        Assert.All(calendar.Entries, e => Assert.Equal(CalendarEntryKind.WorkedHoliday, e.Kind));
        // Labour Code art. 73: nine fixed holidays plus Easter and Trinity, every year.
        Assert.Equal(11 * 7, calendar.Entries.Count);
    }

    [Theory]
    [MemberData(nameof(DataFiles))]
    public void Every_calendar_file_names_its_sources_in_its_header(string file)
    {
        var header = ReadEmbedded(file).Split('\n').TakeWhile(l => l.StartsWith('#')).ToList();

        Assert.Contains("# Sources:", header);
        if (file.StartsWith("kz", StringComparison.Ordinal))
        {
            Assert.Contains(header, l => l.Contains("On holidays in the Republic of Kazakhstan"));
            Assert.Contains(header, l => l.Contains("Labour Code"));
        }
        else
        {
            Assert.Contains(header, l => l.Contains("MARTIAL LAW IS ASSUMED IN FORCE"));
            Assert.Contains(header, l => l.Contains("Law No. 2136-IX"));
            Assert.Contains(header, l => l.Contains("IF MARTIAL LAW ENDS"));
        }
    }

    [Theory]
    [InlineData("kz-2027.txt")]
    [InlineData("kz-2030.txt")]
    public void A_Kazakh_file_for_a_year_without_a_decree_says_transfers_are_not_yet_decreed(string file)
    {
        Assert.Contains("NOT YET DECREED", ReadEmbedded(file));
        Assert.Contains("ESTIMATE", ReadEmbedded(file));
    }

    public static TheoryData<string> DataFiles()
    {
        var data = new TheoryData<string>();
        foreach (var country in new[] { "kz", "ua" })
        {
            for (var year = 2024; year <= 2030; year++)
            {
                data.Add($"{country}-{year}.txt");
            }
        }
        return data;
    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static string ReadEmbedded(string file)
    {
        using var stream = typeof(BusinessCalendars).Assembly.GetManifestResourceStream($"Registrar.Core.Calendars.Data.{file}");
        Assert.NotNull(stream);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
