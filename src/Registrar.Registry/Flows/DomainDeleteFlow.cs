using Registrar.Core.Registrations;
using Registrar.Epp.Commands;
using Registrar.Epp.Responses;

namespace Registrar.Registry.Flows;

/// <summary>KZ-2.8, UA-1.10: RFC 5731 domain:delete of an unpaid domain. Where the zone has a redemption period
/// (RFC 3915, UA-1.12) the registry answers 1001 and purges later; a name already gone (2303) is deleted as asked. Its
/// subordinate hosts go first (<see cref="SubordinateHostRemoval"/>), as the registry refuses the delete while they exist
/// (RFC 5731 section 3.2.2); one that cannot go refuses the delete here, naming it.</summary>
internal sealed class DomainDeleteFlow(ZoneRegistries registries, SubordinateHostRemoval subordinateHosts, RegistryFailures failures)
{
    public async Task<RegistryOutcome> RunAsync(DeleteDomain delete, CancellationToken ct)
    {
        var client = registries.For(delete.Zone);
        try
        {
            if (await subordinateHosts.RemoveAsync(client, delete, ct) is { } blocked) return blocked;
            var reply = await client.ExecuteAsync(new DomainDeleteCommand(delete.DomainName), delete.CommandId, ct);
            return reply.IsPending ? new RegistryPending() : new DomainDeleted();
        }
        catch (EppCommandFailedException e) when (e.Code == EppResultCode.ObjectDoesNotExist)
        {
            return new DomainDeleted();
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
