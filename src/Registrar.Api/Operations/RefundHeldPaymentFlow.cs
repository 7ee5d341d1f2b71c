using Microsoft.AspNetCore.Http;
using Registrar.Api.Http;
using Registrar.Core.Money;
using Registrar.Core.Operations;
using Registrar.Core.Orders;
using Registrar.Storage.Stores;
using Registrar.Storage.Tables;

namespace Registrar.Api.Operations;

/// <summary>UA-3.2: operations record that a held payment was sent back (an over-payment, a wrong currency, no invoice);
/// the payment leaves the held list. Once only: its ETag decides between concurrent actions. A payment applied toward an
/// invoice that then lapsed unpaid may be sent back too: it paid nothing, and would otherwise be money no action reaches.</summary>
public sealed class RefundHeldPaymentFlow(IHeldPaymentStore held, IInvoiceStore<Invoice> invoices, HeldPaymentJournal journal, TimeProvider clock)
{
    public async Task<IResult> RefundAsync(string reference, RefundHeldPayment request, decimal amount, string client, CancellationToken ct)
    {
        var stored = await held.GetAsync(reference, ct);
        if (stored is null) return Problems.Missing($"Held payment '{reference}'");
        if (stored.Document.Resolution is { } earlier && !await IsStrandedAsync(stored.Document, ct))
        {
            // A refund whose host stopped between storing it and auditing it is audited by the next action on it: the audit log
            // is where the refund to pay out is read (UA-3.2), and the journal records the same resolution once.
            if (earlier.Action == HeldPaymentAction.Refunded) await journal.RecordAsync(stored.Document, ct);
            return HeldPaymentProblems.Resolved(earlier);
        }
        var decision = HeldPaymentRules.Refund(stored.Document.Credit, amount, request.Currency);
        if (decision is HeldPaymentRefused refused) return Problems.PaymentNotApplicable(refused.Reason.ToString(), refused.Explanation);

        var refund = new HeldPaymentRefund(AmountInCurrency.Scaled(amount, request.Currency), request.Currency, request.BankReference);
        var resolution = new HeldPaymentResolution(HeldPaymentAction.Refunded, client, clock.GetUtcNow(), request.Reason, Refund: refund);
        HeldPayment refunded;
        try
        {
            refunded = (await held.ResolveAsync(stored, resolution, ct)).Document;
        }
        catch (ConcurrencyConflictException)
        {
            return HeldPaymentProblems.ResolvedMeanwhile(reference);
        }
        await journal.RecordAsync(refunded, ct);
        return TypedResults.Ok(new HeldPaymentActionResult(HeldPaymentView.Of(refunded)));
    }

    private async Task<bool> IsStrandedAsync(HeldPayment payment, CancellationToken ct) =>
        payment.CountsToward is { } number
        && HeldPaymentRules.IsStranded(payment, (await invoices.GetAsync(number, ct))?.Document, clock.GetUtcNow());
}

public static class HeldPaymentProblems
{
    /// <summary>Each held payment is acted on once: a second action changes nothing.</summary>
    public static IResult Resolved(HeldPaymentResolution earlier) =>
        Problems.Conflict($"This payment was {earlier.Action.ToString().ToLowerInvariant()} by {earlier.By} at {earlier.At:O}; it is no longer held.");

    /// <summary>UA-3.2: credits that reach one invoice at once pay it once; the one it was paid without is held again, naming it.</summary>
    public static IResult InvoicePaidMeanwhile(string reference, Invoice invoice) =>
        Problems.Conflict($"Invoice {invoice.Number} was paid by {invoice.PaymentReference} meanwhile; held payment '{reference}' paid nothing and " +
            $"is held again ({nameof(Payments.Matching.HoldReason.InvoiceAlreadyPaid)}): apply it to another invoice or refund it.");

    public static IResult ResolvedMeanwhile(string reference) =>
        Problems.Conflict($"Held payment '{reference}' was acted on by someone else meanwhile; nothing was changed by this request.");
}
