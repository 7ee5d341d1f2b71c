using Microsoft.Extensions.Logging;
using Registrar.Core.Money;
using Registrar.Core.Operations;
using Registrar.Payments.Notifications;
using Registrar.Storage.Stores;

namespace Registrar.Api.Banks;

/// <summary>
/// An acquirer's payment is an invoice of its own (monobank's <c>invoiceId</c>), whose status it posts again whenever it
/// changes: a <c>success</c> with other money than the one recorded is that payment changed (a part returned to the payer, so
/// <c>finalAmount</c> fell), never a second payment. Taking it for one held money that never arrived as refundable (UA-3.2);
/// operations are told what changed instead, with the invoice the payment settled, and nothing is held or applied. The status is
/// recorded apart from the payment first, as other money under its reference is (<see cref="IPaymentStore.RecordAsync"/>), so a
/// repeat of it is a repeat.
/// </summary>
public sealed class AcquirerPaymentChanges(IPaymentStore payments, IReviewList review, TimeProvider clock, ILogger<AcquirerPaymentChanges> logger)
{
    public const string Reason = "AcquirerPaymentChanged";

    /// <param name="key">Where the payment was first recorded, with other money.</param>
    /// <param name="reference">Where this status was recorded, apart from it.</param>
    public async Task<PaymentOutcome> ReportAsync(BankCreditNotification credit, string key, string reference, CancellationToken ct)
    {
        var money = new ReportedMoney(credit.Amount, credit.CurrencyCode);
        var stored = await payments.GetAsync(key, ct) ?? throw new InvalidOperationException($"Payment {key} vanished after it was recorded.");
        var recorded = stored.Document.Money ?? money;
        var invoice = stored.Document.Outcome is { } outcome && outcome.TryGetProperty("invoice", out var number) ? number.GetString() : null;
        var settled = invoice is null ? "" : $" It settled invoice {invoice}.";
        var change = recorded.Currency == money.Currency && money.Amount < recorded.Amount
            ? $"{Text(recorded.Amount - money.Amount, money.Currency)} went back to the payer.{settled} No second payment came: if the invoice "
                + "needs what went back, decide whether to stop what it started or ask for the rest; a part still held is refunded or applied "
                + "only for what the payment keeps."
            : $"that is not less than it was recorded with.{settled} Check the acquirer's statement before acting on it.";
        await review.AddAsync(new ReviewItem(reference, "payment", invoice ?? key, Reason,
            $"The acquirer {credit.BankId} reports its payment {credit.TransactionReference}, recorded as {Text(recorded.Amount, recorded.Currency)}, "
            + $"now keeping {Text(money.Amount, money.Currency)} (at {credit.BookedAt:O}): {change}", clock.GetUtcNow()), ct);
        logger.LogWarning("Acquirer payment {Reference} changed its amount; operations told", key);
        return new PaymentOutcome(reference, "held:" + Reason, invoice);
    }

    private static string Text(decimal amount, string currency) => $"{AmountInCurrency.Text(amount, currency)} {currency}";
}
