using System.Text.Json;
using Microsoft.Extensions.Logging;
using Registrar.Api.Operations;
using Registrar.Core.Lifecycle;
using Registrar.Core.Money;
using Registrar.Core.Operations;
using Registrar.Core.Orders;
using Registrar.Core.Registrations;
using Registrar.Payments.Invoices;
using Registrar.Payments.Matching;
using Registrar.Payments.Notifications;
using Registrar.Storage.Stores;
using Registrar.Storage.Tables;

namespace Registrar.Api.Banks;

/// <summary>
/// Applies bank credits: each is recorded under its bank reference first (naming the verbatim message
/// that carried it), then matched;
/// a full match pays the invoice and starts one registration per ordered domain (a renewal invoice
/// renews its one registration instead, unless that has ended), anything else is held for operations (UA-3.2) until they apply it
/// (<see cref="PayAsync"/>) or refund it. Every step is idempotent by the bank reference, so repeated, concurrent or
/// crashed notifications apply once.
/// </summary>
public sealed class PaymentProcessor(
    IPaymentStore payments,
    PaymentMatcher matcher,
    IInvoiceStore<Invoice> invoices,
    IOrderStore<Order> orders,
    ILifecycleEvents<RegistrationEvent> registrations,
    IReviewList review,
    IHeldPaymentStore heldPayments,
    HeldPaymentJournal journal,
    EndedRenewals endedRenewals,
    AcquirerPaymentChanges acquirerChanges,
    TimeProvider clock,
    ILogger<PaymentProcessor> logger)
{
    // A purpose the payer wrote may be long; the explanation quoting it is kept within a table property.
    private const int MaxExplanationLength = 4_000;

    /// <param name="key">What the credit is recorded under: <c>{bank}:{reference}</c>, told apart from other credits alike.</param>
    /// <param name="reversedInMessage">Whether the message that books it also books its reversal, of all of it or of a part.</param>
    /// <param name="entered">What operations entered, for a credit they read: kept with it, so recovery can finish it.</param>
    public async Task<PaymentOutcome> ApplyAsync(BankCreditNotification credit, string key, string messageId, string format, ReversalInMessage reversedInMessage,
        CancellationToken ct, EnteredCredit? entered = null)
    {
        var recorded = await payments.RecordAsync(key, new ReportedMoney(credit.Amount, credit.CurrencyCode), messageId, format, clock.GetUtcNow(), ct,
            entered, IsAcquirers(format) ? null : CreditBooking.Of(credit.BookedAt, credit.PaymentPurpose));
        // The key it was kept under: the bank's reference, or that and its money (and booking) when the reference came before with
        // other money (or the same money booked another day or for another purpose: a bank reusing its references, UA-3.2).
        var reference = recorded.Notification.Document.BankReference;
        // A credit operations read and enter again is one they were told of: a repeat, whatever message it came in.
        if (recorded.Notification.Document.IsProcessed)
            return entered is null ? PaymentOutcome.Repeated(recorded.Notification.Document, messageId) : new PaymentOutcome(reference, "duplicate", null);

        var outcome = IsAcquirers(format) && reference != key
            ? await acquirerChanges.ReportAsync(credit, key, reference, ct)
            : await ReversedAlreadyAsync(credit, key, reference, format, reversedInMessage, ct) ?? await DecideAndApplyAsync(reference, credit, ct);
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

    /// <summary>An acquirer names each payment by an invoice of its own, never reused (<see cref="AcquirerPaymentChanges"/>): its
    /// booking time is the status change's, which moves with every post of the same payment.</summary>
    private static bool IsAcquirers(string format) => format == BankNotificationFormats.EcdsaJson;

    /// <summary>UA-3.2, KZ-3.2: a credit the bank took back before it was applied pays nothing: nothing goes to a registry unpaid.
    /// An acquirer's webhooks come in no set order (monobank's invoice status), so a payment's reversal may be told before the
    /// payment; a bank's message may book a credit and its reversal together. The credit is kept as a held payment the bank
    /// reversed, which can be neither applied nor refunded, and operations see it beside the reversal.</summary>
    private async Task<PaymentOutcome?> ReversedAlreadyAsync(BankCreditNotification credit, string key, string reference, string format,
        ReversalInMessage reversedInMessage, CancellationToken ct)
    {
        string explanation;
        if (reversedInMessage == ReversalInMessage.Part)
            return await HoldPartlyReversedAsync(credit, reference, ct);
        if (reversedInMessage == ReversalInMessage.Whole)
            explanation = "The bank's message that booked this payment also books its reversal: it pays nothing, and its money is no longer here "
                + "to apply or refund.";
        else if (format == BankNotificationFormats.EcdsaJson && await payments.GetAsync(PaymentKeys.Reversal(key), ct) is { } reversal)
            explanation = $"The bank reported this payment reversed ({reversal.Document.BankReference}) before it reported it paid: it pays "
                + "nothing, and its money is no longer here to apply or refund.";
        else return null;
        var now = clock.GetUtcNow();
        var invoice = InvoiceNumber.FindIn(credit.PaymentPurpose) is [var named] ? named.ToString() : null;
        var held = new HeldPayment(new HeldCredit(reference, credit.Amount, credit.CurrencyCode, credit.BookedAt), nameof(HoldReason.ReversedBeforeApplied),
            explanation, invoice, now, new HeldPaymentResolution(HeldPaymentAction.Reversed, $"bank {credit.BankId}", now, explanation));
        await heldPayments.AddAsync(held, ct);
        await review.AddAsync(new ReviewItem(reference, "payment", invoice ?? reference, nameof(HoldReason.ReversedBeforeApplied), explanation, now), ct);
        await journal.RecordAsync(held, ct);
        logger.LogWarning("Payment {Reference} was reversed before it was applied; it pays nothing", reference);
        return new PaymentOutcome(reference, "held:" + nameof(HoldReason.ReversedBeforeApplied), invoice);
    }

    /// <summary>KZ-3.2, UA-3.2: a credit the same message partly reverses pays nothing by itself, as the invoice would be paid with
    /// money that is not all here: it is held, and its reversal, judged after the message's credits, leaves it held for what the
    /// bank left, for operations to apply or refund.</summary>
    private async Task<PaymentOutcome> HoldPartlyReversedAsync(BankCreditNotification credit, string reference, CancellationToken ct)
    {
        const string explanation = "The bank's message that booked this payment also books the reversal of part of it: it pays nothing by "
            + "itself; what the bank left of it is held to apply or refund.";
        var now = clock.GetUtcNow();
        var invoice = InvoiceNumber.FindIn(credit.PaymentPurpose) is [var named] ? named.ToString() : null;
        await heldPayments.AddAsync(new HeldPayment(new HeldCredit(reference, credit.Amount, credit.CurrencyCode, credit.BookedAt),
            nameof(HoldReason.PartlyReversedBeforeApplied), explanation, invoice, now), ct);
        await review.AddAsync(new ReviewItem(reference, "payment", invoice ?? reference, nameof(HoldReason.PartlyReversedBeforeApplied), explanation, now), ct);
        logger.LogWarning("Payment {Reference} was partly reversed in the message that booked it; held", reference);
        return new PaymentOutcome(reference, "held:" + nameof(HoldReason.PartlyReversedBeforeApplied), invoice);
    }

    private async Task<PaymentOutcome> DecideAndApplyAsync(string reference, BankCreditNotification credit, CancellationToken ct)
    {
        using var justRead = InvoicesJustRead.Begin();
        var (decision, order) = await HoldWhatPaysForNothingAsync(await matcher.DecideAsync(credit, ct), ct);
        var invoice = decision switch
        {
            Matched matched => await PayInvoiceAsync(reference, matched.Invoice.Number.ToString(), matched.PaidAt, ct),
            // Paid by this very payment before a crash stopped the rest: carry on from there.
            HeldForOperations { Reason: HoldReason.InvoiceAlreadyPaid, Invoice: { } paid } => await PaidByAsync(reference, paid.Number.ToString(), ct),
            _ => null,
        };
        if (invoice is not null)
        {
            await ReleaseAsync(invoice, order, ct);
            logger.LogInformation("Payment {Reference} paid invoice {Invoice}", reference, invoice.Number);
            return new PaymentOutcome(reference, "applied", invoice.Number);
        }

        // UA-3.2: the loser of a race for its invoice still names it, so operations see which invoice the money was meant for.
        var held = decision as HeldForOperations ?? await LostTheInvoiceAsync((Matched)decision, ct);
        var told = held is { Reason: HoldReason.Partial, Invoice: { } partOf } ? held.Explanation + await CountingAlreadyAsync(partOf, credit, reference, ct) : held.Explanation;
        var explanation = told.Length > MaxExplanationLength ? told[..MaxExplanationLength] : told;
        await heldPayments.AddAsync(new HeldPayment(new HeldCredit(reference, credit.Amount, credit.CurrencyCode, credit.BookedAt),
            held.Reason.ToString(), explanation, held.Invoice?.Number.ToString(), clock.GetUtcNow()), ct);
        await review.AddAsync(new ReviewItem(reference, "payment", reference, held.Reason.ToString(), explanation, clock.GetUtcNow()), ct);
        logger.LogWarning("Payment {Reference} held for operations: {Reason}", reference, held.Reason);
        return new PaymentOutcome(reference, "held:" + held.Reason, held.Invoice?.Number.ToString());
    }

    /// <summary>UA-3.2: a part payment is held, and its explanation says what already counts toward its invoice (credits operations
    /// applied toward it, others held naming it), so operations see at once whether applying it completes the invoice.</summary>
    private async Task<string> CountingAlreadyAsync(InvoiceSnapshot invoice, BankCreditNotification credit, string reference, CancellationToken ct)
    {
        var currency = invoice.AmountDue.Currency;
        if (!Money.TryOf(credit.Amount, currency, out var paid)) return "";
        var (applied, held) = (Money.Zero(currency), Money.Zero(currency));
        await foreach (var other in heldPayments.ListForInvoiceAsync(invoice.Number.ToString(), ct))
        {
            var payment = other.Document;
            if (payment.Credit.Reference == reference || payment.Credit.CurrencyCode != currency.Code
                || !Money.TryOf(payment.Credit.Amount, currency, out var amount)) continue;
            if (payment.IsHeld) held += amount;
            else if (payment.AwaitsInvoicePayment || payment.Resolution!.Pending) applied += amount;
        }
        if (applied.IsZero && held.IsZero) return "";
        var come = applied + held + paid;
        var counted = string.Join(", and ", new[] { applied.IsZero ? null : $"{applied} is applied toward it already", held.IsZero ? null : $"{held} more is held naming it" }
            .OfType<string>());
        var effect = come == invoice.AmountDue ? ": applying it completes the invoice."
            : come > invoice.AmountDue ? $": applying it pays the invoice, and {come - invoice.AmountDue} beyond its total is held." : ".";
        return $" Of it, {counted}; with this payment {come} of {invoice.AmountDue} has come{effect}";
    }

    /// <summary>UA-3.2: a matched invoice whose payment would release nothing (a renewal of a registration that ended, an order
    /// that was never stored) is not paid: the money is held for operations, not taken for nothing. The order read here is the
    /// one the registrations start from.</summary>
    private async Task<(PaymentDecision Decision, Order? Order)> HoldWhatPaysForNothingAsync(PaymentDecision decision, CancellationToken ct)
    {
        if (decision is not Matched matched) return (decision, null);
        var number = matched.Invoice.Number.ToString();
        if ((InvoicesJustRead.Peek(number) ?? await invoices.GetAsync(number, ct))?.Document is not { } invoice) return (decision, null);
        if (await endedRenewals.EndedRegistrationOfAsync(invoice, ct) is { } ended)
            return (new HeldForOperations(matched.Payment, HoldReason.RegistrationEnded, EndedRenewals.Explanation(invoice, ended), [matched.Invoice.Number],
                matched.Invoice), null);
        if (invoice.Renewal is not null) return (decision, null);
        if ((await orders.GetAsync(invoice.CustomerId, invoice.OrderId, ct))?.Document is { } order) return (decision, order);
        return (new HeldForOperations(matched.Payment, HoldReason.OrderNotPlaced,
            $"Invoice {number} was numbered for an order whose placing was cut short before the order was stored: there is nothing to "
            + "register for it. Refund the payment, or apply it to the invoice of the order the customer placed again.", [matched.Invoice.Number],
            matched.Invoice), null);
    }

    /// <summary>Pays the invoice with held credits operations applied to it (UA-3.2), under the reference of the one that made
    /// it whole, with exactly the effects a matched payment has.</summary>
    /// <returns>The paid invoice; null when another payment paid it first.</returns>
    public async Task<Invoice?> PayAsync(string invoiceNumber, string reference, DateTimeOffset paidAt, CancellationToken ct)
    {
        var invoice = await PayInvoiceAsync(reference, invoiceNumber, paidAt, ct);
        if (invoice is null) return null;
        await ReleaseAsync(invoice, null, ct);
        logger.LogInformation("Held payment {Reference} completed invoice {Invoice}", reference, invoice.Number);
        return invoice;
    }

    /// <returns>The paid invoice; null when another payment paid it first.</returns>
    private async Task<Invoice?> PayInvoiceAsync(string reference, string invoiceNumber, DateTimeOffset paidAt, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stored = (attempt == 1 ? InvoicesJustRead.Take(invoiceNumber) : null) ?? await invoices.GetAsync(invoiceNumber, ct)
                ?? throw new InvalidOperationException($"Invoice {invoiceNumber} to be paid cannot be read.");
            var invoice = stored.Document;
            if (invoice.Status == InvoiceStatus.Paid) return invoice.PaymentReference == reference ? invoice : null;
            if (invoice.Status == InvoiceStatus.Cancelled) return null;

            // KZ-3.5, UA-3.4: paid at the bank's booking time.
            var paid = invoice with { Status = InvoiceStatus.Paid, PaidAt = paidAt, PaymentReference = reference };
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

    /// <summary>The invoice the credit matched was paid by another payment, or cancelled (its renewal paid by another invoice),
    /// between the match and the payment's write.</summary>
    private async Task<HeldForOperations> LostTheInvoiceAsync(Matched matched, CancellationToken ct) =>
        (await invoices.GetAsync(matched.Invoice.Number.ToString(), ct))?.Document.Cancellation is { } cancelled
            ? new HeldForOperations(matched.Payment, HoldReason.InvoiceCancelled,
                $"Invoice {matched.Invoice.Number} was cancelled meanwhile: {cancelled.Reason}.", [], matched.Invoice)
            : new HeldForOperations(matched.Payment, HoldReason.InvoiceAlreadyPaid, "The invoice was paid by another payment meanwhile.", [], matched.Invoice);

    /// <param name="order">The invoice's order, when read already.</param>
    private Task ReleaseAsync(Invoice invoice, Order? order, CancellationToken ct) =>
        invoice.Renewal is { } renewal ? RenewAsync(invoice, renewal, ct) : StartRegistrationsAsync(invoice, order, invoice.PaidAt!.Value, ct);

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

    private async Task StartRegistrationsAsync(Invoice invoice, Order? read, DateTimeOffset paidAt, CancellationToken ct)
    {
        var order = read ?? (await orders.GetAsync(invoice.CustomerId, invoice.OrderId, ct))?.Document
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

/// <summary>What the bank's message that books a credit also books of its reversal.</summary>
public enum ReversalInMessage
{
    None,
    Whole,
    Part,
}

/// <param name="Result">"applied", "duplicate" or "held:{reason}".</param>
public sealed record PaymentOutcome(string Reference, string Result, string? Invoice)
{
    /// <summary>A credit processed before: "duplicate" when another message carried it first; when this very message did, in an
    /// attempt that stopped before the message was marked done (a crash, then the bank's retry or the recovery pass), what that
    /// attempt made of it, so the message's answer names the invoice each of its credits paid wherever the stop fell.</summary>
    public static PaymentOutcome Repeated(PaymentNotification processed, string messageId) =>
        processed.MessageId == messageId && processed.Outcome?.Deserialize<PaymentOutcome>(DocumentTable.Json) is { } first
            ? first
            : new PaymentOutcome(processed.BankReference, "duplicate", null);
}
