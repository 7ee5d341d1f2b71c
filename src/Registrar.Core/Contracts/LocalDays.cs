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

    /// <summary>
    /// The same local clock time <paramref name="days"/> calendar days after <paramref name="instant"/> in
    /// <paramref name="timeZone"/>: "28 days after expiry" counts the registrar's days, so a daylight-saving change in
    /// between moves neither the hour nor the day. A clock time the change skips or repeats resolves to the later instant.
    /// </summary>
    public static DateTimeOffset SameTimeDaysAfter(DateTimeOffset instant, int days, TimeZoneInfo timeZone) =>
        MovedLocally(instant, timeZone, start => start.AddDays(days));

    /// <summary>
    /// The same local clock time <paramref name="years"/> years after <paramref name="instant"/> in <paramref name="timeZone"/>:
    /// years as the registrar counts them, whatever the offset the instant was stored with. A 29 February with no
    /// counterpart counts to 1 March, so the years are always whole.
    /// </summary>
    public static DateTimeOffset SameTimeYearsAfter(DateTimeOffset instant, int years, TimeZoneInfo timeZone) =>
        MovedLocally(instant, timeZone, start => start.AddYears(years) is var moved && moved.Day != start.Day ? moved.AddDays(1) : moved);

    /// <summary>The instant's local clock reading in <paramref name="timeZone"/>, moved, and read back at that zone's offset then.</summary>
    private static DateTimeOffset MovedLocally(DateTimeOffset instant, TimeZoneInfo timeZone, Func<DateTime, DateTime> move)
    {
        var local = move(TimeZoneInfo.ConvertTime(instant, timeZone).DateTime);
        return new DateTimeOffset(local, timeZone.GetUtcOffset(local));
    }
}
