using Registrar.Core.Registrations;
using Registrar.Epp.Commands;
using Registrar.Epp.Responses;
using DomainInfo = Registrar.Core.Registrations.DomainInfo;
using DomainRenewed = Registrar.Core.Registrations.DomainRenewed;

namespace Registrar.Registry.Flows;

/// <summary>UA-1.7: RFC 5731 domain:renew from the previous expiry. The registry compares curExpDate with the
/// expiry it holds, so a renew repeated after a lost answer names a date that no longer matches and is refused
/// instead of adding a second term.</summary>
internal sealed class DomainRenewFlow(ZoneRegistries registries, DomainInfoFlow info, RegistryFailures failures)
{
    public async Task<RegistryOutcome> RunAsync(RenewDomain renew, CancellationToken ct)
    {
        var client = registries.For(renew.Zone);
        // RFC 5731 3.2.3: curExpDate is the date the current period ends, as the registry dates it: the expiry keeps the offset
        // the registry wrote it in (KazNIC may write +05:00), and its date there is the registry's (2027-12-06T04:30+05:00 ends
        // on the 6th, though it is the 5th in UTC).
        var currentExpiryDate = DateOnly.FromDateTime(renew.CurrentExpiry.DateTime);
        try
        {
            var reply = await client.ExecuteAsync(
                new DomainRenewCommand(renew.DomainName, currentExpiryDate, EppPeriod.Years(renew.Years)), renew.CommandId, ct);
            if (reply.IsPending) return new RegistryPending();
            if (reply.Value.ExpiresAt is { } expiresAt) return new DomainRenewed(expiresAt);
            // renData's exDate is optional (RFC 5731): the new expiry is read back, or the registration asks again.
            return await info.ReadAsync(client, renew.DomainName, renew.RegistrationId, renew.CommandId + "-i", ct) is DomainInfo { ExpiresAt: { } readBack }
                ? new DomainRenewed(readBack)
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
