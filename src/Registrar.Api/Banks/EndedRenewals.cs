using Registrar.Core.Orders;
using Registrar.Core.Registrations;

namespace Registrar.Api.Banks;

/// <summary>
/// A renewal invoice stays payable until it is due, but its registration may end before (deleted at the registrant's
/// request, UA-1.5.6, on a contract's end, or transferred to another registrar), or its deletion be under way at the
/// registry, which the lifecycle never turns back for a payment. Paid then, it would renew nothing, the invoice would read as
/// paid and the money sit unseen: the payment is held for operations instead (UA-3.2, UA-1.7), and operations cannot apply
/// held money to it either.
/// </summary>
public sealed class EndedRenewals(IRegistrationViews views)
{
    /// <summary>The ended or departing registration <paramref name="invoice"/> would renew; null for an order's invoice or a live
    /// registration.</summary>
    public async Task<RegistrationView?> EndedRegistrationOfAsync(Invoice invoice, CancellationToken ct) =>
        invoice.Renewal is { } renewal && await views.FindAsync(renewal.RegistrationId, ct) is { } view
            && (view.EndedAt is not null || view.Phase == RegistrationPhase.Deleting) ? view : null;

    public static string Explanation(Invoice invoice, RegistrationView ended)
    {
        // KZ-2.4: a registrant change's invoice names the registration as a renewal's does; it is told apart by its tariff.
        var (bills, buys) = invoice.Renewal?.Operation == Core.Tariffs.TariffOperation.RegistrantChange
            ? ("changes the registrant of", "changes no registrant") : ("renews", "renews nothing");
        return $"Invoice {invoice.Number} {bills} {ended.DisplayName}, "
            + (ended.EndedAt is { } endedAt ? $"whose registration ended ({ended.Phase}) at {endedAt:u}" : "whose deletion is under way at the registry")
            + $": it {buys}. Refund the money or apply it to another invoice.";
    }
}
