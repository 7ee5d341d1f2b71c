using Registrar.Core.Orders;
using System.Globalization;
using Registrar.Payments.Invoices;
using Registrar.Payments.Notifications;

namespace Registrar.Payments.Matching;

/// <summary>
/// UA-3.2: a payment is matched to an invoice by the invoice number in its purpose; anything short of an
/// exact, unambiguous, in-time, full payment in the right currency is held for operations with the reason.
/// </summary>
public sealed class PaymentMatcher(IInvoiceLookup invoices)
{
    public async Task<PaymentDecision> DecideAsync(BankCreditNotification payment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payment);

        var numbers = InvoiceNumber.FindIn(payment.PaymentPurpose);
        if (numbers.Count == 0)
            return Hold(payment, HoldReason.NoInvoiceNumberInPurpose, numbers, null,
                $"The purpose \"{payment.PaymentPurpose}\" names no invoice number with a valid check digit.");
        if (numbers.Count > 1)
            return Hold(payment, HoldReason.SeveralInvoiceNumbers, numbers, null,
                $"The purpose names {numbers.Count} invoices ({string.Join(", ", numbers)}); how to split the money is for operations to decide.");

        var number = numbers[0];
        var invoice = await invoices.FindAsync(number, cancellationToken);
        if (invoice is null)
            return Hold(payment, HoldReason.UnknownInvoice, numbers, null, $"No invoice {number} exists.");
        if (invoice.Status == InvoiceStatus.Paid)
            return Hold(payment, HoldReason.InvoiceAlreadyPaid, numbers, invoice, $"Invoice {number} is already paid; this is a second payment.");

        // KZ-3.3: a lapsed invoice releases nothing. KZ-3.5, UA-3.4: timeliness is judged at the bank's booking
        // time, however early or late the notification itself arrives.
        if (invoice.Status == InvoiceStatus.Lapsed || invoice.DueAt <= payment.BookedAt)
            return Hold(payment, HoldReason.InvoiceLapsed, numbers, invoice,
                $"Invoice {number} was payable until {invoice.DueAt:O}; the payment was booked at {payment.BookedAt:O}.");

        var due = invoice.AmountDue;
        if (!string.Equals(payment.CurrencyCode, due.Currency.Code, StringComparison.Ordinal))
            return Hold(payment, HoldReason.WrongCurrency, numbers, invoice,
                $"Invoice {number} is in {due.Currency.Code}; the payment is in {payment.CurrencyCode}. Amounts are never converted.");

        var paid = payment.Amount.ToString(CultureInfo.InvariantCulture) + " " + payment.CurrencyCode;
        if (payment.Amount < due.Amount)
            return Hold(payment, HoldReason.Partial, numbers, invoice, $"Invoice {number} is for {due}; {paid} was paid (100 % prepayment, KZ-3.2, UA-1.5.3).");
        if (payment.Amount > due.Amount)
            return Hold(payment, HoldReason.Overpaid, numbers, invoice, $"Invoice {number} is for {due}; {paid} was paid. The surplus is not kept silently.");

        return new Matched(payment, invoice);
    }

    private static HeldForOperations Hold(BankCreditNotification payment, HoldReason reason, IReadOnlyList<InvoiceNumber> numbers, InvoiceSnapshot? invoice, string explanation) =>
        new(payment, reason, explanation, numbers, invoice);
}
