using System.Globalization;

namespace Registrar.Core.Calendars;

/// <summary>
/// Reads the calendar file format: one statement per line, <c>#</c> starts a comment line, blank lines are ignored.
/// Header statements: <c>country KZ</c>, <c>year 2025</c>, <c>time-zone Asia/Almaty</c>,
/// <c>weekend saturday sunday</c>, <c>transfers decreed|none|not-yet-decreed|suspended [note]</c>.
/// Dated statements: <c>&lt;kind&gt; yyyy-mm-dd description</c> with kind one of
/// <c>holiday</c>, <c>religious-holiday</c>, <c>carried-over</c>, <c>transfer-day-off</c>,
/// <c>transfer-working-day</c>, <c>worked-holiday</c>.
/// </summary>
internal static class CalendarFileParser
{
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
        string? country = null, timeZoneId = null, transfersNote = null;
        int? year = null;
        HashSet<DayOfWeek>? weekend = null;
        TransferStatus? transfers = null;
        var dated = new List<(int Line, CalendarEntry Entry)>();

        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var lineNumber = index + 1;
            var line = lines[index].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var (keyword, rest) = SplitFirstWord(line);
            CalendarDataException Error(string problem) => new(sourceName, lineNumber, problem);

            switch (keyword)
            {
                case "country":
                    country = OnlyOnce(country, rest, Error);
                    if (country.Length != 2 || !country.All(char.IsAsciiLetterUpper))
                    {
                        throw Error($"country '{country}' is not an ISO 3166-1 alpha-2 code in upper case, e.g. KZ.");
                    }
                    break;
                case "year":
                    if (year is not null)
                    {
                        throw Error("'year' is stated twice.");
                    }
                    if (!int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var parsedYear)
                        || parsedYear is < 1000 or > 9998)
                    {
                        throw Error($"year '{rest}' is not a four-digit year.");
                    }
                    year = parsedYear;
                    break;
                case "time-zone":
                    timeZoneId = OnlyOnce(timeZoneId, rest, Error);
                    break;
                case "weekend":
                    if (weekend is not null)
                    {
                        throw Error("'weekend' is stated twice.");
                    }
                    weekend = ParseWeekend(rest, Error);
                    break;
                case "transfers":
                    if (transfers is not null)
                    {
                        throw Error("'transfers' is stated twice.");
                    }
                    var (status, note) = SplitFirstWord(rest);
                    transfers = TransferStatuses.TryGetValue(status, out var parsedStatus)
                        ? parsedStatus
                        : throw Error($"transfers '{status}' is not one of: {string.Join(", ", TransferStatuses.Keys)}.");
                    transfersNote = note;
                    break;
                default:
                    if (!EntryKinds.TryGetValue(keyword, out var kind))
                    {
                        throw Error($"'{keyword}' is not a calendar statement; expected country, year, time-zone, weekend, " +
                                    $"transfers or one of: {string.Join(", ", EntryKinds.Keys)}.");
                    }
                    var (dateText, description) = SplitFirstWord(rest);
                    if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    {
                        throw Error($"'{dateText}' is not a date in the form yyyy-mm-dd.");
                    }
                    if (description.Length == 0)
                    {
                        throw Error($"the {keyword} on {dateText} needs a description (which holiday, which decree).");
                    }
                    dated.Add((lineNumber, new CalendarEntry(date, kind, description)));
                    break;
            }
        }

        var missing = new[] { ("country", country is null), ("year", year is null), ("time-zone", timeZoneId is null),
                              ("weekend", weekend is null), ("transfers", transfers is null) }
            .Where(m => m.Item2).Select(m => m.Item1).ToList();
        if (missing.Count > 0)
        {
            throw new CalendarDataException(sourceName, $"missing header statement(s): {string.Join(", ", missing)}.");
        }

        CheckEntries(sourceName, year!.Value, weekend!, dated);
        return new CalendarFile(sourceName, country!, year.Value, timeZoneId!, weekend!, transfers!.Value,
            transfersNote!, dated.Select(d => d.Entry).OrderBy(e => e.Date).ToList());
    }

    private static void CheckEntries(
        string sourceName, int year, HashSet<DayOfWeek> weekend, List<(int Line, CalendarEntry Entry)> dated)
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

    private static HashSet<DayOfWeek> ParseWeekend(string rest, Func<string, CalendarDataException> error)
    {
        var days = new HashSet<DayOfWeek>();
        foreach (var name in rest.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Enum.TryParse<DayOfWeek>(name, ignoreCase: true, out var day) || !Enum.IsDefined(day) || char.IsDigit(name[0]))
            {
                throw error($"'{name}' is not a day of the week (monday … sunday).");
            }
            days.Add(day);
        }
        return days.Count > 0 ? days : throw error("weekend names no days.");
    }

    private static string OnlyOnce(string? current, string value, Func<string, CalendarDataException> error)
    {
        if (current is not null)
        {
            throw error($"this header statement is stated twice (first value '{current}').");
        }
        return value.Length > 0 ? value : throw error("this header statement needs a value.");
    }

    private static (string First, string Remainder) SplitFirstWord(string text)
    {
        var space = text.IndexOfAny([' ', '\t']);
        return space < 0 ? (text, "") : (text[..space], text[(space + 1)..].Trim());
    }
}
