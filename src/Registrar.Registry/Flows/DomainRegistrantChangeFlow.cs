using Registrar.Core.Customers;
using Registrar.Core.Registrations;
using Registrar.Epp.Commands;
using Registrar.Epp.Responses;

namespace Registrar.Registry.Flows;

/// <summary>KZ-2.4, KZ-2.5: RFC 5733 contact:create for the new registrant, its id derived from the registration and the
/// request (so a repeat after a lost answer finds it), then RFC 5731 domain:update chg registrant. The domain's admin and tech
/// contacts that were the former registrant (the order made the registrant those, UA-1.14) follow it in the same update, read
/// from domain:info first, so the former owner does not stay the domain's administrator. Nothing here renews or names an
/// expiry: the registrant changes, the expiry stays.</summary>
internal sealed class DomainRegistrantChangeFlow(ZoneRegistries registries, ContactCreateFlow contacts, RegistryFailures failures)
{
    public Task<RegistryOutcome> RunAsync(ChangeRegistrant change, CancellationToken ct) =>
        ChangeToAsync(change.Zone, change.DomainName, RegistryContacts.IdFor(change.RegistrationId, "registrant/" + change.RequestId),
            change.Registrant, change.CommandId, ct);

    /// <summary>Makes <paramref name="handle"/> a contact of ours holding <paramref name="registrant"/> (found when an earlier
    /// attempt made it) and the domain's registrant.</summary>
    public async Task<RegistryOutcome> ChangeToAsync(string zone, string domainName, string handle, RegistrantData registrant, string commandId,
        CancellationToken ct)
    {
        var client = registries.For(zone);
        if (await contacts.EnsureAsync(client, handle, registrant, commandId + "-c", ct) is { } failure) return failure;
        try
        {
            var info = (await client.ExecuteAsync(new DomainInfoCommand(domainName), commandId + "-i", ct)).Value;
            var former = info.Contacts.Where(c => c.Id == info.Registrant && info.Registrant != handle).ToList();
            var update = new DomainUpdateCommand
            {
                DomainName = domainName,
                Add = former.Count == 0 ? null : new DomainUpdateSet { Contacts = [.. former.Select(c => c with { Id = handle })] },
                Remove = former.Count == 0 ? null : new DomainUpdateSet { Contacts = former },
                Change = new DomainChange(Registrant: handle),
            };
            var reply = await client.ExecuteAsync(update, commandId, ct);
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
