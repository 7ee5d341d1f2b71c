using Registrar.Core.Registrations;
using Registrar.Epp.Commands;
using Registrar.Epp.Responses;

namespace Registrar.Registry.Flows;

/// <summary>UA-1.12: an RFC 3915 restore request for a name the registry put into its redemption period.</summary>
internal sealed class DomainRestoreFlow(ZoneRegistries registries, RegistryFailures failures)
{
    public async Task<RegistryOutcome> RunAsync(RestoreDomain restore, CancellationToken ct)
    {
        try
        {
            var reply = await registries.For(restore.Zone).ExecuteAsync(new DomainRestoreRequestCommand(restore.DomainName), restore.CommandId, ct);
            // RFC 3915 section 3.2: where the registry wants a restore report the name stays pendingRestore, not restored.
            return reply.IsPending || reply.Value.AwaitsReport ? new RegistryPending() : new DomainRestored();
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
