using Registrar.Payments.Invoices;
using Registrar.Payments.Notifications;

namespace Registrar.Payments.Matching;

/// <summary>Why a payment goes to the operations review list instead of paying an invoice (UA-3.2).</summary>
public enum HoldReason
{
    NoInvoiceNumberInPurpose,
    SeveralInvoiceNumbers,
    UnknownInvoice,
    InvoiceAlreadyPaid,
    InvoiceLapsed,
    WrongCurrency,
    Partial,
    Overpaid,
    BookedBeforeInvoiceIssued,
    BookedInFuture,
    ReturnedTransfer,

    /// <summary>A renewal invoice of a registration that has ended (deleted, transferred away, closed): it renews nothing, so
    /// the money waits for operations to refund or re-apply it.</summary>
    RegistrationEnded,

    /// <summary>An acquirer told the payment's reversal before the payment itself (its webhooks come in no set order): the credit
    /// pays nothing, and the money is no longer there to apply or refund.</summary>
    ReversedBeforeApplied,

    /// <summary>The bank's message that booked the credit also booked the reversal of part of it: it pays nothing by itself, and
    /// what the bank left is held for operations (KZ-3.2, UA-3.2).</summary>
    PartlyReversedBeforeApplied,

    /// <summary>No bank credit: what came beyond an invoice's total when operations applied held credits to it, held on its own
    /// to refund or apply elsewhere (UA-3.2).</summary>
    Surplus,

    /// <summary>KZ-2.1: no bank credit: the money paid for a registration whose name was taken first, held once the customer
    /// chose another name, for operations to apply to the new order's invoice or refund.</summary>
    NameTaken,

    /// <summary>UA-1.7: a renewal invoice cancelled because an earlier invoice of the same expiry paid its renewal.</summary>
    InvoiceCancelled,

    /// <summary>An order's invoice whose order was never stored (its placing was cut short after the invoice was numbered): no
    /// registration can start from it, so the money waits for operations to refund or apply to another invoice.</summary>
    OrderNotPlaced,

    /// <summary>KZ-3.2, UA-1.5.3: no bank credit: the money of a paid renewal the registry never carried out (the domain left for
    /// another registrar first), held for operations to refund or apply to another invoice.</summary>
    RenewalNotRendered,
}

/// <summary>What to do with one bank credit.</summary>
public abstract record PaymentDecision(BankCreditNotification Payment);

/// <summary>
/// The credit pays the invoice in full, in its currency, in time. Only this releases anything to a registry
/// (KZ-3.2, UA-1.5.3, UA-2.1.3: 100 % prepayment). <see cref="PaidAt"/> is the bank's booking time (KZ-3.5, UA-3.4).
/// </summary>
public sealed record Matched(BankCreditNotification Payment, InvoiceSnapshot Invoice) : PaymentDecision(Payment)
{
    /// <summary>A booking written as a date counts from the start of its day, which may be before the invoice was issued
    /// that same day: money that was here before the invoice pays it when it is issued, as a held payment applied does.</summary>
    public DateTimeOffset PaidAt => Payment.BookedAt < Invoice.IssuedAt ? Invoice.IssuedAt : Payment.BookedAt;
}

/// <summary>
/// The credit is kept, not applied: operations decide (refund, re-assign, top-up). Never guessed (UA-3.2).
/// </summary>
/// <param name="InvoiceNumbers">The valid invoice numbers found in the purpose, if any.</param>
/// <param name="Invoice">The invoice the payment names, when there is exactly one and it exists.</param>
/// <param name="Explanation">A sentence for the operations list.</param>
public sealed record HeldForOperations(
    BankCreditNotification Payment,
    HoldReason Reason,
    string Explanation,
    IReadOnlyList<InvoiceNumber> InvoiceNumbers,
    InvoiceSnapshot? Invoice) : PaymentDecision(Payment);
