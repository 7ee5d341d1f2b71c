using Registrar.Core.Registrations;
using Registrar.Core.Requests;
using Registrar.Epp.Commands;
using Registrar.Epp.Responses;

namespace Registrar.Registry.Flows;

/// <summary>KZ-App-9: RFC 5731 domain:update chg authInfo, giving the domain the fresh transfer code the command id derives
/// (<see cref="TransferCodes"/>). Setting it again after an unknown outcome sets the same code, so a repeat is harmless.
/// The code leaves this flow only inside the EPP frame: the answer says that it was set, never what it is.</summary>
internal sealed class DomainTransferCodeFlow(ZoneRegistries registries, TransferCodes codes, RegistryFailures failures)
{
    public async Task<RegistryOutcome> RunAsync(SetTransferCode set, CancellationToken ct)
    {
        try
        {
            var update = new DomainUpdateCommand { DomainName = set.DomainName, Change = new DomainChange(AuthInfoPassword: codes.For(set.CommandId)) };
            var reply = await registries.For(set.Zone).ExecuteAsync(update, set.CommandId, ct);
            return reply.IsPending ? new RegistryPending() : new TransferCodeSet();
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
