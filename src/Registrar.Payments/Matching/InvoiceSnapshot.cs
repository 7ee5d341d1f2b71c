using Registrar.Core.Money;
using Registrar.Payments.Invoices;

namespace Registrar.Payments.Matching;

public enum InvoiceStatus
{
    Open,
    Paid,
    Lapsed,
}

/// <summary>What the matcher needs to know about an invoice at the moment a payment is decided.</summary>
/// <param name="DueAt">The last instant a payment may be booked (KZ-3.3: two banking days after issue for .kz).</param>
public sealed record InvoiceSnapshot(InvoiceNumber Number, Money AmountDue, InvoiceStatus Status, DateTimeOffset DueAt);

/// <summary>Finds an invoice by its number; implemented by storage.</summary>
public interface IInvoiceLookup
{
    Task<InvoiceSnapshot?> FindAsync(InvoiceNumber number, CancellationToken cancellationToken);
}
