using Registrar.Core.Money;
using Registrar.Core.Operations;
using Registrar.Core.Orders;

namespace Registrar.Api.Operations;

/// <summary>Apply a held payment to an invoice: the one it named, or another order's (a move).</summary>
public sealed record ApplyHeldPayment(string InvoiceNumber, string Reason);

/// <summary>Record the refund of a held payment: the amount as text ("1500.00"), never a binary floating-point number.</summary>
/// <param name="BankReference">The bank's reference of the outgoing transfer.</param>
public sealed record RefundHeldPayment(string Amount, string Currency, string BankReference, string Reason);

/// <summary>A held payment as operations see it; amounts as text with their currency's decimals, as everywhere in this API.</summary>
public sealed record HeldPaymentView(
    string Reference, string Amount, string Currency, DateTimeOffset BookedAt, string Reason, string Explanation,
    string? InvoiceNumber, DateTimeOffset HeldAt, HeldPaymentResolutionView? Resolution, IReadOnlyList<PartReversedView>? PartsReversed = null)
{
    public static HeldPaymentView Of(HeldPayment payment) => new(payment.Credit.Reference, AmountInCurrency.Text(payment.Credit.Amount, payment.Credit.CurrencyCode),
        payment.Credit.CurrencyCode, payment.Credit.BookedAt, payment.Reason, payment.Explanation, payment.InvoiceNumber, payment.HeldAt,
        payment.Resolution is { } r
            ? new HeldPaymentResolutionView(r.Action, r.By, r.At, r.Reason, r.InvoiceNumber, r.CompletedBy,
                r.Refund is { } refund ? AmountInCurrency.Text(refund.Amount, refund.CurrencyCode) : null, r.Refund?.BankReference)
            : null,
        payment.PartsReversed?.Select(p => new PartReversedView(p.Reference, AmountInCurrency.Text(p.Amount, payment.Credit.CurrencyCode), p.BookedAt)).ToList());
}

/// <summary>A part of the credit the bank took back while it was held: <see cref="HeldPaymentView.Amount"/> is what it left.</summary>
public sealed record PartReversedView(string Reference, string Amount, DateTimeOffset BookedAt);

public sealed record HeldPaymentResolutionView(
    HeldPaymentAction Action, string By, DateTimeOffset At, string Reason, string? InvoiceNumber, string? CompletedBy,
    string? RefundedAmount, string? RefundBankReference);

/// <summary>What an action did: the payment's resolution and, when it was applied, the invoice's status after it.</summary>
/// <param name="Outstanding">What the invoice still waits for, when this credit did not make it whole.</param>
/// <param name="Surplus">What came beyond the invoice's total, when it did (not kept silently: refund or apply it).</param>
public sealed record HeldPaymentActionResult(
    HeldPaymentView Payment, InvoiceStatus? InvoiceStatus = null, Core.Money.Money? Outstanding = null, Core.Money.Money? Surplus = null);

/// <summary>The audit entry of an action on a held payment; the actor is the operations client.</summary>
public sealed record HeldPaymentAudit(string Client, HeldPaymentResolution Resolution);
