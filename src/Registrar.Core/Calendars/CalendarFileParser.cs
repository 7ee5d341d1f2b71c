using System.Globalization;

namespace Registrar.Core.Calendars;

/// <summary>
/// Reads the calendar file format: one statement per line, <c>#</c> starts a comment line, blank lines are ignored.
/// Header statements, once each: <c>country KZ</c>, <c>year 2025</c>, <c>time-zone Asia/Almaty</c>,
/// <c>weekend saturday sunday</c>, <c>transfers decreed|none|not-yet-decreed|suspended [note]</c>.
/// Dated statements: <c>&lt;kind&gt; yyyy-mm-dd description</c> with kind one of <c>holiday</c>,
/// <c>religious-holiday</c>, <c>carried-over</c>, <c>transfer-day-off</c>, <c>transfer-working-day</c>,
/// <c>worked-holiday</c>.
/// </summary>
internal static class CalendarFileParser
{
    private static readonly string[] HeaderKeywords = ["country", "year", "time-zone", "weekend", "transfers"];

    private static readonly Dictionary<string, CalendarEntryKind> EntryKinds = new(StringComparer.Ordinal)
    {
        ["holiday"] = CalendarEntryKind.Holiday,
        ["religious-holiday"] = CalendarEntryKind.ReligiousHoliday,
        ["carried-over"] = CalendarEntryKind.CarriedOverDayOff,
        ["transfer-day-off"] = CalendarEntryKind.TransferredDayOff,
        ["transfer-working-day"] = CalendarEntryKind.TransferredWorkingDay,
        ["worked-holiday"] = CalendarEntryKind.WorkedHoliday,
    };

    private static readonly Dictionary<string, TransferStatus> TransferStatuses = new(StringComparer.Ordinal)
    {
        ["decreed"] = TransferStatus.Decreed,
        ["none"] = TransferStatus.None,
        ["not-yet-decreed"] = TransferStatus.NotYetDecreed,
        ["suspended"] = TransferStatus.Suspended,
    };

    public static CalendarFile Parse(string sourceName, string text)
    {
        var header = new Dictionary<string, (int Line, string Value)>(StringComparer.Ordinal);
        var dated = new List<(int Line, CalendarEntry Entry)>();
        foreach (var (line, keyword, rest) in Statements(text))
        {
            if (!HeaderKeywords.Contains(keyword))
            {
                dated.Add((line, ParseEntry(sourceName, line, keyword, rest)));
            }
            else if (!header.TryAdd(keyword, (line, rest)))
            {
                throw new CalendarDataException(sourceName, line,
                    $"'{keyword}' is stated twice (first on line {header[keyword].Line}).");
            }
        }

        var missing = HeaderKeywords.Where(k => !header.ContainsKey(k)).ToList();
        if (missing.Count > 0)
        {
            throw new CalendarDataException(sourceName, $"missing header statement(s): {string.Join(", ", missing)}.");
        }

        CalendarDataException Error(string keyword, string problem) => new(sourceName, header[keyword].Line, problem);
        var country = ParseCountry(header["country"].Value, problem => Error("country", problem));
        var year = ParseYear(header["year"].Value, problem => Error("year", problem));
        var timeZoneId = header["time-zone"].Value.Length > 0 ? header["time-zone"].Value : throw Error("time-zone", "time-zone needs an IANA id.");
        var weekend = ParseWeekend(header["weekend"].Value, problem => Error("weekend", problem));
        var (status, note) = SplitFirstWord(header["transfers"].Value);
        var transfers = TransferStatuses.TryGetValue(status, out var parsedStatus)
            ? parsedStatus
            : throw Error("transfers", $"transfers '{status}' is not one of: {string.Join(", ", TransferStatuses.Keys)}.");

        CheckEntries(sourceName, year, weekend, dated);
        return new CalendarFile(sourceName, country, year, timeZoneId, weekend, transfers, note,
            dated.Select(d => d.Entry).OrderBy(e => e.Date).ToList());
    }

    private static IEnumerable<(int Line, string Keyword, string Remainder)> Statements(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].Trim();
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                var (keyword, rest) = SplitFirstWord(line);
                yield return (index + 1, keyword, rest);
            }
        }
    }

    private static CalendarEntry ParseEntry(string sourceName, int line, string keyword, string rest)
    {
        if (!EntryKinds.TryGetValue(keyword, out var kind))
        {
            throw new CalendarDataException(sourceName, line,
                $"'{keyword}' is not a calendar statement; expected {string.Join(", ", HeaderKeywords)} " +
                $"or one of: {string.Join(", ", EntryKinds.Keys)}.");
        }
        var (dateText, description) = SplitFirstWord(rest);
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new CalendarDataException(sourceName, line, $"'{dateText}' is not a date in the form yyyy-mm-dd.");
        }
        if (description.Length == 0)
        {
            throw new CalendarDataException(sourceName, line,
                $"the {keyword} on {dateText} needs a description (which holiday, which decree).");
        }
        return new CalendarEntry(date, kind, description);
    }

    private static void CheckEntries(
        string sourceName, int year, IReadOnlySet<DayOfWeek> weekend, List<(int Line, CalendarEntry Entry)> dated)
    {
        var seen = new Dictionary<DateOnly, int>();
        foreach (var (line, entry) in dated)
        {
            var date = $"{entry.Date:yyyy-MM-dd} ({entry.Date.DayOfWeek})";
            if (entry.Date.Year != year)
            {
                throw new CalendarDataException(sourceName, line, $"{date} is not in this file's year {year}.");
            }
            if (!seen.TryAdd(entry.Date, line))
            {
                throw new CalendarDataException(sourceName, line, $"{date} is already listed on line {seen[entry.Date]}.");
            }
            var onWeekend = weekend.Contains(entry.Date.DayOfWeek);
            if (entry.Kind is CalendarEntryKind.CarriedOverDayOff or CalendarEntryKind.TransferredDayOff && onWeekend)
            {
                throw new CalendarDataException(sourceName, line,
                    $"{date} falls on the weekend; a carried-over or transferred day off must be a weekday.");
            }
            if (entry.Kind == CalendarEntryKind.TransferredWorkingDay && !onWeekend)
            {
                throw new CalendarDataException(sourceName, line,
                    $"{date} is already a working day; transfer-working-day marks a weekend day worked by a transfer.");
            }
        }
    }

    private static string ParseCountry(string value, Func<string, CalendarDataException> error) =>
        value.Length == 2 && value.All(char.IsAsciiLetterUpper)
            ? value
            : throw error($"country '{value}' is not an ISO 3166-1 alpha-2 code in upper case, e.g. KZ.");

    private static int ParseYear(string value, Func<string, CalendarDataException> error) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1000 and <= 9998
            ? year
            : throw error($"year '{value}' is not a four-digit year.");

    private static HashSet<DayOfWeek> ParseWeekend(string value, Func<string, CalendarDataException> error)
    {
        var days = new HashSet<DayOfWeek>();
        foreach (var name in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!name.All(char.IsAsciiLetter) || !Enum.TryParse<DayOfWeek>(name, ignoreCase: true, out var day))
            {
                throw error($"'{name}' is not a day of the week (monday … sunday).");
            }
            days.Add(day);
        }
        return days.Count > 0 ? days : throw error("weekend names no days.");
    }

    private static (string First, string Remainder) SplitFirstWord(string text)
    {
        var space = text.IndexOfAny([' ', '\t']);
        return space < 0 ? (text, "") : (text[..space], text[(space + 1)..].Trim());
    }
}
