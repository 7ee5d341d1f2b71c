using Microsoft.AspNetCore.Http;
using Registrar.Api.Http;
using Registrar.Core.Registrations;
using Registrar.Core.Registry;
using Registrar.Core.Requests;
using Registrar.Core.Zones;

namespace Registrar.Api.Storefront;

/// <summary>
/// KZ-2.3, UA-4.7: a DNS change is carried out only after the customer proved it, so what the registry would refuse is refused
/// before. A name server under a domain of a zone this registrar serves exists only while that domain is registered: its own
/// registry refuses to create it otherwise (RFC 5732 section 3.2.1, 2303 "object does not exist"), and nothing could resolve its
/// name. So such a domain is asked of its registry (EPP domain:check), and a free one refuses the request, naming it. A name
/// server the domain has now exists at the registry and stays. A registry that cannot be asked refuses nothing here: the change
/// finds out, as it would for a domain deleted meanwhile.
/// </summary>
public sealed class NameServerChecks(ZoneCatalog zones, IRegistryAvailability registry)
{
    /// <summary>The problem that refuses the change, or null when every name server may be delegated to.</summary>
    public async Task<IResult?> RefusalAsync(DnsChangeRequest change, RegistrationView registration, CancellationToken ct)
    {
        var asked = change.NameServers
            .Where(host => registration.NameServers?.Contains(host, StringComparer.OrdinalIgnoreCase) != true)
            .Select(host => Superordinate(host) is { } under ? (Host: host, under.Zone, under.Domain) : default)
            .Where(n => n.Host is not null && !n.Domain.Equals(registration.DomainName, StringComparison.OrdinalIgnoreCase))
            .GroupBy(n => n.Zone);
        foreach (var zone in asked)
        {
            IReadOnlyDictionary<string, Availability> free;
            try
            {
                free = await registry.CheckAsync(zone.Key.Zone, [.. zone.Select(n => n.Domain).Distinct()], ct);
            }
            catch (RegistryUnavailableException)
            {
                continue;
            }
            if (zone.FirstOrDefault(n => free.TryGetValue(n.Domain, out var answer) && answer.IsAvailable) is { Host: { } host, Domain: var domain })
                return Problems.Validation("nameServers", $"'{host}' is under {domain}, which is not registered: its registry creates no name "
                    + "server under a domain it does not hold (RFC 5732 section 3.2.1), and its name could not be resolved. Nothing was changed.");
        }
        return null;
    }

    /// <summary>The domain of a served zone a host name is under (both in A-label form), if any.</summary>
    private (ZonePolicy Zone, string Domain)? Superordinate(string host)
    {
        if (!zones.TryFindForDomain(host, out var zone)) return null;
        // TryFindForDomain found the zone under at least one more label: the domain is the zone and the label before it.
        var labels = host.Split('.');
        return (zone, string.Join('.', labels[^(zone.AsciiZone.Split('.').Length + 1)..]));
    }
}
