using Microsoft.Extensions.Options;
using Registrar.Core.Zones;
using Registrar.Epp.Profiles;
using Registrar.Epp.Sessions;

namespace Registrar.Registry;

/// <summary>The EPP client of the registry that runs a zone, and this registrar's own clID there.</summary>
public sealed class ZoneRegistries(ZoneCatalog zones, IEppClients clients, IOptions<EppOptions> epp)
{
    /// <summary>The registry of a zone, or the zone itself when the catalog no longer lists it (its commands then fail on their own).</summary>
    public string RegistryIdOrZone(string zone) => zones.TryFor(zone, out var policy) ? policy.RegistryId : zone;

    public IEppClient For(string zone) => clients.For(zones.For(zone).RegistryId);

    /// <summary>Our own clID at the client's registry: what "sponsored by us" compares with.</summary>
    public string OurClientId(IEppClient client) => epp.Value.Registries[client.RegistryId].ClientId;
}
