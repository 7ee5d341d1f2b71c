using Microsoft.Extensions.Logging;
using Registrar.Api.Operations;
using Registrar.Core.Money;
using Registrar.Core.Operations;
using Registrar.Core.Orders;
using Registrar.Core.Registrations;
using Registrar.Payments.Invoices;
using Registrar.Payments.Notifications;
using Registrar.Storage.Stores;
using Registrar.Storage.Tables;

namespace Registrar.Api.Banks;

/// <summary>
/// A booked reversal (camt.054 <c>RvslInd</c>): money a bank moved back. A credit still held, or applied toward an invoice not
/// paid yet, is marked reversed (or less the part taken back), so it no longer counts toward its invoice (UA-3.2); nothing else is undone automatically: operations are told, with the invoice
/// it touches and the registrations that invoice started when it reverses a credit that paid one, and with the bank's own
/// words otherwise.
/// </summary>
public sealed class ReversalReporter(
    IPaymentStore payments,
    IInvoiceStore<Invoice> invoices,
    IOrderStore<Order> orders,
    IHeldPaymentStore heldPayments,
    HeldPaymentJournal journal,
    IReviewList review,
    TimeProvider clock,
    ILogger<ReversalReporter> logger)
{
    public const string ReversedPaidInvoice = "ReversalOfPaidInvoice";
    public const string ReversedHeldCredit = "ReversalOfHeldCredit";
    public const string ReversedPartOfHeldCredit = "PartialReversalOfHeldCredit";
    public const string ReversedRefundedCredit = "ReversalOfRefundedCredit";
    public const string Unmatched = "Reversal";

    /// <param name="key">What the reversal is recorded under, as a credit would be (<see cref="PaymentProcessor.ApplyAsync"/>).</param>
    public async Task<PaymentOutcome> ReportAsync(BankCreditNotification reversal, string key, string messageId, string format, CancellationToken ct)
    {
        var recorded = await payments.RecordAsync(PaymentKeys.Reversal(key),
            new ReportedMoney(reversal.Amount, reversal.CurrencyCode), messageId, format, clock.GetUtcNow(), ct);
        var reference = recorded.Notification.Document.BankReference;
        if (recorded.Notification.Document.IsProcessed) return PaymentOutcome.Repeated(recorded.Notification.Document, messageId);

        var money = new ReportedMoney(reversal.Amount, reversal.CurrencyCode);
        var original = await payments.FindAsync(PaymentKeys.BanksReference(reversal.BankId, reversal.TransactionReference), money, ct);
        var amount = $"{reversal.Amount} {reversal.CurrencyCode}";
        // The bank takes a credit back whole with its money, or what its earlier reversals left of it; rows of earlier versions
        // kept no money to compare.
        var whole = original?.Document.Money is null || original.Document.Money.Key == money.Key
            || await TakesWhatIsLeftAsync(original.Document.BankReference, reference, reversal, ct);
        // What became of the credit if it was held: reversed now when the bank took all of it back.
        var kept = original is null ? null
            : whole ? await ReverseHeldAsync(original.Document.BankReference, reference, reversal, ct)
            : (await heldPayments.GetAsync(original.Document.BankReference, ct))?.Document;
        if (whole && kept is { Resolution.Action: HeldPaymentAction.Reversed } held)
        {
            var named = (held.Resolution.InvoiceNumber ?? held.InvoiceNumber) is { } number ? $" for invoice {number}" : "";
            return await ReportAsync(recorded.Notification, new ReviewItem(reference, "payment", held.Credit.Reference, ReversedHeldCredit,
                $"The bank reversed {amount} booked {reversal.BookedAt:O} ({reversal.TransactionReference}). The credit {held.Credit.Reference} was held " +
                $"({held.Reason}){named}: it no longer counts toward any invoice and can be neither applied nor refunded.", clock.GetUtcNow()),
                held.InvoiceNumber, ct);
        }

        if (!whole && kept is { StillCounts: true } && await ReduceHeldAsync(kept.Credit.Reference, reference, reversal, ct) is { StillCounts: true } reduced)
        {
            // UA-3.2: what the bank left of the credit is still money to apply or refund, and only that is.
            var left = reduced.HasReversal(reference)
                ? $"it stays held for the {AmountInCurrency.Text(reduced.Credit.Amount, reduced.Credit.CurrencyCode)} {reduced.Credit.CurrencyCode} the bank left of it, "
                    + "which alone is applied or refunded"
                : $"it stays held for {AmountInCurrency.Text(reduced.Credit.Amount, reduced.Credit.CurrencyCode)} {reduced.Credit.CurrencyCode}, more than the bank "
                    + "left if this reversal is of it: find what the bank left before applying or refunding it";
            return await ReportAsync(recorded.Notification, new ReviewItem(reference, "payment", reduced.Credit.Reference, ReversedPartOfHeldCredit,
                $"The bank reversed {amount} booked {reversal.BookedAt:O} ({reversal.TransactionReference}) of the held credit {reduced.Credit.Reference}: {left}.",
                clock.GetUtcNow()), reduced.InvoiceNumber, ct);
        }

        if (kept is { Resolution: { Action: HeldPaymentAction.Refunded, Refund: { } refund } refunded })
            return await ReportAsync(recorded.Notification, new ReviewItem(reference, "payment", kept.Credit.Reference, ReversedRefundedCredit,
                $"The bank reversed {amount} booked {reversal.BookedAt:O} ({reversal.TransactionReference}) of the credit {kept.Credit.Reference}, which operations " +
                $"refunded at {refunded.At:O} ({AmountInCurrency.Text(refund.Amount, refund.CurrencyCode)} {refund.CurrencyCode}, transfer {refund.BankReference}): " +
                "the money went back twice; recover the refund.", clock.GetUtcNow()), null, ct);

        var invoice = await ReversedInvoiceAsync(original, kept, reversal, ct);
        var surplus = whole && kept is not null ? await SurplusTakenBackAsync(kept.Credit.Reference, reference, reversal, ct) : "";
        var item = invoice is { Status: InvoiceStatus.Paid, PaymentReference: { } paidBy } && PaidByReversedCredit(invoice, original, kept)
            ? new ReviewItem(reference, "payment", invoice.Number, ReversedPaidInvoice,
                $"The bank reversed {amount} booked {reversal.BookedAt:O} ({reversal.TransactionReference}). Invoice {invoice.Number} was paid by {paidBy} " +
                $"and started registrations {string.Join(", ", await RegistrationsOfAsync(invoice, ct))}: decide whether to stop them or ask for payment again.{surplus}",
                clock.GetUtcNow())
            : new ReviewItem(reference, "payment", reference, Unmatched,
                $"The bank reversed {amount} booked {reversal.BookedAt:O} ({reversal.TransactionReference}); it names no invoice paid by a credit here. " +
                $"Purpose: \"{reversal.PaymentPurpose}\".", clock.GetUtcNow());
        return await ReportAsync(recorded.Notification, item, invoice?.Number, ct);
    }

    private async Task<PaymentOutcome> ReportAsync(Stored<PaymentNotification> recorded, ReviewItem item, string? invoice, CancellationToken ct)
    {
        await review.AddAsync(item, ct);
        logger.LogWarning("Reversal {Reference} held for operations: {Reason}", item.Id, item.Reason);
        var outcome = new PaymentOutcome(item.Id, "held:" + item.Reason, invoice);
        await payments.MarkProcessedAsync(recorded, outcome, clock.GetUtcNow(), ct);
        return outcome;
    }

    /// <summary>UA-3.2: a held credit the bank took back is no money to count, apply or refund, so it is resolved as reversed,
    /// audited like an action of operations. A repeat of the reversal finds it reversed already.</summary>
    /// <returns>The held payment as it stands: reversed, or as operations resolved it first; null when the credit was never held.</returns>
    private async Task<HeldPayment?> ReverseHeldAsync(string creditReference, string reversalReference, BankCreditNotification reversal, CancellationToken ct)
    {
        while (await heldPayments.GetAsync(creditReference, ct) is { } stored)
        {
            if (!stored.Document.StillCounts) return stored.Document;
            // One applied toward an invoice not paid yet counts toward it no more; the invoice it counted toward stays named.
            var resolution = new HeldPaymentResolution(HeldPaymentAction.Reversed, $"bank {reversal.BankId}", clock.GetUtcNow(),
                $"The bank reversed it: {reversalReference}, booked {reversal.BookedAt:O}.", stored.Document.Resolution?.InvoiceNumber);
            try
            {
                var reversed = (await heldPayments.ResolveAsync(stored, resolution, ct)).Document;
                await journal.RecordAsync(reversed, ct);
                return reversed;
            }
            catch (ConcurrencyConflictException)
            {
                // Operations acted on it meanwhile: what they did decides how the reversal is reported.
            }
        }
        return null;
    }

    /// <summary>UA-3.2: what came beyond the invoice's total when operations applied the credit was the bank's money too: still
    /// held, it is reversed with the credit, so it can be neither applied nor refunded; refunded or applied already, operations are
    /// told that part went out twice or paid with money the bank took back. Empty when no surplus was carved from the credit.</summary>
    private async Task<string> SurplusTakenBackAsync(string creditReference, string reversalReference, BankCreditNotification reversal, CancellationToken ct)
    {
        if (await ReverseHeldAsync(HeldPayment.SurplusOf(creditReference), reversalReference, reversal, ct) is not { } surplus) return "";
        var what = $" Its surplus {surplus.Credit.Reference} ({AmountInCurrency.Text(surplus.Credit.Amount, surplus.Credit.CurrencyCode)} {surplus.Credit.CurrencyCode})";
        return surplus.Resolution switch
        {
            { Action: HeldPaymentAction.Reversed } => $"{what} is reversed with it: it can be neither applied nor refunded.",
            { Action: HeldPaymentAction.Refunded, Refund: { } refund } =>
                $"{what} was refunded at {surplus.Resolution.At:O} (transfer {refund.BankReference}): that part went back twice; recover the refund.",
            { InvoiceNumber: { } other } => $"{what} was applied to invoice {other}, which it paid with money the bank took back.",
            _ => $"{what} was resolved as {surplus.Resolution?.Action}: check it against this reversal.",
        };
    }

    /// <summary>UA-3.2: the held credit less the part the bank took back, kept once per reversal; as it stands when operations
    /// resolved it first, or when the reversal takes the rest or more, or in another currency (operations judge it then).</summary>
    private async Task<HeldPayment?> ReduceHeldAsync(string creditReference, string reversalReference, BankCreditNotification reversal, CancellationToken ct)
    {
        while (await heldPayments.GetAsync(creditReference, ct) is { } stored)
        {
            var credit = stored.Document.Credit;
            if (!stored.Document.StillCounts || stored.Document.HasReversal(reversalReference)
                || credit.CurrencyCode != reversal.CurrencyCode || reversal.Amount <= 0m || reversal.Amount >= credit.Amount)
                return stored.Document;
            try
            {
                return (await heldPayments.ReduceAsync(stored, new PartReversal(reversalReference, reversal.Amount, reversal.BookedAt), ct)).Document;
            }
            catch (ConcurrencyConflictException)
            {
                // Operations acted on it meanwhile: read it again.
            }
        }
        return null;
    }

    /// <summary>Whether the reversal takes back the rest of a held credit earlier reversals took part of: it is reversed whole then.</summary>
    private async Task<bool> TakesWhatIsLeftAsync(string creditReference, string reversalReference, BankCreditNotification reversal, CancellationToken ct) =>
        (await heldPayments.GetAsync(creditReference, ct))?.Document is { StillCounts: true, PartsReversed.Count: > 0 } held
        && !held.HasReversal(reversalReference)
        && held.Credit.CurrencyCode == reversal.CurrencyCode && held.Credit.Amount == reversal.Amount;

    /// <summary>Whether the reversed credit is what paid <paramref name="invoice"/>: itself, or a held credit applied with those that
    /// paid it. A reversal naming an invoice another credit paid tells operations nothing about that payment.</summary>
    private static bool PaidByReversedCredit(Invoice invoice, Stored<PaymentNotification>? original, HeldPayment? kept) =>
        kept?.Resolution is { Action: HeldPaymentAction.Applied or HeldPaymentAction.Moved } || original is null
        || invoice.PaymentReference == original.Document.BankReference;

    /// <summary>The invoice the reversed credit paid: found by that credit's reference (and money, when the reference carried
    /// two credits) when the bank repeats it, as the invoice operations applied it to when it was held, else as matched; else
    /// by the one invoice number in the purpose (UA-3.2).</summary>
    private async Task<Invoice?> ReversedInvoiceAsync(Stored<PaymentNotification>? original, HeldPayment? kept, BankCreditNotification reversal,
        CancellationToken ct)
    {
        var paid = kept?.Resolution is { Action: HeldPaymentAction.Applied or HeldPaymentAction.Moved } ? kept.CountsToward
            : original?.Document.Outcome is { } outcome && outcome.TryGetProperty("invoice", out var number) && number.GetString() is { } byReference
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
