namespace Registrar.Core.Orders;

/// <summary>
/// An invoice for an order. KZ-3.2, UA-1.5.3: 100 % prepayment; nothing goes to a registry before
/// it is paid in full. KZ-3.3: payable until <see cref="DueAt"/>, then it lapses.
/// </summary>
public sealed record Invoice(
    string Number,
    string OrderId,
    string CustomerId,
    Money.Money Total,
    DateTimeOffset IssuedAt,
    DateTimeOffset DueAt,
    InvoiceStatus Status,
    DateTimeOffset? PaidAt = null,
    string? PaymentReference = null)
{
    /// <summary>KZ-3.3, KZ-3.5: a payment booked after the due instant finds the invoice lapsed.</summary>
    public InvoiceStatus StatusAt(DateTimeOffset instant) =>
        Status == InvoiceStatus.Open && instant >= DueAt ? InvoiceStatus.Lapsed : Status;
}

public enum InvoiceStatus
{
    Open,
    Paid,
    Lapsed,
}
