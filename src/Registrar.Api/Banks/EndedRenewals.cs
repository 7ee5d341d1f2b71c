using Registrar.Core.Orders;
using Registrar.Core.Registrations;

namespace Registrar.Api.Banks;

/// <summary>
/// A renewal invoice stays payable until it is due, but its registration may end before (deleted at the registrant's
/// request, UA-1.5.6, on a contract's end, or transferred to another registrar). Paid then, it would renew nothing and its
/// event would reach a lifecycle that has finished, so the money would sit unseen: the payment is held for operations
/// instead (UA-3.2, UA-1.7), and operations cannot apply held money to it either.
/// </summary>
public sealed class EndedRenewals(IRegistrationViews views)
{
    /// <summary>The ended registration <paramref name="invoice"/> would renew; null for an order's invoice or a live registration.</summary>
    public async Task<RegistrationView?> EndedRegistrationOfAsync(Invoice invoice, CancellationToken ct) =>
        invoice.Renewal is { } renewal && await views.FindAsync(renewal.RegistrationId, ct) is { EndedAt: not null } ended ? ended : null;

    public static string Explanation(string invoiceNumber, RegistrationView ended) =>
        $"Invoice {invoiceNumber} renews {ended.DisplayName}, whose registration ended ({ended.Phase}) at {ended.EndedAt:u}: it renews nothing. "
        + "Refund the money or apply it to another invoice.";
}
