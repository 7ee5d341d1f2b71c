using System.Globalization;

namespace Registrar.Payments.Camt054;

/// <summary>ISO 20022 ISODate / ISODateTime values, placed on the time line in the bank's time zone when they carry no offset.</summary>
internal static class IsoDateTimes
{
    private static readonly string[] LocalFormats =
        ["yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF"];

    private static readonly string[] OffsetFormats =
        ["yyyy-MM-ddTHH:mm:sszzz", "yyyy-MM-ddTHH:mm:ss.FFFFFFFzzz", "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mm:ss.FFFFFFFZ"];

    public static DateTimeOffset? ReadDateTime(string text, TimeZoneInfo zone)
    {
        if (DateTimeOffset.TryParseExact(text, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var withOffset))
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
