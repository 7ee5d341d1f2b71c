using Microsoft.Extensions.Options;
using Registrar.Core.Orders;
using Registrar.Core.Registrations;
using Registrar.Registry;
using Registrar.Storage.Stores;

namespace Registrar.Api.Storefront;

/// <summary>
/// UA-1.13 lets a registrant name an existing nic-handle instead of giving data; it must be the customer's own. A contact this
/// registrar made for an order holds the personal data of the account that gave it, and the registrant of a domain may have
/// that contact's details rewritten at the registry (KZ-2.3): only that account names it (UA-Pre-6: personal data serve the
/// contract they were given for; KZ-2.2, KZ-2.3: contact data change only at the account's word). The registrar's own technical
/// contact is no registrant (UA-1.14). A contact another registrar sponsors is the registry's to allow: a change of its details
/// is refused to us there (RFC 5733 section 2.8) and made on a contact of ours instead.
/// </summary>
public sealed class RegistrantHandleChecks(IOrderStore<Order> orders, IOptions<RegistryOptions> registry)
{
    public const string Field = "registrant.nicHandle";

    public async Task<Dictionary<string, string[]>?> RefusalAsync(string customerId, string? handle, CancellationToken ct)
    {
        if (handle is null) return null;
        if (registry.Value.RegistrarTechnicalContacts.Values.Contains(handle, StringComparer.OrdinalIgnoreCase))
            return Refused("names the registrar's own technical contact, which is no registrant (UA-1.14): give the registrant's data or the registrant's own nic-handle.");
        if (!RegistryContacts.HasOurForm(handle) || await IsTheCustomersAsync(customerId, handle, ct)) return null;
        return Refused("is not a contact of this account: name a nic-handle this registrar made for one of your orders, or give the registrant's data (UA-1.13).");
    }

    /// <summary>The registrant and technical contacts made for the customer's orders. A contact made for a registrant change is not
    /// among them (its registrant's data are given again instead), nor one of ours an order named before this check was made.</summary>
    private async Task<bool> IsTheCustomersAsync(string customerId, string handle, CancellationToken ct)
    {
        await foreach (var stored in orders.ListByAccountAsync(customerId, ct))
        {
            var order = stored.Document;
            for (var line = 0; line < order.Lines.Count; line++)
            {
                var registration = RegistrationIds.For(order.OrderId, line);
                if (string.Equals(RegistryContacts.RegistrantOf(registration), handle, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(RegistryContacts.TechnicalOf(registration), handle, StringComparison.OrdinalIgnoreCase)) return true;
            }
        }
        return false;
    }

    private static Dictionary<string, string[]> Refused(string why) => new() { [Field] = [$"The nic-handle {why}"] };
}
