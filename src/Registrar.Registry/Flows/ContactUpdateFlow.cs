using Registrar.Core.Registrations;
using Registrar.Epp.Commands;
using Registrar.Epp.Responses;

namespace Registrar.Registry.Flows;

/// <summary>KZ-2.3: RFC 5733 contact:update of the registrant contact to the customer's new address, phone and e-mail. It
/// replaces values, so a command carried out again after an unknown outcome leaves the contact as the first one did.</summary>
internal sealed class ContactUpdateFlow(ZoneRegistries registries, RegistryFailures failures)
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
        catch (EppCommandFailedException e)
        {
            return failures.Refused(e);
        }
    }
}
