using Registrar.Core.Customers;
using Registrar.Core.Registrations;
using Registrar.Epp.Commands;
using Registrar.Epp.Responses;
using Registrar.Epp.Sessions;
using ContactCreated = Registrar.Core.Registrations.ContactCreated;

namespace Registrar.Registry.Flows;

/// <summary>RFC 5733 contact:create for the registrant (and a named technical contact, UA-1.14). The contact id
/// derives from the registration, so a create repeated after a lost answer finds the contact it made before.</summary>
internal sealed class ContactCreateFlow(ZoneRegistries registries, RegistryFailures failures)
{
    public async Task<RegistryOutcome> RunAsync(CreateRegistryContact create, CancellationToken ct)
    {
        var id = RegistryContacts.IdFor(create.RegistrationId, "registrant");
        return await EnsureAsync(registries.For(create.Zone), id, create.Registrant, create.CommandId, ct) switch
        {
            null => new ContactCreated(id),
            var failure => failure,
        };
    }

    /// <returns>Null when the contact exists as ours, whether made now or by an earlier attempt.</returns>
    public async Task<RegistryOutcome?> EnsureAsync(IEppClient client, string id, RegistrantData data, string clTrid, CancellationToken ct)
    {
        try
        {
            await client.ExecuteAsync(RegistryContacts.CreateCommand(id, data), clTrid, ct);
            return null;
        }
        catch (EppCommandFailedException e) when (e.Code == EppResultCode.ObjectExists)
        {
            var info = await client.ExecuteAsync(new ContactInfoCommand(id), clTrid + "-i", ct);
            return info.Value.SponsoringClientId == registries.OurClientId(client) ? null
                : new RegistryRefused((int)e.Code, $"Contact {id} exists at the registry under another registrar.");
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
