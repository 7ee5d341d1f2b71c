using Registrar.Core.Registrations;
using Registrar.Epp.Commands;
using Registrar.Epp.Responses;
using Registrar.Epp.Sessions;

namespace Registrar.Registry.Flows;

/// <summary>KZ-2.3: RFC 5731 domain:update of a domain's name servers to the set the customer asked for. It reads the
/// domain first and adds and removes only the difference, so a command carried out again after an unknown outcome
/// reconciles with domain:info instead of repeating blindly, and a set already in place is reported as done. Both
/// registry profiles take name servers as host objects (RFC 5732 hostObj): an external host the registry does not know
/// yet is created first, without addresses; one under the registry's own zones needs glue the request cannot give,
/// and the registry's refusal says so.</summary>
internal sealed class DomainUpdateFlow(ZoneRegistries registries, RegistryFailures failures)
{
    public async Task<RegistryOutcome> RunAsync(UpdateDomainNameservers update, CancellationToken ct)
    {
        var client = registries.For(update.Zone);
        var wanted = update.NameServers;
        try
        {
            var current = (await client.ExecuteAsync(new DomainInfoCommand(update.DomainName), update.CommandId + "-i", ct)).Value.NameServers;
            var add = wanted.Except(current, StringComparer.OrdinalIgnoreCase).ToList();
            var remove = current.Except(wanted, StringComparer.OrdinalIgnoreCase).ToList();
            if (add.Count == 0 && remove.Count == 0) return new NameserversUpdated(wanted);

            await CreateMissingHostsAsync(client, add, update.CommandId, ct);
            var reply = await client.ExecuteAsync(new DomainUpdateCommand
            {
                DomainName = update.DomainName,
                Add = new DomainUpdateSet { NameServers = add },
                Remove = new DomainUpdateSet { NameServers = remove },
            }, update.CommandId, ct);
            return reply.IsPending ? new RegistryPending() : new NameserversUpdated(wanted);
        }
        catch (Exception e) when (RegistryFailures.LeftOutcomeUnknown(e))
        {
            return new OutcomeUnknown();
        }
        catch (EppCommandFailedException e)
        {
            return failures.Refused(e);
        }
    }

    /// <summary>RFC 5732: a host object must exist before a domain names it; one created meanwhile (2302) is there as wanted.</summary>
    private static async Task CreateMissingHostsAsync(IEppClient client, IReadOnlyList<string> hosts, string commandId, CancellationToken ct)
    {
        if (hosts.Count == 0) return;
        var check = (await client.ExecuteAsync(new HostCheckCommand([.. hosts]), commandId + "-hc", ct)).Value;
        var missing = hosts.Where(h => check[h].Available).ToList();
        for (var i = 0; i < missing.Count; i++)
        {
            try
            {
                await client.ExecuteAsync(new HostCreateCommand(missing[i]), $"{commandId}-h{i + 1}", ct);
            }
            catch (EppCommandFailedException e) when (e.Code == EppResultCode.ObjectExists)
            {
                // Another registrar's customer, or an earlier try of this command, created it first.
            }
        }
    }
}
