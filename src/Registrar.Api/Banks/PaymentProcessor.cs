using Microsoft.Extensions.Logging;
using Registrar.Core.Lifecycle;
using Registrar.Core.Operations;
using Registrar.Core.Orders;
using Registrar.Core.Registrations;
using Registrar.Payments.Matching;
using Registrar.Payments.Notifications;
using Registrar.Storage.Stores;
using Registrar.Storage.Tables;

namespace Registrar.Api.Banks;

/// <summary>
/// Applies bank credits: each is recorded under its bank reference first (naming the verbatim message
/// that carried it), then matched;
/// a full match pays the invoice and starts one registration per ordered domain (a renewal invoice
/// renews its one registration instead), anything else is held for operations (UA-3.2). Every step
/// is idempotent by the bank reference, so repeated, concurrent or crashed notifications apply once.
/// </summary>
public sealed class PaymentProcessor(
    IPaymentStore payments,
    PaymentMatcher matcher,
    IInvoiceStore<Invoice> invoices,
    IOrderStore<Order> orders,
    ILifecycleEvents<RegistrationEvent> registrations,
    IReviewList review,
    TimeProvider clock,
    ILogger<PaymentProcessor> logger)
{
    public async Task<PaymentOutcome> ApplyAsync(BankCreditNotification credit, string messageId, string format, CancellationToken ct)
    {
        var reference = $"{credit.BankId}:{credit.TransactionReference}";
        var recorded = await payments.RecordAsync(reference, messageId, format, clock.GetUtcNow(), ct);
        if (recorded.Notification.Document.IsProcessed) return new PaymentOutcome(reference, "duplicate", null);

        var outcome = await DecideAndApplyAsync(reference, credit, ct);
        try
        {
            await payments.MarkProcessedAsync(recorded.Notification, outcome, clock.GetUtcNow(), ct);
        }
        catch (ConcurrencyConflictException)
        {
            // A concurrent delivery of the same credit processed it too; every effect above is idempotent.
        }
        return outcome;
    }

    private async Task<PaymentOutcome> DecideAndApplyAsync(string reference, BankCreditNotification credit, CancellationToken ct)
    {
        var decision = await matcher.DecideAsync(credit, ct);
        var invoice = decision switch
        {
            Matched matched => await PayInvoiceAsync(reference, matched, ct),
            // Paid by this very payment before a crash stopped the rest: carry on from there.
            HeldForOperations { Reason: HoldReason.InvoiceAlreadyPaid, Invoice: { } paid } => await PaidByAsync(reference, paid.Number.ToString(), ct),
            _ => null,
        };
        if (invoice is not null)
        {
            await (invoice.Renewal is { } renewal
                ? RenewAsync(invoice, renewal, ct)
                : StartRegistrationsAsync(invoice, invoice.PaidAt!.Value, ct));
            logger.LogInformation("Payment {Reference} paid invoice {Invoice}", reference, invoice.Number);
            return new PaymentOutcome(reference, "applied", invoice.Number);
        }

        var held = decision as HeldForOperations
            ?? new HeldForOperations(credit, HoldReason.InvoiceAlreadyPaid, "The invoice was paid by another payment meanwhile.", [], null);
        await review.AddAsync(new ReviewItem(reference, "payment", reference, held.Reason.ToString(), held.Explanation, clock.GetUtcNow()), ct);
        logger.LogWarning("Payment {Reference} held for operations: {Reason}", reference, held.Reason);
        return new PaymentOutcome(reference, "held:" + held.Reason, held.Invoice?.Number.ToString());
    }

    /// <returns>The paid invoice; null when another payment paid it first.</returns>
    private async Task<Invoice?> PayInvoiceAsync(string reference, Matched matched, CancellationToken ct)
    {
        while (true)
        {
            var stored = await invoices.GetAsync(matched.Invoice.Number.ToString(), ct)
                ?? throw new InvalidOperationException($"Invoice {matched.Invoice.Number} matched but cannot be read.");
            var invoice = stored.Document;
            if (invoice.Status == InvoiceStatus.Paid) return invoice.PaymentReference == reference ? invoice : null;

            // KZ-3.5, UA-3.4: paid at the bank's booking time.
            var paid = invoice with { Status = InvoiceStatus.Paid, PaidAt = matched.PaidAt, PaymentReference = reference };
            try
            {
                return (await invoices.UpdateAsync(stored, paid, invoice.CustomerId, paid.Status.ToString(), ct)).Document;
            }
            catch (ConcurrencyConflictException)
            {
                // Read again: a concurrent delivery of this same payment may have paid it already.
            }
        }
    }

    private async Task<Invoice?> PaidByAsync(string reference, string invoiceNumber, CancellationToken ct) =>
        (await invoices.GetAsync(invoiceNumber, ct))?.Document is { PaymentReference: var paidBy } invoice && paidBy == reference ? invoice : null;

    /// <summary>KZ-2.7, UA-1.10: the paid renewal invoice renews its registration, by the years it was priced for; the
    /// event id is the invoice's, so a second delivery of this payment renews nothing more.</summary>
    private Task RenewAsync(Invoice invoice, RenewalOf renewal, CancellationToken ct)
    {
        var eventId = "renewal-paid:" + invoice.Number;
        return registrations.RaiseAsync(renewal.RegistrationId, eventId,
            new RenewalPaid(eventId, invoice.Number, renewal.Years, invoice.PaidAt!.Value), ct);
    }

    private async Task StartRegistrationsAsync(Invoice invoice, DateTimeOffset paidAt, CancellationToken ct)
    {
        var order = (await orders.GetAsync(invoice.CustomerId, invoice.OrderId, ct))?.Document
            ?? throw new InvalidOperationException($"Order {invoice.OrderId} of invoice {invoice.Number} cannot be read.");
        for (var i = 0; i < order.Lines.Count; i++)
        {
            var registrationId = RegistrationIds.For(order.OrderId, i);
            var eventId = $"paid:{invoice.Number}";
            await registrations.RaiseAsync(registrationId, eventId,
                new RegistrationPaid(eventId, RegistrationOrders.From(order, i), paidAt), ct);
        }
    }
}

/// <param name="Result">"applied", "duplicate" or "held:{reason}".</param>
public sealed record PaymentOutcome(string Reference, string Result, string? Invoice);
