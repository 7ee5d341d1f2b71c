using System.Text.Json;

namespace Registrar.Core.Zones;

/// <summary>The zones this registrar serves, each with its policy.</summary>
public sealed class ZoneCatalog
{
    private const string EmbeddedResource = "Registrar.Core.Zones.zones.json";

    private readonly Dictionary<string, ZonePolicy> byName;

    private ZoneCatalog(IReadOnlyList<ZonePolicy> policies)
    {
        All = policies;
        byName = new Dictionary<string, ZonePolicy>(StringComparer.Ordinal);
        foreach (var policy in policies)
        {
            byName[policy.Zone] = policy;
            byName[policy.AsciiZone] = policy;
        }
    }

    public IReadOnlyCollection<ZonePolicy> All { get; }

    /// <summary>The policies shipped with Registrar.Core (Zones/zones.json).</summary>
    public static ZoneCatalog LoadEmbedded() => Parse(EmbeddedData.ReadText(EmbeddedResource));

    /// <summary>Reads a zones.json document, such as an operations-updated copy of the shipped one.</summary>
    /// <exception cref="ZoneDataException">The document is malformed or a setting is out of range.</exception>
    public static ZoneCatalog Parse(string json)
    {
        ZoneDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<ZoneDocument>(json, PolicyJson.Options);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or NotSupportedException)
        {
            throw new ZoneDataException($"The zone data cannot be read: {e.Message}", e);
        }
        if (document is null || document.Zones.Count == 0)
            throw new ZoneDataException("The zone data lists no zones; expected {\"zones\": [ ... ]}.");

        var duplicate = document.Zones.GroupBy(z => z.Zone).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ZoneDataException($"Zone '{duplicate.Key}' is listed more than once; each zone has one policy.");
        foreach (var policy in document.Zones)
            ZonePolicyValidator.Validate(policy);
        return new ZoneCatalog(document.Zones);
    }

    /// <summary>The policy of a zone given in Unicode ("қаз") or A-label ("xn--80ao21a") form.</summary>
    /// <exception cref="UnknownZoneException">This registrar does not serve the zone.</exception>
    public ZonePolicy For(string zone) =>
        TryFor(zone, out var policy) ? policy : throw new UnknownZoneException(zone, byName.Values.Select(p => p.Zone));

    public bool TryFor(string? zone, out ZonePolicy policy)
    {
        policy = null!;
        return zone is not null && byName.TryGetValue(Normalise(zone), out policy!);
    }

    /// <summary>
    /// The zone a domain name is registered under: the longest zone that is a proper suffix of it
    /// ("a.com.ua" is in com.ua, "a.ua" in ua). Labels may be in Unicode or A-label form.
    /// </summary>
    public bool TryFindForDomain(string domainName, out ZonePolicy policy)
    {
        policy = null!;
        var labels = Normalise(domainName).Split('.');
        // Skip the first label: a domain is a name under a zone, never the zone itself.
        for (var start = 1; start < labels.Length; start++)
        {
            if (byName.TryGetValue(string.Join('.', labels[start..]), out policy!))
                return true;
        }
        return false;
    }

    private static string Normalise(string zone) => ZoneNames.Normalise(zone);

    private sealed record ZoneDocument(IReadOnlyList<ZonePolicy> Zones);
}
