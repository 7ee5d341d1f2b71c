using System.Globalization;

namespace Registrar.Payments.Notifications;

/// <summary>ISO 8601 dates and date-times as banks write them, read exactly (no culture-dependent guessing).</summary>
public static class IsoDateTimes
{
    private const int MaxFractionDigits = 7;
    private const int DateLength = 10; // yyyy-MM-dd

    private static readonly string[] LocalFormats =
        ["yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF"];

    private static readonly string[] OffsetFormats =
        ["yyyy-MM-ddTHH:mm:sszzz", "yyyy-MM-ddTHH:mm:ss.FFFFFFFzzz", "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mm:ss.FFFFFFFZ"];

    /// <summary>A date-time that must carry its offset ("Z" or "+05:00").</summary>
    public static bool TryReadInstant(string text, out DateTimeOffset instant) =>
        DateTimeOffset.TryParseExact(text, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant);

    /// <summary>A date-time with an offset, or without one and then read in <paramref name="zone"/> (ISO 20022 ISODateTime).</summary>
    public static DateTimeOffset? ReadDateTime(string text, TimeZoneInfo zone)
    {
        text = WithinTicks(text);
        if (TryReadInstant(text, out var withOffset))
            return withOffset;
        return DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? InZone(local, zone)
            : null;
    }

    /// <summary>xs:dateTime allows any number of fraction digits (a bank's clock may write nanoseconds); those beyond the
    /// seven a DateTimeOffset holds (100 ns) are dropped.</summary>
    private static string WithinTicks(string text)
    {
        var dot = text.IndexOf('.');
        if (dot < 0)
            return text;
        var end = dot + 1;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
            end++;
        return end - dot - 1 > MaxFractionDigits ? text.Remove(dot + 1 + MaxFractionDigits, end - dot - 1 - MaxFractionDigits) : text;
    }

    /// <summary>A booking date without a time counts from the start of that day: in the bank's time zone, or at the offset the
    /// date carries (ISO 20022 ISODate is xs:date, whose lexical form may end in "Z" or "+05:00").</summary>
    public static DateTimeOffset? ReadStartOfDay(string text, TimeZoneInfo zone)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return InZone(date.ToDateTime(TimeOnly.MinValue), zone);
        return text.Length > DateLength && TryReadInstant(text.Insert(DateLength, "T00:00:00"), out var start) ? start : null;
    }

    /// <returns>Null at the edges of the calendar, where the zone's offset would put the instant outside
    /// what can be represented (0001-01-01 east of UTC, 9999-12-31 west of it).</returns>
    private static DateTimeOffset? InZone(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        // A local time the clocks pass twice (the hour they go back) cannot tell its moment: the payment counts from the
        // earlier one, the larger offset, in the payer's favour (KZ-3.5, UA-3.4). One the clocks skip (the hour they go forward)
        // is read at the offset before the change, as a clock not yet moved would have shown it: Kyiv's 03:30 on the spring day
        // is 01:30Z, which Kyiv's clocks showed as 04:30.
        var offset = zone.IsAmbiguousTime(unspecified) ? zone.GetAmbiguousTimeOffsets(unspecified).Max() : zone.GetUtcOffset(unspecified);
        var utcTicks = unspecified.Ticks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
            return null;
        // Shown at the zone's offset at that instant, so the time a person reads is one the bank's clock showed; that differs
        // from the offset read only in the skipped hour, never at the calendar's edges.
        var instant = new DateTimeOffset(utcTicks, TimeSpan.Zero);
        return instant.ToOffset(zone.GetUtcOffset(instant));
    }
}
