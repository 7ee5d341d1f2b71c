using System.Globalization;
using Registrar.Core.Deadlines;
using Registrar.Core.Orders;

namespace Registrar.Core.Operations;

/// <summary>
/// What operations may do with a held payment (UA-3.2): apply it to an invoice, where it counts together with the credits
/// already applied to that invoice and those still held for it, or refund it. Nothing is ever converted between
/// currencies, and an invoice is paid only in full (KZ-3.2, UA-1.5.3).
/// </summary>
public static class HeldPaymentRules
{
    /// <param name="applied">Credits already applied to the invoice by operations.</param>
    /// <param name="heldForInvoice">Other credits still held that name the invoice (an earlier partial payment, say).</param>
    public static HeldPaymentDecision Apply(HeldCredit credit, Invoice invoice, IReadOnlyList<HeldCredit> applied, IReadOnlyList<HeldCredit> heldForInvoice)
    {
        if (invoice.Status == InvoiceStatus.Paid)
            return new HeldPaymentRefused(HeldPaymentRefusal.InvoicePaid, $"Invoice {invoice.Number} is paid already.");
        if (invoice.Cancellation is { } cancelled)
            return new HeldPaymentRefused(HeldPaymentRefusal.InvoiceCancelled,
                $"Invoice {invoice.Number} was cancelled: {cancelled.Reason}.");
        // KZ-3.3, KZ-3.5: a lapsed invoice releases nothing, and timeliness is the bank's booking time, not when operations act.
        if (invoice.Status == InvoiceStatus.Lapsed || credit.BookedAt >= invoice.DueAt)
            return new HeldPaymentRefused(HeldPaymentRefusal.InvoiceLapsed,
                $"Invoice {invoice.Number} was payable until {LocalTimes.Deadline(invoice.DueAt)}; the payment was booked at {LocalTimes.Moment(credit.BookedAt, invoice.DueAt)}.");
        var currency = invoice.Total.Currency;
        if (!string.Equals(credit.CurrencyCode, currency.Code, StringComparison.Ordinal))
            return new HeldPaymentRefused(HeldPaymentRefusal.WrongCurrency,
                $"Invoice {invoice.Number} is in {currency.Code}; the payment is in {credit.CurrencyCode}. Amounts are never converted.");
        if (decimal.Round(credit.Amount, currency.MinorUnits) != credit.Amount)
            return new HeldPaymentRefused(HeldPaymentRefusal.AmountNotInCurrency,
                $"{credit.Amount.ToString(CultureInfo.InvariantCulture)} has more decimals than {currency.Code} has.");

        var counted = applied.Append(credit).ToList();
        var completing = new List<HeldCredit>();
        // The held credits that came in time, in the order they came, until the invoice is whole: no more is taken than it needs.
        foreach (var held in heldForInvoice.Where(h => Counts(h, invoice) && h.Reference != credit.Reference).OrderBy(h => h.BookedAt))
        {
            if (Sum(counted.Concat(completing), currency) >= invoice.Total) break;
            completing.Add(held);
        }

        var total = Sum(counted.Concat(completing), currency);
        if (total < invoice.Total)
            return new CountsTowardInvoice(Sum(counted, currency), invoice.Total - Sum(counted, currency));
        // Money that was here before the invoice was issued pays it when it is issued (KZ-2.1 counts from the payment).
        var paidAt = counted.Concat(completing).Max(c => c.BookedAt);
        return new PaysInvoice(completing, total - invoice.Total, paidAt < invoice.IssuedAt ? invoice.IssuedAt : paidAt);
    }

    /// <summary>A refund sends back what came, all of it, in the currency it came in: the payment is resolved once (UA-3.2), so
    /// a part sent back would leave the rest of the money with no record of where it went.</summary>
    public static HeldPaymentDecision Refund(HeldCredit credit, decimal amount, string currencyCode)
    {
        if (!string.Equals(currencyCode, credit.CurrencyCode, StringComparison.Ordinal))
            return new HeldPaymentRefused(HeldPaymentRefusal.WrongCurrency,
                $"The payment came in {credit.CurrencyCode}; it is refunded in that currency, never converted.");
        if (amount <= 0m)
            return new HeldPaymentRefused(HeldPaymentRefusal.RefundNotPositive, "A refund is of a positive amount.");
        if (amount > credit.Amount)
            return new HeldPaymentRefused(HeldPaymentRefusal.RefundExceedsCredit,
                $"The payment brought {credit.Amount.ToString(CultureInfo.InvariantCulture)} {credit.CurrencyCode}; no more can be refunded.");
        if (amount < credit.Amount)
            return new HeldPaymentRefused(HeldPaymentRefusal.RefundLeavesRemainder,
                $"The payment brought {credit.Amount.ToString(CultureInfo.InvariantCulture)} {credit.CurrencyCode}; it is refunded whole, or applied to an invoice.");
        return new RefundAllowed(amount, currencyCode);
    }

    /// <summary>UA-3.2, KZ-3.3: a payment applied toward an invoice that lapsed before the rest came paid nothing; its money is
    /// the payer's again, to refund, as it was while held. One that completed a paid invoice, or counts toward one still open,
    /// is not.</summary>
    public static bool IsStranded(HeldPayment payment, Invoice? invoice, DateTimeOffset now) =>
        payment.Resolution is { Action: HeldPaymentAction.Applied or HeldPaymentAction.Moved }
        && invoice is not null && invoice.Number == payment.CountsToward && invoice.StatusAt(now) == InvoiceStatus.Lapsed;

    private static bool Counts(HeldCredit held, Invoice invoice) =>
        string.Equals(held.CurrencyCode, invoice.Total.Currency.Code, StringComparison.Ordinal)
        && held.BookedAt < invoice.DueAt
        && decimal.Round(held.Amount, invoice.Total.Currency.MinorUnits) == held.Amount;

    private static Money.Money Sum(IEnumerable<HeldCredit> credits, Money.Currency currency) =>
        credits.Aggregate(Money.Money.Zero(currency), (sum, c) => sum + Money.Money.Of(c.Amount, currency));
}

public enum HeldPaymentRefusal
{
    InvoicePaid,
    InvoiceLapsed,
    WrongCurrency,
    AmountNotInCurrency,
    RefundNotPositive,
    RefundExceedsCredit,
    RefundLeavesRemainder,
    InvoiceCancelled,
}

public abstract record HeldPaymentDecision;

public sealed record HeldPaymentRefused(HeldPaymentRefusal Reason, string Explanation) : HeldPaymentDecision;

/// <summary>The credit counts toward the invoice, which still waits for <paramref name="Outstanding"/>.</summary>
public sealed record CountsTowardInvoice(Money.Money Credited, Money.Money Outstanding) : HeldPaymentDecision;

/// <summary>The invoice is paid in full at <paramref name="PaidAt"/>; <paramref name="AlsoApplied"/> are the held credits
/// that made it whole with this one, and <paramref name="Surplus"/> what came beyond its total.</summary>
public sealed record PaysInvoice(IReadOnlyList<HeldCredit> AlsoApplied, Money.Money Surplus, DateTimeOffset PaidAt) : HeldPaymentDecision;

public sealed record RefundAllowed(decimal Amount, string CurrencyCode) : HeldPaymentDecision;
