using Microsoft.AspNetCore.Http;
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
/// paid through the same path a matched bank payment takes. Each held payment is acted on once: its ETag decides. The apply
/// is kept pending first and carried out after (<see cref="HeldPaymentCompletion"/>), so a crash in between is finished.
/// </summary>
public sealed class ApplyHeldPaymentFlow(
    IHeldPaymentStore held, IInvoiceStore<Invoice> invoices, HeldPaymentCompletion completion, EndedRenewals endedRenewals, TimeProvider clock)
{
    public async Task<IResult> ApplyAsync(string reference, ApplyHeldPayment request, string client, CancellationToken ct)
    {
        var stored = await held.GetAsync(reference, ct);
        if (stored is null) return Problems.Missing($"Held payment '{reference}'");
        if (stored.Document.Resolution is { } earlier)
        {
            // An apply that stopped after keeping its resolution is finished by the next action on the same payment.
            if (earlier.Pending && await completion.CompleteAsync(stored, ct) is { Payment.IsHeld: true } again) return Answer(again);
            return HeldPaymentProblems.Resolved(earlier);
        }
        var invoice = (await invoices.GetAsync(request.InvoiceNumber, ct))?.Document;
        if (invoice is null) return Problems.Missing($"Invoice '{request.InvoiceNumber}'");
        if (await endedRenewals.EndedRegistrationOfAsync(invoice, ct) is { } ended)
            return Problems.PaymentNotApplicable(HoldReason.RegistrationEnded.ToString(), EndedRenewals.Explanation(invoice, ended));
        var others = await completion.OthersAsync(invoice.Number, reference, ct);
        if (HeldPaymentCompletion.Decide(stored.Document.Credit, invoice, others) is HeldPaymentRefused refused)
            return Problems.PaymentNotApplicable(refused.Reason.ToString(), refused.Explanation);

        var action = invoice.Number == stored.Document.InvoiceNumber ? HeldPaymentAction.Applied : HeldPaymentAction.Moved;
        var resolution = new HeldPaymentResolution(action, client, clock.GetUtcNow(), request.Reason, invoice.Number, Pending: true);
        Stored<HeldPayment> applied;
        try
        {
            applied = await held.ResolveAsync(stored, resolution, ct);
        }
        catch (ConcurrencyConflictException)
        {
            return HeldPaymentProblems.ResolvedMeanwhile(reference);
        }
        return Answer(await completion.CompleteAsync(applied, ct));
    }

    private static IResult Answer(HeldPaymentSettled settled) => settled.Payment.IsHeld
        ? HeldPaymentProblems.InvoicePaidMeanwhile(settled.Payment.Credit.Reference, settled.Invoice)
        : TypedResults.Ok(new HeldPaymentActionResult(HeldPaymentView.Of(settled.Payment), settled.Invoice.Status, settled.Outstanding,
            settled.Surplus is { IsZero: false } surplus ? surplus : null));
}
