using System.ComponentModel.DataAnnotations;
using Registrar.Core.Zones;

namespace Registrar.Api.Whois;

/// <summary>Bound from "Whois": how the public WHOIS/RDAP answers name this registrar, and how often one client may ask.</summary>
public sealed class WhoisOptions
{
    public const string Section = "Whois";

    /// <summary>The registrar sponsoring the domains of each registry, by registry id (<c>kaznic</c>, <c>hostmaster</c>): the RDAP
    /// registrar entity (RFC 9083 section 5.3) and the WHOIS "Registrar:" line name it. One a registry: the .kz and .ua offers
    /// are two companies' (ТОО «Технологии Интернета», ТОВ «Українські торговельні марки»).</summary>
    public Dictionary<string, string> RegistrarNames { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The registrar of <paramref name="registryId"/>'s domains (checked at start for every registry served).</summary>
    public string RegistrarOf(string registryId) => RegistrarNames[registryId];

    /// <summary>The registries of <paramref name="zones"/> that have no registrar's name here.</summary>
    public IEnumerable<string> UnnamedRegistries(ZoneCatalog zones) =>
        zones.All.Select(zone => zone.RegistryId).Distinct(StringComparer.Ordinal)
            .Where(id => !RegistrarNames.TryGetValue(id, out var name) || string.IsNullOrWhiteSpace(name));

    /// <summary>Lookups each client address may make per <see cref="Window"/>; more are answered 429 with Retry-After.</summary>
    [Range(1, 1_000_000)] public int PermitLimit { get; set; } = 60;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Whether the host sits behind a proxy that names the caller in X-Forwarded-For (the Functions host does). Off,
    /// a caller is counted by the socket's address: a client of a host it reaches directly writes the header itself and could
    /// name a new address on every lookup.</summary>
    public bool TrustForwardedFor { get; set; }
}
