using Registrar.Core.Registrations;
using Registrar.Epp.Commands;
using Registrar.Epp.Responses;

namespace Registrar.Registry.Flows;

/// <summary>UA-2.3.1, KZ-App-2, UA-2.2.3: RFC 5731 domain:update of the client statuses the registrar manages for a
/// suspension or a dispute block, to exactly the set the registration wants. It reads the domain first and adds and
/// removes only the difference, so carrying it out again after an unknown outcome reconciles, and a set already in place
/// is reported as done. A clientUpdateProhibited status, if any, stays: the hold is no update of the domain's data.</summary>
internal sealed class DomainHoldsFlow(ZoneRegistries registries, RegistryFailures failures)
{
    public async Task<RegistryOutcome> RunAsync(SetDomainHolds holds, CancellationToken ct)
    {
        var client = registries.For(holds.Zone);
        try
        {
            var current = (await client.ExecuteAsync(new DomainInfoCommand(holds.DomainName), holds.CommandId + "-i", ct)).Value.Statuses
                .Select(s => s.Value).Where(SetDomainHolds.ManagedHolds.Contains).ToList();
            var add = holds.Holds.Except(current).ToList();
            var remove = current.Except(holds.Holds).ToList();
            if (add.Count == 0 && remove.Count == 0) return new HoldsUpdated(holds.Holds);

            var reply = await client.ExecuteAsync(new DomainUpdateCommand
            {
                DomainName = holds.DomainName,
                Add = new DomainUpdateSet { Statuses = [.. add.Select(s => new EppStatus(s))] },
                Remove = new DomainUpdateSet { Statuses = [.. remove.Select(s => new EppStatus(s))] },
            }, holds.CommandId, ct);
            return reply.IsPending ? new RegistryPending() : new HoldsUpdated(holds.Holds);
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
}
