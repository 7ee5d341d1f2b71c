namespace Registrar.Core.Calendars;

/// <summary>
/// The business-day calendars of every country the registrar serves, built from calendar data files
/// (one per country and year). The files shipped in Registrar.Core are embedded resources; a host can parse
/// updated files from elsewhere with <see cref="Parse"/>.
/// </summary>
public sealed class BusinessCalendars
{
    private const string EmbeddedPrefix = "Registrar.Core.Calendars.Data.";

    private static readonly Lazy<BusinessCalendars> Embedded = new(() => Parse(ReadEmbeddedFiles()));

    private readonly Dictionary<string, BusinessCalendar> _byCountry;

    private BusinessCalendars(Dictionary<string, BusinessCalendar> byCountry) => _byCountry = byCountry;

    /// <summary>The countries with a calendar, e.g. KZ and UA.</summary>
    public IReadOnlyCollection<string> Countries => _byCountry.Keys;

    /// <summary>The data files shipped in Registrar.Core (parsed once; the result is immutable).</summary>
    public static BusinessCalendars LoadEmbedded() => Embedded.Value;

    /// <summary>The shipped files with operations' corrections: a file named like a shipped one (<c>kz-2027.txt</c>)
    /// replaces it, a new name adds a year. Corrections take effect at the next start, without a code release.</summary>
    /// <exception cref="CalendarDataException">A correction is malformed or leaves the years inconsistent.</exception>
    public static BusinessCalendars LoadEmbeddedWith(IEnumerable<(string Name, string Text)> corrections)
    {
        var files = ReadEmbeddedFiles().ToDictionary(f => f.Name, f => f.Text, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, text) in corrections) files[name] = text;
        return Parse(files.Select(f => (f.Key, f.Value)));
    }

    /// <summary>The years of every calendar whose data is an assumption (transfers not yet decreed) and that
    /// a deadline between <paramref name="from"/> and <paramref name="to"/> may fall in.</summary>
    public IReadOnlyList<CalendarYear> AssumedYearsBetween(DateOnly from, DateOnly to) =>
        [.. _byCountry.Values.SelectMany(calendar => calendar.Years)
            .Where(year => year.Transfers == TransferStatus.NotYetDecreed && year.Year >= from.Year && year.Year <= to.Year)];

    /// <summary>The calendar files, named as shipped (<c>kz-2031.txt</c>), that no country's calendar has for a year between
    /// <paramref name="from"/> and <paramref name="to"/>: a deadline falling there cannot be counted at all.</summary>
    public IReadOnlyList<string> MissingFilesBetween(DateOnly from, DateOnly to) =>
        [.. _byCountry.Values.OrderBy(calendar => calendar.Country, StringComparer.Ordinal).SelectMany(calendar =>
            Enumerable.Range(from.Year, to.Year - from.Year + 1)
                .Where(year => year < calendar.FirstDate.Year || year > calendar.LastDate.Year)
                .Select(year => $"{calendar.Country.ToLowerInvariant()}-{year}.txt"))];

    /// <summary>Builds the calendars from calendar files: (name for error messages, file text).</summary>
    /// <exception cref="CalendarDataException">A file is malformed, a year is missing or doubled, or files disagree.</exception>
    public static BusinessCalendars Parse(IEnumerable<(string Name, string Text)> files)
    {
        var parsed = files.Select(f => CalendarFileParser.Parse(f.Name, f.Text)).ToList();
        if (parsed.Count == 0)
        {
            throw new CalendarDataException("calendar data", "no calendar files were given.");
        }

        var byCountry = parsed
            .GroupBy(f => f.Country, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Build(g.OrderBy(f => f.Year).ToList()), StringComparer.OrdinalIgnoreCase);
        return new BusinessCalendars(byCountry);
    }

    /// <exception cref="UnknownCalendarException">No calendar is loaded for the country.</exception>
    public BusinessCalendar For(string country) =>
        _byCountry.TryGetValue(country, out var calendar)
            ? calendar
            : throw new UnknownCalendarException(country, _byCountry.Keys.Order(StringComparer.Ordinal));

    private static BusinessCalendar Build(List<CalendarFile> years)
    {
        var first = years[0];
        for (var i = 1; i < years.Count; i++)
        {
            var (previous, file) = (years[i - 1], years[i]);
            if (file.Year == previous.Year)
            {
                throw new CalendarDataException(file.SourceName,
                    $"{file.Country} {file.Year} is also given by {previous.SourceName}; give each year once.");
            }
            if (file.Year != previous.Year + 1)
            {
                throw new CalendarDataException(file.SourceName,
                    $"{file.Country} has no file for {previous.Year + 1} between {previous.SourceName} and this one; " +
                    "the years must be contiguous.");
            }
            if (file.TimeZoneId != first.TimeZoneId || !file.Weekend.SetEquals(first.Weekend))
            {
                throw new CalendarDataException(file.SourceName,
                    $"time-zone or weekend differs from {first.SourceName}; a country's files must agree.");
            }
        }

        return new BusinessCalendar(
            first.Country,
            FindTimeZone(first),
            first.Weekend,
            years.Select(f => new CalendarYear(f.Year, f.Transfers, f.TransfersNote, f.SourceName)).ToList(),
            years.SelectMany(f => f.Entries).ToList());
    }

    private static TimeZoneInfo FindTimeZone(CalendarFile file)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(file.TimeZoneId);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new CalendarDataException(file.SourceName,
                $"time-zone '{file.TimeZoneId}' is not known on this machine; use an IANA id such as Asia/Almaty " +
                "and make sure the time-zone database (tzdata) is installed.");
        }
    }

    private static IEnumerable<(string Name, string Text)> ReadEmbeddedFiles()
    {
        var assembly = typeof(BusinessCalendars).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames()
                     .Where(n => n.StartsWith(EmbeddedPrefix, StringComparison.Ordinal) && n.EndsWith(".txt", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            yield return (resource[EmbeddedPrefix.Length..], reader.ReadToEnd());
        }
    }
}
