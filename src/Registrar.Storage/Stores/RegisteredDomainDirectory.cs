using System.Runtime.CompilerServices;
using Registrar.Core.Orders;
using Registrar.Core.Registrations;
using Registrar.Core.Whois;
using Registrar.Storage.Configuration;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Stores;

/// <summary>
/// Which registration holds a domain, from the registration views, with the registrant from its order
/// (a registration id names its order, and the view its customer: one point read).
/// </summary>
public sealed class RegisteredDomainDirectory(StorageClients clients, IOrderStore<Order> orders) : IRegisteredDomainDirectory
{
    private readonly DocumentTable _views = new(clients.Table("registrationviews"));

    public async Task<RegisteredDomain?> FindAsync(string asciiName, CancellationToken cancellationToken)
    {
        var views = new List<RegistrationView>();
        await foreach (var view in ViewsOfAsync(asciiName, cancellationToken)) views.Add(view);
        if (DomainHolding.HolderAmong(views) is not { } holder) return null;

        var order = RegistrationIds.TryOrderOf(holder.RegistrationId, out var orderId)
            ? await orders.GetAsync(holder.CustomerId, orderId, cancellationToken)
            : null;
        return new RegisteredDomain(holder, order?.Document.Registrant);
    }

    /// <summary>
    /// Every registration of one name. The views table has no column to ask by name yet, so this reads every
    /// view: the one place to replace with RegistrationViewStore's lookup by domain name once it has one.
    /// </summary>
    private async IAsyncEnumerable<RegistrationView> ViewsOfAsync(string asciiName, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var kept in _views.QueryAsync<KeptView>("PartitionKey ne ''", null, ct))
            if (string.Equals(kept.Document.View.DomainName, asciiName, StringComparison.Ordinal))
                yield return kept.Document.View;
    }

    /// <summary>The document RegistrationViewStore keeps: the view and the sequence that orders its versions.</summary>
    private sealed record KeptView(RegistrationView View, int Sequence);
}
