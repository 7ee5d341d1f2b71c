using Microsoft.Extensions.Logging;
using Registrar.Api.Banks;
using Registrar.Core.Money;
using Registrar.Core.Operations;
using Registrar.Core.Orders;
using Registrar.Payments.Matching;
using Registrar.Storage.Stores;
using Registrar.Storage.Tables;

namespace Registrar.Api.Operations;

/// <summary>
/// UA-3.2: carries out an apply kept pending (<see cref="HeldPaymentResolution.Pending"/>): the credit counts toward its
/// invoice with those applied to it and those held for it, and once they make it whole the invoice is paid through the bank
/// payments' own path. The invoice's ETag decides between credits paying it at once: a credit it was paid without (a bank
/// credit or another apply got there first) is held again naming it, never left applied to an invoice it did not pay.
/// Each step is read again after a lost race, so the apply itself, the next action on the same credit and the recovery pass
/// after a crash all end the same way.
/// </summary>
public sealed class HeldPaymentCompletion(
    IHeldPaymentStore held, IInvoiceStore<Invoice> invoices, PaymentProcessor payments, HeldPaymentJournal journal, IReviewList review,
    TimeProvider clock, ILogger<HeldPaymentCompletion> logger)
{
    /// <summary>Finishes the applies a host stopped in (older than the grace, so not still in the hands of their request), and
    /// holds again what was applied toward an invoice another credit then paid in full without it, or that lapsed unpaid.</summary>
    public async Task<int> FinishStoppedAsync(CancellationToken ct)
    {
        var finished = await HoldAgainWhatPaidNothingAsync(ct);
        await foreach (var stored in held.ListPendingAsync(ct))
        {
            // A companion is carried out with the credit whose apply took it.
            if (stored.Document.Resolution is not { CompletedBy: null } resolution || clock.GetUtcNow() - resolution.At < UnprocessedPaymentRecovery.Grace) continue;
            await CompleteAsync(stored, ct);
            logger.LogWarning("Finished the apply of held payment {Reference} kept at {At}", stored.Document.Credit.Reference, resolution.At);
            finished++;
        }
        return finished;
    }

    /// <param name="applied">The credit as its apply kept it, pending.</param>
    public async Task<HeldPaymentSettled> CompleteAsync(Stored<HeldPayment> applied, CancellationToken ct)
    {
        var reference = applied.Document.Credit.Reference;
        var number = applied.Document.Resolution!.InvoiceNumber!;
        while (true)
        {
            var current = (await held.GetAsync(reference, ct))!;
            var invoice = (await invoices.GetAsync(number, ct))?.Document
                ?? throw new InvalidOperationException($"Invoice {number} a held payment was applied to cannot be read.");
            if (current.Document.Resolution is not { Pending: true }) return new HeldPaymentSettled(current.Document, invoice);
            var others = await OthersAsync(number, reference, ct);
            if (invoice.Status == InvoiceStatus.Paid) return await SettlePaidAsync(current, invoice, others, ct);
            if (invoice.Status == InvoiceStatus.Cancelled) return await HoldAllAgainAsync(current, invoice, others, ct);

            var decision = Decide(current.Document.Credit, invoice, others);
            if (decision is not PaysInvoice pays)
                return await SettleAsync(current, invoice, others, (decision as CountsTowardInvoice)?.Outstanding, surplus: null, ct);
            if (!await ResolveCompanionsAsync(current.Document, pays, others, ct)) continue;
            var paidWith = others.Where(o => !o.Document.IsHeld).Select(o => o.Document.Credit.Reference)
                .Append(reference).Concat(pays.AlsoApplied.Select(c => c.Reference)).ToList();
            try
            {
                current = await held.ResolveAsync(current, current.Document.Resolution with { PaidWith = paidWith }, ct);
            }
            catch (ConcurrencyConflictException)
            {
                continue;
            }
            // Null: another payment paid the invoice first; the next round finds whether it counted this credit.
            if (await payments.PayAsync(number, reference, pays.PaidAt, ct) is { } paid)
                return await SettleAsync(current, paid, await OthersAsync(number, reference, ct), null, pays.Surplus, ct);
        }
    }

    /// <summary>UA-3.2: a part payment applied toward an invoice that a bank credit then paid in full on its own, or that lapsed
    /// unpaid (KZ-3.3), paid nothing, and the payer's money is not kept silently: it is held again, for operations to refund or
    /// apply elsewhere, and put before them. One the invoice was paid with is marked completed by the credit that paid it, and
    /// is not looked at again.</summary>
    private async Task<int> HoldAgainWhatPaidNothingAsync(CancellationToken ct)
    {
        var heldAgain = 0;
        await foreach (var applied in held.ListAwaitingInvoicePaymentAsync(ct))
        {
            var payment = applied.Document;
            var invoice = (await invoices.GetAsync(payment.CountsToward!, ct))?.Document;
            try
            {
                if (invoice is { Status: InvoiceStatus.Paid, PaymentReference: { } paidBy })
                {
                    if ((await held.GetAsync(paidBy, ct))?.Document.Resolution?.PaidWith?.Contains(payment.Credit.Reference) == true)
                    {
                        await held.ResolveAsync(applied, payment.Resolution! with { CompletedBy = paidBy }, ct);
                        continue;
                    }
                    await PutBackAsync(applied, invoice, "paid-without:", HoldReason.InvoiceAlreadyPaid, $"Invoice {invoice.Number} was paid in "
                        + $"full by {paidBy} without this payment, which had been applied toward it: it paid nothing and is held again, to be "
                        + "refunded or applied to another invoice.", ct);
                    heldAgain++;
                }
                else if (invoice is not null && HeldPaymentRules.IsStranded(payment, invoice, clock.GetUtcNow()))
                {
                    await PutBackAsync(applied, invoice, "lapsed:", HoldReason.InvoiceLapsed, $"Invoice {invoice.Number} lapsed unpaid at "
                        + $"{invoice.DueAt:u} (KZ-3.3) with this payment applied toward it: it paid nothing and is held again, to be refunded or "
                        + "applied to another invoice.", ct);
                    heldAgain++;
                }
            }
            catch (ConcurrencyConflictException)
            {
                // Operations acted on it meanwhile (a refund once the invoice lapsed, say); what they did stands.
            }
        }
        return heldAgain;
    }

    /// <summary>Put before operations first: a stop in between leaves the credit for the next pass, never held again unseen.</summary>
    private async Task PutBackAsync(Stored<HeldPayment> applied, Invoice invoice, string itemPrefix, HoldReason reason, string explanation,
        CancellationToken ct)
    {
        var reference = applied.Document.Credit.Reference;
        await review.AddAsync(new ReviewItem(itemPrefix + reference, "payment", reference, reason.ToString(), explanation, clock.GetUtcNow()), ct);
        await held.HoldAgainAsync(applied, reason.ToString(), explanation, invoice.Number, ct);
        logger.LogWarning("Held payment {Reference} applied toward invoice {Invoice} paid nothing ({Reason}); it is held again", reference, invoice.Number, reason);
    }

    internal async Task<List<Stored<HeldPayment>>> OthersAsync(string invoiceNumber, string reference, CancellationToken ct)
    {
        var others = new List<Stored<HeldPayment>>();
        await foreach (var other in held.ListForInvoiceAsync(invoiceNumber, ct))
            if (other.Document.Credit.Reference != reference) others.Add(other);
        return others;
    }

    /// <remarks>KZ-3.5, UA-3.4: a credit held for a booking time that could not be true counts only once operations, having asked
    /// the bank, apply it themselves; it never completes an invoice as another credit's companion.</remarks>
    internal static HeldPaymentDecision Decide(HeldCredit credit, Invoice invoice, List<Stored<HeldPayment>> others) =>
        HeldPaymentRules.Apply(credit, invoice,
            [.. others.Where(o => !o.Document.IsHeld).Select(o => o.Document.Credit)],
            [.. others.Where(o => o.Document.IsHeld && o.Document.Reason != nameof(HoldReason.BookedInFuture)).Select(o => o.Document.Credit)]);

    /// <returns>False when another action took one of them first: the invoice is judged again.</returns>
    private async Task<bool> ResolveCompanionsAsync(HeldPayment applied, PaysInvoice pays, List<Stored<HeldPayment>> others, CancellationToken ct)
    {
        var companion = applied.Resolution! with { Action = HeldPaymentAction.Applied, CompletedBy = applied.Credit.Reference, PaidWith = null };
        foreach (var credit in pays.AlsoApplied)
        {
            try
            {
                await held.ResolveAsync(others.Single(o => o.Document.Credit.Reference == credit.Reference), companion, ct);
            }
            catch (ConcurrencyConflictException)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The invoice is paid: by this credit (a round stopped after paying it), with it (another apply counted it), or
    /// without it, which leaves it held again.</summary>
    private async Task<HeldPaymentSettled> SettlePaidAsync(Stored<HeldPayment> current, Invoice invoice, List<Stored<HeldPayment>> others,
        CancellationToken ct)
    {
        var reference = current.Document.Credit.Reference;
        if (invoice.PaymentReference == reference)
        {
            // Paying again releases what the round that stopped did not (registrations, a renewal); each is idempotent.
            var paid = await payments.PayAsync(invoice.Number, reference, invoice.PaidAt!.Value, ct) ?? invoice;
            return await SettleAsync(current, paid, others, null, Surplus(current.Document, others, invoice), ct);
        }
        if (others.Any(o => o.Document.Credit.Reference == invoice.PaymentReference && o.Document.Resolution?.PaidWith?.Contains(reference) == true))
            return await SettleAsync(current, invoice, others, null, surplus: null, ct);
        return await HoldAllAgainAsync(current, invoice, others, ct);
    }

    private async Task<HeldPaymentSettled> SettleAsync(Stored<HeldPayment> current, Invoice invoice, List<Stored<HeldPayment>> others,
        Money? outstanding, Money? surplus, CancellationToken ct)
    {
        foreach (var companion in CompanionsOf(current.Document, others)) await SettleOneAsync(companion, ct);
        if (surplus is { IsZero: false } more) await HoldSurplusAsync(current.Document, invoice, more, ct);
        return new HeldPaymentSettled(await SettleOneAsync(current, ct), invoice, outstanding, surplus);
    }

    /// <summary>UA-3.2: what came beyond the invoice's total is not kept silently: it is a held payment of its own
    /// (<c>surplus:{reference}</c>), listed, refunded or applied to another invoice as any held credit is. Kept once, however
    /// often the apply is finished.</summary>
    private async Task HoldSurplusAsync(HeldPayment payer, Invoice invoice, Money surplus, CancellationToken ct)
    {
        var reference = HeldPayment.SurplusOf(payer.Credit.Reference);
        var explanation = $"Invoice {invoice.Number} was paid with {surplus} more than its total {invoice.Total} when {payer.Credit.Reference} was applied: "
            + "refund it or apply it to another invoice.";
        var at = payer.Resolution!.At;
        await held.AddAsync(new HeldPayment(new HeldCredit(reference, surplus.Amount, surplus.Currency.Code, payer.Credit.BookedAt),
            nameof(HoldReason.Surplus), explanation, null, at), ct);
        await review.AddAsync(new ReviewItem(reference, "payment", payer.Credit.Reference, nameof(HoldReason.Surplus), explanation, at), ct);
    }

    /// <summary>Audited once its outcome is known, so the audit never says applied of a credit held again.</summary>
    private async Task<HeldPayment> SettleOneAsync(Stored<HeldPayment> pending, CancellationToken ct)
    {
        var settled = pending.Document with { Resolution = pending.Document.Resolution! with { Pending = false } };
        await journal.RecordAsync(settled, ct);
        try
        {
            await held.ResolveAsync(pending, settled.Resolution!, ct);
        }
        catch (ConcurrencyConflictException)
        {
            // Another round settled it with the same resolution.
        }
        return settled;
    }

    private async Task<HeldPaymentSettled> HoldAllAgainAsync(Stored<HeldPayment> current, Invoice invoice, List<Stored<HeldPayment>> others,
        CancellationToken ct)
    {
        var (reason, explanation) = invoice.Cancellation is { } cancelled
            ? (HoldReason.InvoiceCancelled, $"Invoice {invoice.Number} was cancelled while operations applied this payment ({cancelled.Reason}); "
                + "it paid nothing and is held again.")
            : (HoldReason.InvoiceAlreadyPaid, $"Invoice {invoice.Number} was paid by {invoice.PaymentReference} while operations applied this payment; it paid nothing and is held again.");
        foreach (var companion in CompanionsOf(current.Document, others)) await HoldAgainAsync(companion, invoice.Number, reason, explanation, ct);
        var again = await HoldAgainAsync(current, invoice.Number, reason, explanation, ct);
        logger.LogWarning("Held payment {Reference} applied to invoice {Invoice}, which was {Status} first, is held again",
            current.Document.Credit.Reference, invoice.Number, invoice.Status);
        return new HeldPaymentSettled(again, invoice);
    }

    private async Task<HeldPayment> HoldAgainAsync(Stored<HeldPayment> payment, string invoiceNumber, HoldReason reason, string explanation, CancellationToken ct)
    {
        try
        {
            return (await held.HoldAgainAsync(payment, reason.ToString(), explanation, invoiceNumber, ct)).Document;
        }
        catch (ConcurrencyConflictException)
        {
            // Another round held it again first.
            return (await held.GetAsync(payment.Document.Credit.Reference, ct))!.Document;
        }
    }

    private static IEnumerable<Stored<HeldPayment>> CompanionsOf(HeldPayment applied, List<Stored<HeldPayment>> others) =>
        others.Where(o => o.Document.Resolution is { Pending: true } r && r.CompletedBy == applied.Credit.Reference);

    private static Money Surplus(HeldPayment payer, List<Stored<HeldPayment>> others, Invoice invoice) =>
        (payer.Resolution!.PaidWith ?? [payer.Credit.Reference])
            .Select(r => r == payer.Credit.Reference ? payer.Credit : others.FirstOrDefault(o => o.Document.Credit.Reference == r)?.Document.Credit)
            .OfType<HeldCredit>()
            .Aggregate(Money.Zero(invoice.Total.Currency), (sum, c) => sum + Money.Of(c.Amount, invoice.Total.Currency)) - invoice.Total;
}

/// <summary>What an apply came to: the credit applied (counting toward <paramref name="Invoice"/>, or paying it), or held again.</summary>
/// <param name="Outstanding">What the invoice still waits for, when the credits applied to it do not make it whole.</param>
/// <param name="Surplus">What came beyond the invoice's total, when this credit's apply paid it.</param>
public sealed record HeldPaymentSettled(HeldPayment Payment, Invoice Invoice, Money? Outstanding = null, Money? Surplus = null);
