using System.Globalization;
using System.Xml;

namespace Registrar.RegistrySimulator.Xml;

public static class EppDates
{
    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string FormatDate(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly ParseDate(string text) => DateOnly.FromDateTime(XmlConvert.ToDateTime(text.Trim(), "yyyy-MM-dd"));
}
