using System.Globalization;
using System.Text;

namespace Registrar.Storage.Tables;

/// <summary>Keys built from outside values (bank references, domain names, client keys). The service
/// forbids '/', '\', '#', '?' and control characters in keys; those and '%' are percent-encoded so that
/// different values never collide.</summary>
public static class TableKeys
{
    public static string Escape(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c))
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            else
                builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>Ticks as 19 digits, so that row keys sort as the instants do.</summary>
    public static string Ticks(DateTimeOffset instant) =>
        instant.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>The instant a <see cref="Ticks"/> key names.</summary>
    public static DateTimeOffset InstantOfTicks(string ticks) =>
        new(long.Parse(ticks, NumberStyles.None, CultureInfo.InvariantCulture), TimeSpan.Zero);

    /// <summary>Ticks counted down from the end of time, so that the newest row sorts first.</summary>
    public static string InvertedTicks(DateTimeOffset instant) =>
        (DateTimeOffset.MaxValue.UtcTicks - instant.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>The <see cref="InvertedTicks"/> key of the tick before <paramref name="instant"/>, which sorts just above every
    /// key of that instant; also before the first instant there is, which no DateTimeOffset can hold.</summary>
    public static string InvertedTicksBefore(DateTimeOffset instant) =>
        (DateTimeOffset.MaxValue.UtcTicks - instant.UtcTicks + 1).ToString("D19", CultureInfo.InvariantCulture);
}
