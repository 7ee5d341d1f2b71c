namespace Registrar.Api.Operations;

/// <summary>A credit operations read from a bank message the reader could not read: what the bank booked, as its statement says.</summary>
/// <param name="BankReference">The bank's own reference of the credit (camt.054 <c>AcctSvcrRef</c>), as a readable message would give it.</param>
/// <param name="Amount">As text ("6000.00"), never a binary floating-point number.</param>
/// <param name="BookedAt">KZ-3.5, UA-3.4: when the money arrived, with its offset ("2027-01-05T10:30:00+05:00").</param>
/// <param name="PaymentPurpose">What the payer wrote, which names the invoice (UA-3.2).</param>
/// <param name="Reason">How operations know it: the statement, the bank's confirmation.</param>
public sealed record ReadCredit(string BankReference, string Amount, string Currency, string BookedAt, string PaymentPurpose, string Reason);

/// <summary>What became of the credit read: "applied", "duplicate" (read before, or sent readable by the bank since) or
/// "held:{reason}", under the reference it is kept by, and the invoice it paid or names.</summary>
public sealed record ReadCreditResult(string Reference, string Result, string? InvoiceNumber);

/// <summary>The audit entry of a credit operations read: who, from which review item, what they read, what it did, and why.</summary>
public sealed record ReadCreditAudit(string Client, string ReviewItem, string Amount, string Currency, DateTimeOffset BookedAt, string Result,
    string? InvoiceNumber, string Reason);
