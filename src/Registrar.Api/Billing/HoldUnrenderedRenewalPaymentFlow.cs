using Microsoft.Extensions.Logging;
using Registrar.Core.Operations;
using Registrar.Core.Orders;
using Registrar.Core.Registrations;
using Registrar.Payments.Matching;
using Registrar.Storage.Stores;

namespace Registrar.Api.Billing;

/// <summary>
/// Carries out <see cref="HoldUnrenderedRenewalPayment"/> (KZ-3.2, UA-1.5.3): what the renewal invoice brought becomes a held
/// payment (UA-3.2), so operations refund it, or apply it to another of the customer's invoices, through the same audited flows
/// as a bank credit they hold, and the money is in a list until they do. It counts from the invoice's payment (KZ-3.5, UA-3.4).
/// Idempotent: the reference derives from the invoice, the held payment store keeps one per reference and the review item
/// derives from it, so a repeated command, or one after a crash between those writes, holds the money once.
/// </summary>
public sealed class HoldUnrenderedRenewalPaymentFlow(
    IInvoiceStore<Invoice> invoices, IHeldPaymentStore held, IReviewList review, TimeProvider clock, ILogger<HoldUnrenderedRenewalPaymentFlow> logger)
{
    public async Task CarryOutAsync(HoldUnrenderedRenewalPayment command, CancellationToken ct)
    {
        // Only a paid invoice makes a renewal paid in the lifecycle, so anything else here is a fault to retry, never money to hold.
        var invoice = (await invoices.GetAsync(command.InvoiceNumber, ct))?.Document;
        if (invoice is not { Status: InvoiceStatus.Paid, PaidAt: { } paidAt })
            throw new InvalidOperationException($"Renewal invoice {command.InvoiceNumber} of registration {command.RegistrationId} is not paid.");

        var reference = HoldUnrenderedRenewalPayment.ReferenceFor(invoice.Number);
        // Why is in the lifecycle's own flag for the registration: the domain left for another registrar, or the registry deleted it,
        // first.
        var explanation = $"KZ-3.2, UA-1.5.3: the renewal of registration {command.RegistrationId} paid by invoice {invoice.Number} was not "
            + $"carried out (see the registration's flag for why). {invoice.Total} is a prepayment for a service not rendered: refund it to the "
            + "customer, or apply it to another of their invoices if they ask.";
        var now = clock.GetUtcNow();
        await held.AddAsync(new HeldPayment(new HeldCredit(reference, invoice.Total.Amount, invoice.Total.Currency.Code, paidAt),
            nameof(HoldReason.RenewalNotRendered), explanation, null, now), ct);
        await review.AddAsync(new ReviewItem(reference, "payment", reference, nameof(HoldReason.RenewalNotRendered), explanation, now), ct);
        logger.LogInformation("Registration {Registration}: {Amount} of a renewal not carried out held as {Reference}",
            command.RegistrationId, invoice.Total, reference);
    }
}
