using Registrar.Core.Orders;
using Registrar.Core.Registrations;
using Registrar.Core.Whois;

namespace Registrar.Storage.Stores;

/// <summary>
/// Which registration holds a domain, from the registration views' lookup by domain name (one point read; it keeps
/// the live registration of a name, or the last one recorded when none is live), with the registrant from its order
/// (a registration id names its order, and the view its customer: one more point read).
/// </summary>
public sealed class RegisteredDomainDirectory(IRegistrationViews views, IOrderStore<Order> orders) : IRegisteredDomainDirectory
{
    public async Task<RegisteredDomain?> FindAsync(string asciiName, CancellationToken cancellationToken)
    {
        var kept = await views.FindByDomainAsync(asciiName, cancellationToken);
        if (kept is null || DomainHolding.HolderAmong([kept]) is not { } holder) return null;

        var order = RegistrationIds.TryOrderOf(holder.RegistrationId, out var orderId)
            ? await orders.GetAsync(holder.CustomerId, orderId, cancellationToken)
            : null;
        return new RegisteredDomain(holder, order?.Document.Registrant);
    }
}
