using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Registrar.Api.Banks;
using Registrar.Api.Http;
using Registrar.Core.Operations;
using Registrar.Core.Orders;
using Registrar.Payments.Matching;
using Registrar.Storage.Stores;
using Registrar.Storage.Tables;

namespace Registrar.Api.Operations;

/// <summary>
/// UA-3.2: operations apply a held payment to an invoice, the one it named or another order's. It counts together with
/// the credits already applied to that invoice and those still held for it; once they make it whole, the invoice is
/// paid through the same path a matched bank payment takes. Each held payment is acted on once: its ETag decides.
/// </summary>
public sealed class ApplyHeldPaymentFlow(
    IHeldPaymentStore held, IInvoiceStore<Invoice> invoices, PaymentProcessor payments, HeldPaymentJournal journal, IReviewList review,
    EndedRenewals endedRenewals, TimeProvider clock, ILogger<ApplyHeldPaymentFlow> logger)
{
    public async Task<IResult> ApplyAsync(string reference, ApplyHeldPayment request, string client, CancellationToken ct)
    {
        var stored = await held.GetAsync(reference, ct);
        if (stored is null) return Problems.NotFound($"Held payment '{reference}'");
        if (stored.Document.Resolution is { } earlier)
        {
            await FinishAsync(stored.Document, ct);
            return HeldPaymentProblems.Resolved(earlier);
        }
        var invoice = (await invoices.GetAsync(request.InvoiceNumber, ct))?.Document;
        if (invoice is null) return Problems.NotFound($"Invoice '{request.InvoiceNumber}'");
        if (await endedRenewals.EndedRegistrationOfAsync(invoice, ct) is { } ended)
            return Problems.PaymentNotApplicable(HoldReason.RegistrationEnded.ToString(), EndedRenewals.Explanation(invoice.Number, ended));
        var others = await OthersAsync(invoice.Number, reference, ct);
        var decision = Decide(stored.Document.Credit, invoice, others);
        if (decision is HeldPaymentRefused refused) return Problems.PaymentNotApplicable(refused.Reason.ToString(), refused.Explanation);

        var action = invoice.Number == stored.Document.InvoiceNumber ? HeldPaymentAction.Applied : HeldPaymentAction.Moved;
        var resolution = new HeldPaymentResolution(action, client, clock.GetUtcNow(), request.Reason, invoice.Number);
        if (await ResolveAsync(stored, resolution, ct) is not { } applied) return HeldPaymentProblems.ResolvedMeanwhile(reference);
        return TypedResults.Ok(decision switch
        {
            PaysInvoice pays => await CompleteAsync(applied, invoice, pays, others, ct),
            CountsTowardInvoice counts => new HeldPaymentActionResult(HeldPaymentView.Of(applied), invoice.Status, Outstanding: counts.Outstanding),
            _ => throw new InvalidOperationException($"Unexpected decision {decision}."),
        });
    }

    /// <summary>An apply that stopped after keeping its resolution but before its invoice was paid is finished by the next
    /// action on the same payment, as it would have finished (as the review list finishes a stopped resolve).</summary>
    private async Task FinishAsync(HeldPayment payment, CancellationToken ct)
    {
        if (payment.Resolution is not { Action: not HeldPaymentAction.Refunded, CompletedBy: null, InvoiceNumber: { } number }) return;
        var invoice = (await invoices.GetAsync(number, ct))?.Document;
        if (invoice is not { Status: InvoiceStatus.Open }) return;
        var others = await OthersAsync(number, payment.Credit.Reference, ct);
        if (Decide(payment.Credit, invoice, others) is PaysInvoice pays) await CompleteAsync(payment, invoice, pays, others, ct);
    }

    private async Task<List<Stored<HeldPayment>>> OthersAsync(string invoiceNumber, string reference, CancellationToken ct)
    {
        var others = new List<Stored<HeldPayment>>();
        await foreach (var other in held.ListForInvoiceAsync(invoiceNumber, ct))
            if (other.Document.Credit.Reference != reference) others.Add(other);
        return others;
    }

    /// <remarks>KZ-3.5, UA-3.4: a credit held for a booking time that could not be true counts only once operations, having asked
    /// the bank, apply it themselves; it never completes an invoice as another credit's companion.</remarks>
    private static HeldPaymentDecision Decide(HeldCredit credit, Invoice invoice, List<Stored<HeldPayment>> others) =>
        HeldPaymentRules.Apply(credit, invoice,
            [.. others.Where(o => !o.Document.IsHeld).Select(o => o.Document.Credit)],
            [.. others.Where(o => o.Document.IsHeld && o.Document.Reason != nameof(HoldReason.BookedInFuture)).Select(o => o.Document.Credit)]);

    /// <summary>The held credits that made the invoice whole are applied with this one; if another action took one of them
    /// first, the invoice waits for the rest, with what was applied counted.</summary>
    private async Task<HeldPaymentActionResult> CompleteAsync(HeldPayment applied, Invoice invoice, PaysInvoice pays,
        List<Stored<HeldPayment>> others, CancellationToken ct)
    {
        var view = HeldPaymentView.Of(applied);
        var by = applied.Resolution!;
        foreach (var credit in pays.AlsoApplied)
        {
            var other = others.Single(o => o.Document.Credit.Reference == credit.Reference);
            var companion = by with { Action = HeldPaymentAction.Applied, CompletedBy = applied.Credit.Reference };
            if (await ResolveAsync(other, companion, ct) is not null) continue;
            logger.LogWarning("Held payment {Other} was acted on while {Reference} completed invoice {Invoice}; the invoice stays open",
                credit.Reference, applied.Credit.Reference, invoice.Number);
            return new HeldPaymentActionResult(view, invoice.Status);
        }
        var paid = await payments.PayAsync(invoice.Number, applied.Credit.Reference, pays.PaidAt, ct);
        // The surplus is not kept silently: it goes back to the payer or to another invoice, which operations decide.
        if (!pays.Surplus.IsZero)
            await review.AddAsync(new ReviewItem("surplus:" + applied.Credit.Reference, "payment", applied.Credit.Reference, "Surplus",
                $"Invoice {invoice.Number} was paid with {pays.Surplus} more than its total {invoice.Total}.", by.At), ct);
        return new HeldPaymentActionResult(view, paid?.Status ?? InvoiceStatus.Paid, Surplus: pays.Surplus);
    }

    private async Task<HeldPayment?> ResolveAsync(Stored<HeldPayment> current, HeldPaymentResolution resolution, CancellationToken ct)
    {
        try
        {
            var resolved = (await held.ResolveAsync(current, resolution, ct)).Document;
            await journal.RecordAsync(resolved, ct);
            return resolved;
        }
        catch (ConcurrencyConflictException)
        {
            return null;
        }
    }
}
