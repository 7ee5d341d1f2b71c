using Registrar.Core.Registrations;
using Registrar.Epp.Commands;
using Registrar.Epp.Responses;

namespace Registrar.Registry.Flows;

/// <summary>KZ-2.3: RFC 5733 contact:update of the registrant contact to the customer's new address, phone and e-mail. It
/// replaces values, so a command carried out again after an unknown outcome leaves the contact as the first one did. A contact
/// only another registrar may update (2201: a domain transferred in keeps the losing registrar's contacts, RFC 5731 section
/// 3.2.4) is replaced by one of ours holding the same registrant with the new details, as a registrant change would.</summary>
internal sealed class ContactUpdateFlow(ZoneRegistries registries, DomainRegistrantChangeFlow registrantChange, RegistryFailures failures)
{
    public async Task<RegistryOutcome> RunAsync(UpdateRegistrantContact update, CancellationToken ct)
    {
        try
        {
            var reply = await registries.For(update.Zone).ExecuteAsync(RegistryContacts.UpdateCommand(update.Handle, update.Contact), update.CommandId, ct);
            return reply.IsPending ? new RegistryPending() : new RegistrantContactUpdated();
        }
        catch (Exception e) when (RegistryFailures.LeftOutcomeUnknown(e))
        {
            return new OutcomeUnknown();
        }
        catch (EppCommandFailedException e) when (e.Code == EppResultCode.AuthorizationError && update.Registrant is { } registrant)
        {
            return await registrantChange.ChangeToAsync(update.Zone, update.DomainName,
                RegistryContacts.IdFor(update.RegistrationId, "registrant/" + update.CommandId), registrant, update.CommandId + "-r", ct);
        }
        catch (EppCommandFailedException e)
        {
            return failures.Refused(e);
        }
    }
}
