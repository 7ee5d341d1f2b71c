using Registrar.Core.Registrations;
using Registrar.Epp.Commands;
using Registrar.Epp.Responses;

namespace Registrar.Registry.Flows;

/// <summary>KZ-2.4, KZ-2.5: RFC 5733 contact:create for the new registrant, its id derived from the registration and the
/// request (so a repeat after a lost answer finds it), then RFC 5731 domain:update chg registrant. Nothing here renews or
/// names an expiry: the registrant changes, the expiry stays.</summary>
internal sealed class DomainRegistrantChangeFlow(ZoneRegistries registries, ContactCreateFlow contacts, RegistryFailures failures)
{
    public async Task<RegistryOutcome> RunAsync(ChangeRegistrant change, CancellationToken ct)
    {
        var client = registries.For(change.Zone);
        var handle = RegistryContacts.IdFor(change.RegistrationId, "registrant/" + change.RequestId);
        if (await contacts.EnsureAsync(client, handle, change.Registrant, change.CommandId + "-c", ct) is { } failure) return failure;
        try
        {
            var update = new DomainUpdateCommand { DomainName = change.DomainName, Change = new DomainChange(Registrant: handle) };
            var reply = await client.ExecuteAsync(update, change.CommandId, ct);
            return reply.IsPending ? new RegistryPending() : new RegistrantChanged(handle);
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
