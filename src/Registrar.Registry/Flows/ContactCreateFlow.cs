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
        var id = RegistryContacts.RegistrantOf(create.RegistrationId);
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
            return await ExistingAsync(client, id, clTrid + "-i", ct);
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

    /// <summary>After 2302: null when the contact is ours. Read in a try of its own: an answer to this info thrown inside
    /// the create's catch would escape the flow and send the whole command round the queue again, and again.</summary>
    private async Task<RegistryOutcome?> ExistingAsync(IEppClient client, string id, string clTrid, CancellationToken ct)
    {
        try
        {
            var info = await client.ExecuteAsync(new ContactInfoCommand(id), clTrid, ct);
            return info.Value.SponsoringClientId == registries.OurClientId(client) ? null : Exists(id, "under another registrar.");
        }
        // RFC 5733 section 3.1.2: a registry may show a contact only to its sponsor and refuse anyone else 2201 (RFC 5730 section 3).
        catch (EppCommandFailedException e) when (e.Code == EppResultCode.AuthorizationError)
        {
            return Exists(id, "under another registrar.");
        }
        // The create was refused (2302), so nothing is unknown about it; only whose the id is, which operations can look up.
        catch (Exception e) when (e is EppCommandFailedException or EppProtocolException)
        {
            return Exists(id, $"and whose it is could not be read: {e.Message}");
        }
    }

    private static RegistryRefused Exists(string id, string detail) =>
        new((int)EppResultCode.ObjectExists, $"Contact {id} exists at the registry {detail}");
}
