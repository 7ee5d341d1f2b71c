using Registrar.Core.Orders;
using Registrar.Core.Registrations;
using Registrar.Core.Whois;

namespace Registrar.Storage.Stores;

/// <summary>
/// Which registration holds a domain, from the registration views' lookup by domain name (one point read; it keeps
/// the live registration of a name, or the last one recorded when none is live), with its registrant: the one kept since
/// the registrant changed (KZ-2.4, KZ-2.3), else its order's (a registration id names its order, and the view its customer).
/// Both are read at once, so a lookup waits for two point reads, not three.
/// </summary>
public sealed class RegisteredDomainDirectory(IRegistrationViews views, IOrderStore<Order> orders, IRegistrantRecords registrants)
    : IRegisteredDomainDirectory
{
    public async Task<RegisteredDomain?> FindAsync(string asciiName, CancellationToken cancellationToken)
    {
        var kept = await views.FindByDomainAsync(asciiName, cancellationToken);
        if (kept is null || DomainHolding.HolderAmong([kept]) is not { } holder) return null;

        var changed = registrants.GetAsync(holder.RegistrationId, cancellationToken);
        var order = RegistrationIds.TryOrderOf(holder.RegistrationId, out var orderId)
            ? await orders.GetAsync(holder.CustomerId, orderId, cancellationToken)
            : null;
        return new RegisteredDomain(holder, await changed ?? order?.Document.Registrant);
    }
}
