using System.Globalization;

namespace Registrar.Core.Zones;

/// <summary>Zone-name spelling: case, surrounding dots and the A-label form.</summary>
internal static class ZoneNames
{
    /// <summary>Lower case, without surrounding whitespace or leading/trailing dots.</summary>
    public static string Normalise(string zone) => zone.Trim().Trim('.').ToLowerInvariant();

    /// <exception cref="ArgumentException">The zone is not a valid IDN name.</exception>
    public static string ToAscii(string zone)
    {
        try
        {
            return new IdnMapping { UseStd3AsciiRules = true }.GetAscii(Normalise(zone)).ToLowerInvariant();
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException(
                $"'{zone}' is not a valid zone name: labels of letters, digits and hyphens separated by dots are expected.", e);
        }
    }

    /// <exception cref="ArgumentException">The zone is not a valid IDN name.</exception>
    public static string ToUnicode(string asciiZone) =>
        new IdnMapping { UseStd3AsciiRules = true }.GetUnicode(asciiZone);
}
