namespace Registrar.Payments.Notifications;

/// <summary>
/// One credit to the registrar's account as a bank reported it, whatever the wire format.
/// </summary>
/// <param name="BankId">Which configured bank sent it.</param>
/// <param name="TransactionReference">The bank's own reference for this credit: the idempotency key.</param>
/// <param name="Amount">The credited amount, exactly as reported (never rounded).</param>
/// <param name="CurrencyCode">The ISO 4217 code as reported; a code the registrar does not bill in is kept
/// as-is so the payment is held for operations as wrong-currency rather than refused at the door.</param>
/// <param name="BookedAt">KZ-3.5, UA-3.4: when the funds arrived on the registrar's account (the bank's
/// booking time), not when the notification was received.</param>
/// <param name="PayerName">The payer as the bank names them, when reported.</param>
/// <param name="PayerAccount">The payer's account (IBAN, other id or masked card), when reported.</param>
/// <param name="PaymentPurpose">The free text and structured references the payer wrote (UA-3.2).</param>
/// <param name="MessageReference">The bank's identifier of the message that carried this credit.</param>
public sealed record BankCreditNotification(
    string BankId,
    string TransactionReference,
    decimal Amount,
    string CurrencyCode,
    DateTimeOffset BookedAt,
    string? PayerName,
    string? PayerAccount,
    string PaymentPurpose,
    string MessageReference)
{
    /// <summary>The reference names the credit only within its message, for want of the bank's own: one the payer or the payer's bank
    /// chose (camt.054 <c>EndToEndId</c>, else <c>TxId</c>), which two payers may have alike, or the entry's place in its notice
    /// (<c>NtryRef</c>). So only the bank's <see cref="MessageReference"/> with it makes a credit a repeat.</summary>
    public bool ReferenceIsPayers { get; init; }

    /// <summary>The ISO 20022 bank transaction code as domain, family and sub-family ("PMNT/RCDT/DMCT"), when the bank wrote one.</summary>
    public string? BankTransactionCode { get; init; }

    /// <summary>What the bank said of a transfer sent back (camt.054 <c>RtrInf</c>): its reason code, else its text, else empty;
    /// null when the bank reported no return.</summary>
    public string? ReturnReason { get; init; }

    /// <summary>The bank booked it as the reversal of a debit (camt.054 <c>RvslInd</c> on a <c>CRDT</c> entry): a debit of the
    /// registrar's account undone, not a customer paying.</summary>
    public bool ReversesDebit { get; init; }

    /// <summary>ISO 20022: a returned credit transfer (sub-family RRTN), one the bank gives return information for, or a reversed
    /// debit is money of the registrar's own coming back, not a payment to it.</summary>
    public bool IsReturnedTransfer => ReversesDebit || ReturnReason is not null || BankTransactionCode is "PMNT/ICDT/RRTN" or "PMNT/RCDT/RRTN";
}
