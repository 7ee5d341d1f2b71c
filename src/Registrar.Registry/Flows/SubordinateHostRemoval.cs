using Registrar.Core.Registrations;
using Registrar.Epp.Commands;
using Registrar.Epp.Responses;
using Registrar.Epp.Sessions;

namespace Registrar.Registry.Flows;

/// <summary>RFC 5731 section 3.2.2: a registry refuses (2305) to delete a domain while host objects subordinate to it exist,
/// such as the glue hosts a domain transferred in brings along. They are the domain's sponsor's (RFC 5732 section 1.1: no
/// action, a transfer included, may break their tie to the domain), so each is deleted first (RFC 5732 section 3.2.2), after
/// the domain stops naming it as a name server: a host its own domain delegates to is linked, and its delete refused, too.
/// Every step is read from domain:info anew, so a run repeated after a crash sends only what is still to do.</summary>
internal sealed class SubordinateHostRemoval(ZoneRegistries registries, RegistryFailures failures)
{
    /// <summary>RFC 5731 section 2.3: statuses under which the registry refuses the delete whatever the hosts. The domain is
    /// then left as it is, its delegation intact, and the delete's own refusal tells the lifecycle why.</summary>
    private static readonly string[] DeleteRefusedUnder = ["clientDeleteProhibited", "serverDeleteProhibited", "pendingDelete", "pendingTransfer"];

    /// <returns>Null once no subordinate host is left in the way (or none need go), else why the domain cannot be deleted.</returns>
    /// <exception cref="EppCommandFailedException">The domain is unknown (2303) or its info is refused.</exception>
    public async Task<RegistryRefused?> RemoveAsync(IEppClient client, DeleteDomain delete, CancellationToken ct)
    {
        var info = (await client.ExecuteAsync(new DomainInfoCommand(delete.DomainName), delete.CommandId + "-i", ct)).Value;
        if (info.SubordinateHosts.Count == 0 || info.SponsoringClientId != registries.OurClientId(client)
            || info.Statuses.Any(s => DeleteRefusedUnder.Contains(s.Value, StringComparer.OrdinalIgnoreCase)))
        {
            return null;
        }

        var hosts = info.SubordinateHosts.Order(StringComparer.OrdinalIgnoreCase).ToList();
        var delegatedToOwnHosts = info.NameServers.Intersect(hosts, StringComparer.OrdinalIgnoreCase).ToList();
        if (delegatedToOwnHosts.Count > 0)
        {
            try
            {
                await client.ExecuteAsync(new DomainUpdateCommand
                {
                    DomainName = delete.DomainName, Remove = new DomainUpdateSet { NameServers = delegatedToOwnHosts },
                }, delete.CommandId + "-u", ct);
            }
            catch (EppCommandFailedException e) when (e.Code != EppResultCode.ObjectDoesNotExist)
            {
                return failures.DeletionBlocked(
                    $"{delete.DomainName} cannot be deleted while it delegates to its own subordinate hosts {string.Join(", ", delegatedToOwnHosts)} "
                    + "(RFC 5731 section 3.2.2), and the registry refused to drop them from its name servers", e);
            }
        }

        for (var i = 0; i < hosts.Count; i++)
        {
            try
            {
                await client.ExecuteAsync(new HostDeleteCommand(hosts[i]), $"{delete.CommandId}-h{i + 1}", ct);
            }
            catch (EppCommandFailedException e) when (e.Code == EppResultCode.ObjectDoesNotExist)
            {
                // Deleted by an earlier run of this delete, or renamed out of the domain since the info.
            }
            catch (EppCommandFailedException e)
            {
                return failures.DeletionBlocked(HostRemains(delete.DomainName, hosts[i], e.Code), e);
            }
        }
        return null;
    }

    private static string HostRemains(string domainName, string hostName, EppResultCode code) =>
        $"{domainName} cannot be deleted while its subordinate host {hostName} exists (RFC 5731 section 3.2.2), "
        + "and the registry refused to delete the host"
        + (code == EppResultCode.ObjectAssociationProhibitsOperation
            ? " as another domain still names it as a name server (RFC 5732 section 3.2.2): retry once that domain drops it, "
                + $"or once the host is renamed out of {domainName} (RFC 5732 section 3.2.5)"
            : "");
}
