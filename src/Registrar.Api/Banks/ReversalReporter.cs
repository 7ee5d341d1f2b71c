using Microsoft.Extensions.Logging;
using Registrar.Core.Operations;
using Registrar.Core.Orders;
using Registrar.Core.Registrations;
using Registrar.Payments.Invoices;
using Registrar.Payments.Notifications;
using Registrar.Storage.Stores;

namespace Registrar.Api.Banks;

/// <summary>
/// A booked reversal (camt.054 <c>RvslInd</c>): money a bank moved back. Nothing is undone automatically;
/// operations are told, with the invoice it touches and the registrations that invoice started when it
/// reverses a credit that paid one, and with the bank's own words otherwise.
/// </summary>
public sealed class ReversalReporter(
    IPaymentStore payments,
    IInvoiceStore<Invoice> invoices,
    IOrderStore<Order> orders,
    IReviewList review,
    TimeProvider clock,
    ILogger<ReversalReporter> logger)
{
    public const string ReversedPaidInvoice = "ReversalOfPaidInvoice";
    public const string Unmatched = "Reversal";

    public async Task<PaymentOutcome> ReportAsync(BankCreditNotification reversal, string messageId, string format, CancellationToken ct)
    {
        // Its own row, apart from the credit it reverses (banks often repeat that credit's reference).
        var recorded = await payments.RecordAsync($"{reversal.BankId}:{reversal.TransactionReference}:reversal",
            new ReportedMoney(reversal.Amount, reversal.CurrencyCode), messageId, format, clock.GetUtcNow(), ct);
        var reference = recorded.Notification.Document.BankReference;
        if (recorded.Notification.Document.IsProcessed) return new PaymentOutcome(reference, "duplicate", null);

        var invoice = await ReversedInvoiceAsync(reversal, ct);
        var amount = $"{reversal.Amount} {reversal.CurrencyCode}";
        var item = invoice is { Status: InvoiceStatus.Paid, PaymentReference: { } paidBy }
            ? new ReviewItem(reference, "payment", invoice.Number, ReversedPaidInvoice,
                $"The bank reversed {amount} booked {reversal.BookedAt:O} ({reversal.TransactionReference}). Invoice {invoice.Number} was paid by {paidBy} " +
                $"and started registrations {string.Join(", ", await RegistrationsOfAsync(invoice, ct))}: decide whether to stop them or ask for payment again.",
                clock.GetUtcNow())
            : new ReviewItem(reference, "payment", reference, Unmatched,
                $"The bank reversed {amount} booked {reversal.BookedAt:O} ({reversal.TransactionReference}); it names no invoice paid by a credit here. " +
                $"Purpose: \"{reversal.PaymentPurpose}\".", clock.GetUtcNow());
        await review.AddAsync(item, ct);
        logger.LogWarning("Reversal {Reference} held for operations: {Reason}", reference, item.Reason);

        var outcome = new PaymentOutcome(reference, "held:" + item.Reason, invoice?.Number);
        await payments.MarkProcessedAsync(recorded.Notification, outcome, clock.GetUtcNow(), ct);
        return outcome;
    }

    /// <summary>The invoice the reversed credit paid: found by that credit's reference (and money, when the reference carried
    /// two credits) when the bank repeats it, else by the one invoice number in the purpose (UA-3.2).</summary>
    private async Task<Invoice?> ReversedInvoiceAsync(BankCreditNotification reversal, CancellationToken ct)
    {
        var original = await payments.FindAsync($"{reversal.BankId}:{reversal.TransactionReference}",
            new ReportedMoney(reversal.Amount, reversal.CurrencyCode), ct);
        var paid = original?.Document.Outcome is { } outcome && outcome.TryGetProperty("invoice", out var number) && number.GetString() is { } byReference
            ? byReference
            : InvoiceNumber.FindIn(reversal.PaymentPurpose) is [var single] ? single.ToString() : null;
        return paid is null ? null : (await invoices.GetAsync(paid, ct))?.Document;
    }

    private async Task<IEnumerable<string>> RegistrationsOfAsync(Invoice invoice, CancellationToken ct)
    {
        // A renewal invoice has no order: it names the one registration its payment renewed.
        if (invoice.Renewal is { } renewal) return [renewal.RegistrationId];
        var order = (await orders.GetAsync(invoice.CustomerId, invoice.OrderId, ct))?.Document;
        return order is null ? [] : Enumerable.Range(0, order.Lines.Count).Select(i => RegistrationIds.For(order.OrderId, i));
    }
}
