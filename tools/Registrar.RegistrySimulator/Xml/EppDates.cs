using System.Globalization;

namespace Registrar.RegistrySimulator.Xml;

public static class EppDates
{
    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string FormatDate(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An xs:date such as RFC 5731's curExpDate: the date, then an optional time zone ("Z", "+05:00"), which XSD 1.0
    /// Part 2 section 3.2.9 allows. The date is one on that zone's calendar, so the zone comes back with it; none is UTC.</summary>
    public static (DateOnly Date, TimeSpan Zone) ParseDate(string text)
    {
        var value = text.Trim();
        var zone = value[10..] is "" or "Z" ? TimeSpan.Zero
            : DateTimeOffset.ParseExact("2000-01-01" + value[10..], "yyyy-MM-ddzzz", CultureInfo.InvariantCulture).Offset;
        return (DateOnly.ParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture), zone);
    }
}
