using System.Globalization;

namespace Registrar.Core.Deadlines;

/// <summary>Instants written as people read them, the same in problem details, explanations and mails: ISO dates in the offset
/// the instant carries (for a deadline, the registrar's zone it was counted in) with its UTC offset, never a day-month order a
/// reader could swap.</summary>
public static class LocalTimes
{
    /// <summary>"2027-05-26 23:59 (UTC+5)". A deadline at local midnight is the bound from which something is late (KZ-2.7: the
    /// end of the last banking day), so it reads as the last minute of the day before: "pay by the 26th", not "by 00:00 on the
    /// 27th", which people take for the 27th itself.</summary>
    public static string Deadline(DateTimeOffset instant) =>
        Minute(instant.TimeOfDay == TimeSpan.Zero ? instant.AddMinutes(-1) : instant);

    /// <summary><see cref="Deadline(DateTimeOffset)"/> in <paramref name="timeZone"/>, whose offset may differ a minute before
    /// midnight on a day the clocks change.</summary>
    public static string Deadline(DateTimeOffset instant, TimeZoneInfo timeZone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, timeZone);
        return Minute(local.TimeOfDay == TimeSpan.Zero ? TimeZoneInfo.ConvertTime(instant.AddMinutes(-1), timeZone) : local);
    }

    /// <summary>"2027-05-27 00:30:05 (UTC+5)": a moment something happened (a payment booked), to the second, in the offset of
    /// the deadline <paramref name="beside"/> it is judged against, so the two read alike.</summary>
    public static string Moment(DateTimeOffset instant, DateTimeOffset beside) =>
        instant.ToOffset(beside.Offset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + $" (UTC{Offset(beside.Offset)})";

    private static string Minute(DateTimeOffset local) =>
        local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + $" (UTC{Offset(local.Offset)})";

    private static string Offset(TimeSpan offset)
    {
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var abs = offset.Duration();
        return abs.Minutes == 0 ? $"{sign}{abs.Hours}" : $"{sign}{abs.Hours}:{abs.Minutes:D2}";
    }
}
