using Registrar.Core.Operations;
using Registrar.Core.Privacy;
using Registrar.Payments.Notifications;
using Registrar.Storage.Stores;

namespace Registrar.Api.Privacy;

/// <summary>
/// UA-Pre-6: what operations kept about one payment may quote its payer: a held payment's explanation quotes the purpose the
/// payer wrote (UA-3.2), operations' reason may name them, and the review items raised for it (held, surplus) repeat both.
/// Those texts lose the payer's data; the reference, amount, currency, booking, invoices and who acted when stay.
/// </summary>
public sealed class PayerQuotesEraser(IHeldPaymentStore heldPayments, IReviewList review)
{
    /// <summary>The review item ids a payment's reference raises (PaymentProcessor, ApplyHeldPaymentFlow).</summary>
    private static IEnumerable<string> ReviewItemsOf(string reference) => [reference, HeldPayment.SurplusOf(reference)];

    /// <param name="payer">What the payer wrote or is: name, account, the purpose as quoted.</param>
    public async Task EraseAsync(string reference, IReadOnlyCollection<string> payer, CancellationToken ct)
    {
        if (payer.Count == 0) return;
        string Quoting(string text) => ErasedPayerData.Replace(text, payer, ErasedPersonalData.Erased);
        await heldPayments.EraseAsync(reference, p => ErasedPersonalData.Erase(p, Quoting), ct);
        foreach (var item in ReviewItemsOf(reference))
            await review.EraseAsync(item, i => ErasedPersonalData.Erase(i, Quoting), ct);
    }
}
