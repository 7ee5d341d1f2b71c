namespace Registrar.Core.Calendars;

/// <summary>
/// One country's working days (in these offers "business day" and "banking day" are the same calendar).
/// Everything is precomputed per day over the data's years, so every query is O(1) and allocation-free.
/// </summary>
public sealed class BusinessCalendar
{
    private readonly int _firstDayNumber;
    private readonly bool[] _isBusinessDay;            // by day offset from FirstDate
    private readonly int[] _businessDaysBefore;        // [i] = business days among offsets 0 .. i-1; length days + 1
    private readonly int[] _businessDayOffsets;        // offsets of the business days, ascending

    internal BusinessCalendar(
        string country,
        TimeZoneInfo timeZone,
        IReadOnlySet<DayOfWeek> weekend,
        IReadOnlyList<CalendarYear> years,
        IReadOnlyList<CalendarEntry> entries)
    {
        Country = country;
        TimeZone = timeZone;
        Years = years;
        Entries = entries;
        FirstDate = new DateOnly(years[0].Year, 1, 1);
        LastDate = new DateOnly(years[^1].Year, 12, 31);
        _firstDayNumber = FirstDate.DayNumber;

        var dayCount = LastDate.DayNumber - _firstDayNumber + 1;
        _isBusinessDay = new bool[dayCount];
        for (var offset = 0; offset < dayCount; offset++)
        {
            _isBusinessDay[offset] = !weekend.Contains(FirstDate.AddDays(offset).DayOfWeek);
        }
        foreach (var entry in entries)
        {
            var offset = entry.Date.DayNumber - _firstDayNumber;
            _isBusinessDay[offset] = entry.Kind switch
            {
                CalendarEntryKind.Holiday or CalendarEntryKind.ReligiousHoliday
                    or CalendarEntryKind.CarriedOverDayOff or CalendarEntryKind.TransferredDayOff => false,
                CalendarEntryKind.TransferredWorkingDay => true,
                // UA under martial law: the holiday gives no day off and is not carried over.
                CalendarEntryKind.WorkedHoliday => _isBusinessDay[offset],
                _ => throw new ArgumentOutOfRangeException(nameof(entries), entry.Kind, "Unknown calendar entry kind."),
            };
        }

        _businessDaysBefore = new int[dayCount + 1];
        var offsets = new List<int>(dayCount);
        for (var offset = 0; offset < dayCount; offset++)
        {
            _businessDaysBefore[offset + 1] = _businessDaysBefore[offset] + (_isBusinessDay[offset] ? 1 : 0);
            if (_isBusinessDay[offset])
            {
                offsets.Add(offset);
            }
        }
        _businessDayOffsets = offsets.ToArray();
    }

    /// <summary>ISO 3166-1 alpha-2 code: "KZ" or "UA".</summary>
    public string Country { get; }

    /// <summary>The registrar's local time in that country (Asia/Almaty, Europe/Kyiv).</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>1 January of the first year the data covers.</summary>
    public DateOnly FirstDate { get; }

    /// <summary>31 December of the last year the data covers.</summary>
    public DateOnly LastDate { get; }

    /// <summary>The years covered, in order, with whether each year's transfers are decreed.</summary>
    public IReadOnlyList<CalendarYear> Years { get; }

    /// <summary>Every dated line of the data (holidays, carry-overs, transfers), in date order.</summary>
    public IReadOnlyList<CalendarEntry> Entries { get; }

    /// <exception cref="DateOutsideCalendarException">The date is outside the data's years.</exception>
    public bool IsBusinessDay(DateOnly date) => _isBusinessDay[OffsetOf(date)];

    /// <summary>
    /// days &gt; 0: the N-th business day after <paramref name="date"/>; days &lt; 0: the N-th business day before it;
    /// 0: the date itself. The date need not be a business day.
    /// </summary>
    /// <exception cref="DateOutsideCalendarException">The date, or the day counted to, is outside the data's years.</exception>
    public DateOnly AddBusinessDays(DateOnly date, int days)
    {
        var offset = OffsetOf(date);
        if (days == 0)
        {
            return date;
        }

        // Rank (0-based) of the wanted business day among all business days in the data.
        var rank = days > 0
            ? (long)_businessDaysBefore[offset + 1] + days - 1
            : (long)_businessDaysBefore[offset] + days;
        if (rank < 0 || rank >= _businessDayOffsets.Length)
        {
            throw DateOutsideCalendarException.ForCount(Country, date, days, FirstDate, LastDate);
        }
        return FirstDate.AddDays(_businessDayOffsets[rank]);
    }

    /// <summary>
    /// The number of business days d with from &lt; d &lt;= to; negative (the count of from &gt;= d &gt; to) when to is before from.
    /// </summary>
    /// <exception cref="DateOutsideCalendarException">Either date is outside the data's years.</exception>
    public int BusinessDaysBetween(DateOnly from, DateOnly to) =>
        _businessDaysBefore[OffsetOf(to) + 1] - _businessDaysBefore[OffsetOf(from) + 1];

    /// <summary>The local calendar date in this country at an instant.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    private int OffsetOf(DateOnly date)
    {
        var offset = date.DayNumber - _firstDayNumber;
        if ((uint)offset >= (uint)_isBusinessDay.Length)
        {
            throw DateOutsideCalendarException.ForDate(Country, date, FirstDate, LastDate);
        }
        return offset;
    }

    public override string ToString() => $"{Country} business days {FirstDate:yyyy-MM-dd} to {LastDate:yyyy-MM-dd}";
}
