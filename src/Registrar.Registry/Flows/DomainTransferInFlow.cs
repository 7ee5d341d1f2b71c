using Registrar.Core.Registrations;
using Registrar.Core.Requests;
using Registrar.Epp.Commands;
using Registrar.Epp.Responses;
using DomainInfo = Registrar.Core.Registrations.DomainInfo;

namespace Registrar.Registry.Flows;

/// <summary>RFC 5731 section 3.2.4: domain:transfer op="request" for a domain held at another registrar, with the code the
/// customer gave (read from the order, <see cref="IIncomingTransferCodes"/>) and the years the transfer adds. The registry
/// answers 1001 and tells the outcome by poll message; a registry that approves at once is read back with info. The code
/// leaves this flow only inside the EPP frame.</summary>
internal sealed class DomainTransferInFlow(ZoneRegistries registries, DomainInfoFlow info, IIncomingTransferCodes codes, RegistryFailures failures)
{
    public async Task<RegistryOutcome> RunAsync(RequestTransferIn transfer, CancellationToken ct)
    {
        if (await codes.ForAsync(transfer.CustomerId, transfer.RegistrationId, ct) is not { } code)
            return new RegistryRefused(0, "No transfer code is kept for this registration's order line.");

        var client = registries.For(transfer.Zone);
        try
        {
            var request = new DomainTransferCommand(transfer.DomainName, TransferOperation.Request, code, EppPeriod.Years(transfer.Years));
            var reply = await client.ExecuteAsync(request, transfer.CommandId, ct);
            if (reply.IsPending) return new RegistryPending();
            return await info.ReadAsync(client, transfer.DomainName, transfer.RegistrationId, transfer.CommandId + "-i", ct) is DomainInfo readBack
                ? readBack
                : new OutcomeUnknown();
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
