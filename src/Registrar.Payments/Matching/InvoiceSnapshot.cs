using Registrar.Core.Money;
using Registrar.Core.Orders;
using Registrar.Payments.Invoices;

namespace Registrar.Payments.Matching;

/// <summary>What the matcher needs to know about an invoice at the moment a payment is decided.</summary>
/// <param name="IssuedAt">When the invoice was issued: no payment of it can have been booked earlier.</param>
/// <param name="DueAt">The first instant at which the invoice has lapsed: a payment must be booked before it (KZ-3.3: two banking days after issue for .kz).</param>
/// <param name="CancelledBecause">On a cancelled invoice, why it takes no payment.</param>
public sealed record InvoiceSnapshot(InvoiceNumber Number, Money AmountDue, InvoiceStatus Status, DateTimeOffset IssuedAt, DateTimeOffset DueAt,
    string? CancelledBecause = null);

/// <summary>Finds an invoice by its number; implemented by storage.</summary>
public interface IInvoiceLookup
{
    Task<InvoiceSnapshot?> FindAsync(InvoiceNumber number, CancellationToken cancellationToken);
}
