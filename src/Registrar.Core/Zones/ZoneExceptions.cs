namespace Registrar.Core.Zones;

public sealed class UnknownZoneException(string zone, IEnumerable<string> knownZones)
    : ArgumentException($"'{zone}' is not a zone this registrar serves; the zones are: " +
                        string.Join(", ", knownZones.Select(z => "." + z)) + ".")
{
    public string Zone { get; } = zone;
}

/// <summary>The zone data (zones.json or an operations copy) is malformed or out of range.</summary>
public sealed class ZoneDataException : Exception
{
    public ZoneDataException(string message) : base(message) { }

    public ZoneDataException(string message, Exception inner) : base(message, inner) { }
}
