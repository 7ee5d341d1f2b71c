using System.Globalization;

namespace Registrar.Payments.Notifications;

/// <summary>ISO 8601 dates and date-times as banks write them, read exactly (no culture-dependent guessing).</summary>
internal static class IsoDateTimes
{
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
        if (TryReadInstant(text, out var withOffset))
            return withOffset;
        return DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? InZone(local, zone)
            : null;
    }

    /// <summary>A booking date without a time counts from the start of that day in the bank's time zone.</summary>
    public static DateTimeOffset? ReadStartOfDay(string text, TimeZoneInfo zone) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? InZone(date.ToDateTime(TimeOnly.MinValue), zone)
            : null;

    private static DateTimeOffset InZone(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }
}
