using Registrar.Core.Contracts;
using Registrar.Core.Registrations;

namespace Registrar.Api.Customers;

/// <summary>
/// Whether a change of a customer's contact e-mail waits for the registrar's consent. The address is the account's (KZ-2.2),
/// so it is one answer for all of the customer's contracts: consent is needed while any registration of the customer that
/// has not ended is under an offer asking it (UA-4.7); a customer whose contracts are all under the `.kz` offer, where the
/// customer's notice of a new address is enough (KZ-2.2, KZ-2.6), changes it once the request is proved.
/// </summary>
public sealed class ContactEmailConsent(IRegistrationViews views, ContractRules rules)
{
    public async Task<bool> NeededAsync(string customerId, CancellationToken ct)
    {
        await foreach (var registration in views.ListAsync(customerId, ct))
        {
            if (registration.EndedAt is null && rules.ContactEmailConsent(registration.Zone) is not null) return true;
        }
        return false;
    }
}
