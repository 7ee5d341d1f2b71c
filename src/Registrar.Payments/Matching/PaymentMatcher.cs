using System.Globalization;
using Registrar.Core.Deadlines;
using Registrar.Core.Orders;
using Registrar.Payments.Invoices;
using Registrar.Payments.Notifications;

namespace Registrar.Payments.Matching;

/// <summary>
/// UA-3.2: a payment is matched to an invoice by the invoice number in its purpose; anything short of an
/// exact, unambiguous, in-time, full payment in the right currency is held for operations with the reason.
/// </summary>
public sealed class PaymentMatcher(IInvoiceLookup invoices, TimeProvider clock)
{
    /// <summary>How far a bank's clock may run ahead of ours before a booking time is not believed.</summary>
    public static readonly TimeSpan ClockSkewTolerance = TimeSpan.FromMinutes(5);

    /// <summary>A booking written as a date counts from the start of that day in the bank's zone, and booking
    /// times are often to the second: a credit up to a day before the invoice's issue is of the same day.</summary>
    public static readonly TimeSpan BookingPrecision = TimeSpan.FromDays(1);

    public async Task<PaymentDecision> DecideAsync(BankCreditNotification payment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payment);

        var numbers = InvoiceNumber.FindIn(payment.PaymentPurpose);
        // ISO 20022 RRTN, RtrInf: the registrar's own transfer sent back is no customer paying, whatever invoice its purpose
        // names, so it counts toward none (UA-3.2).
        if (payment.IsReturnedTransfer)
            return Hold(payment, HoldReason.ReturnedTransfer, numbers, null,
                $"The bank reports a transfer of the registrar's sent back ({(payment.ReversesDebit ? "a reversed debit, " : "")}code {payment.BankTransactionCode ?? "none"}, return reason " +
                $"\"{payment.ReturnReason}\"); it pays no invoice. Purpose: \"{payment.PaymentPurpose}\".");
        if (numbers.Count == 0)
            return Hold(payment, HoldReason.NoInvoiceNumberInPurpose, numbers, null,
                $"The purpose \"{payment.PaymentPurpose}\" names no invoice number with a valid check digit.");
        if (numbers.Count > 1)
            return Hold(payment, HoldReason.SeveralInvoiceNumbers, numbers, null,
                $"The purpose names {numbers.Count} invoices ({string.Join(", ", numbers)}); how to split the money is for operations to decide.");

        var number = numbers[0];
        var invoice = await invoices.FindAsync(number, cancellationToken);
        // KZ-3.5, UA-3.4: the booking time is the payment instant and KZ-2.1 counts from it, so one that
        // cannot be true is not applied: operations ask the bank, knowing the invoice it names (UA-3.2).
        var now = clock.GetUtcNow();
        if (payment.BookedAt > now + ClockSkewTolerance)
            return Hold(payment, HoldReason.BookedInFuture, numbers, invoice,
                $"The payment is booked at {payment.BookedAt:O}, later than now ({now:O}); the bank's booking time cannot be in the future.");

        if (invoice is null)
            return Hold(payment, HoldReason.UnknownInvoice, numbers, null, $"No invoice {number} exists.");
        if (invoice.Status == InvoiceStatus.Paid)
            return Hold(payment, HoldReason.InvoiceAlreadyPaid, numbers, invoice, $"Invoice {number} is already paid; this is a second payment.");
        if (invoice.Status == InvoiceStatus.Cancelled)
            return Hold(payment, HoldReason.InvoiceCancelled, numbers, invoice,
                $"Invoice {number} was cancelled: {invoice.CancelledBecause ?? "it takes no payment"}. This payment pays for nothing.");

        if (payment.BookedAt < invoice.IssuedAt - BookingPrecision)
            return Hold(payment, HoldReason.BookedBeforeInvoiceIssued, numbers, invoice,
                $"The payment is booked at {payment.BookedAt:O}, before invoice {number} was issued ({invoice.IssuedAt:O}); it cannot be a payment of it.");

        // KZ-3.3: a lapsed invoice releases nothing. KZ-3.5, UA-3.4: timeliness is judged at the bank's booking
        // time, however early or late the notification itself arrives.
        if (invoice.Status == InvoiceStatus.Lapsed || invoice.DueAt <= payment.BookedAt)
            return Hold(payment, HoldReason.InvoiceLapsed, numbers, invoice,
                $"Invoice {number} was payable until {LocalTimes.Deadline(invoice.DueAt)}; the payment was booked at {LocalTimes.Moment(payment.BookedAt, invoice.DueAt)}.");

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
