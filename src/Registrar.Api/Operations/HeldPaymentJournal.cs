using System.Globalization;
using Registrar.Core.Money;
using Registrar.Core.Operations;
using Registrar.Storage.Stores;

namespace Registrar.Api.Operations;

/// <summary>What every action on a held payment leaves behind once it won: an audit entry (who, when, what, why) and
/// the payment's item on the review list resolved with the same words. Recording the same resolution again (a recovery pass
/// finishing an apply that stopped) leaves one entry.</summary>
public sealed class HeldPaymentJournal(IAuditLog<HeldPaymentAudit> audit, IReviewList review)
{
    public async Task RecordAsync(HeldPayment payment, CancellationToken ct)
    {
        var resolution = payment.Resolution ?? throw new ArgumentException("Only a resolved payment is recorded.", nameof(payment));
        await audit.AppendOnceAsync(new AuditEntry<HeldPaymentAudit>(payment.Credit.Reference, resolution.At, resolution.By,
            resolution.Action.ToString().ToLowerInvariant(), new HeldPaymentAudit(resolution.By, resolution)), resolution.At.UtcTicks.ToString(CultureInfo.InvariantCulture), ct);
        var what = resolution switch
        {
            { Refund: { } refund } => $"Refunded {AmountInCurrency.Text(refund.Amount, refund.CurrencyCode)} {refund.CurrencyCode} (transfer {refund.BankReference})",
            { Action: HeldPaymentAction.Reversed } => "Reversed by the bank",
            _ => $"{resolution.Action} to invoice {resolution.InvoiceNumber}",
        };
        await review.ResolveAsync(payment.Credit.Reference, resolution.By, $"{what}: {resolution.Reason}", resolution.At, ct);
    }
}
