using Registrar.Core.Calendars;

namespace Registrar.Core.Contracts;

/// <summary>Days as the registrar counts them: dates in its own time zone, a day ending at its local midnight.</summary>
public static class LocalDays
{
    /// <summary>The instant <paramref name="date"/> ends in the calendar's time zone: a deadline "by that day" passes then.</summary>
    public static DateTimeOffset EndOf(DateOnly date, BusinessCalendar calendar)
    {
        var nextMidnight = date.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(nextMidnight, calendar.TimeZone.GetUtcOffset(nextMidnight));
    }
}
