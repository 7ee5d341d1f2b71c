using Registrar.Core.Registrations;
using Registrar.Epp.Commands;
using Registrar.Epp.Responses;

namespace Registrar.Registry.Flows;

/// <summary>RFC 5731 section 3.2.4: domain:transfer op="cancel" of our own pending request, then info. A transfer no longer
/// pending (2301: approved, rejected or cancelled meanwhile, or our own cancel repeated) is read back the same way, so the
/// answer always says where the domain is, and a transfer the registry approved first is not lost.</summary>
internal sealed class DomainTransferCancelFlow(ZoneRegistries registries, DomainInfoFlow info, RegistryFailures failures)
{
    public async Task<RegistryOutcome> RunAsync(CancelTransferInRequest cancel, CancellationToken ct)
    {
        var client = registries.For(cancel.Zone);
        try
        {
            await client.ExecuteAsync(new DomainTransferCommand(cancel.DomainName, TransferOperation.Cancel), cancel.CommandId, ct);
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
        return await info.ReadAsync(client, cancel.DomainName, cancel.RegistrationId, cancel.CommandId + "-i", ct);
    }
}
