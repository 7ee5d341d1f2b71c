using Registrar.Core.Registrations;
using Registrar.Epp.Commands;
using Registrar.Epp.Responses;

namespace Registrar.Registry.Flows;

/// <summary>RFC 5731 section 3.2.4: an answer to a pending transfer, then info. op="cancel" withdraws our own request
/// (<see cref="CancelTransferInRequest"/>); op="reject" refuses another registrar's request for a domain we sponsor
/// (<see cref="RejectTransferAway"/>). A transfer no longer pending (2301: approved, rejected or cancelled meanwhile, or our
/// own answer repeated) is read back the same way, so the answer always says where the domain is, and a transfer the
/// registry approved first is not lost.</summary>
internal sealed class DomainTransferActionFlow(ZoneRegistries registries, DomainInfoFlow info, RegistryFailures failures)
{
    public Task<RegistryOutcome> RunAsync(CancelTransferInRequest cancel, CancellationToken ct) =>
        RunAsync(TransferOperation.Cancel, cancel.CommandId, cancel.RegistrationId, cancel.Zone, cancel.DomainName, ct);

    public Task<RegistryOutcome> RunAsync(RejectTransferAway reject, CancellationToken ct) =>
        RunAsync(TransferOperation.Reject, reject.CommandId, reject.RegistrationId, reject.Zone, reject.DomainName, ct);

    private async Task<RegistryOutcome> RunAsync(TransferOperation operation, string commandId, string registrationId, string zone,
        string domainName, CancellationToken ct)
    {
        var client = registries.For(zone);
        try
        {
            await client.ExecuteAsync(new DomainTransferCommand(domainName, operation), commandId, ct);
        }
        catch (Exception e) when (RegistryFailures.LeftOutcomeUnknown(e))
        {
            return new OutcomeUnknown();
        }
        catch (EppCommandFailedException e) when (e.Code != EppResultCode.ObjectNotPendingTransfer)
        {
            return failures.Refused(e);
        }
        catch (EppCommandFailedException)
        {
            // Not pending any more: whatever ended it, the read-back says where the domain is.
        }
        return await info.ReadAsync(client, domainName, registrationId, commandId + "-i", ct);
    }
}
