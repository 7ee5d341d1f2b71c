using Registrar.Core.Orders;
using Registrar.Core.Privacy;
using Registrar.Storage.Stores;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Privacy;

/// <summary>
/// UA-Pre-6: the customer's orders that never became a contract keep their data for nothing once their invoice lapsed, so an
/// erasure replaces the person's data in them too (an order's lines, prices and invoice number stay); so do those whose
/// invoice an erasure request cancelled (<see cref="InvoiceCancellation.ErasureRequestRule"/>). An order whose invoice
/// can still be paid, or that a held payment still names (operations may apply it, UA-3.2), is kept: its payment would start
/// registrations from it.
/// </summary>
public sealed class UnpaidOrdersEraser(
    IOrderStore<Order> orders,
    IInvoiceStore<Invoice> invoices,
    IHeldPaymentStore heldPayments,
    TimeProvider clock)
{
    /// <returns>How many orders were erased.</returns>
    public async Task<int> EraseAsync(string customerId, CancellationToken ct)
    {
        var erased = 0;
        await foreach (var order in orders.ListByAccountAsync(customerId, ct))
            if (await TryEraseAsync(order, ct)) erased++;
        return erased;
    }

    private async Task<bool> TryEraseAsync(Stored<Order>? order, CancellationToken ct)
    {
        while (order is not null && order.Document.ContactEmail != ErasedPersonalData.Erased && await IsDeadAsync(order.Document, ct))
        {
            try
            {
                await orders.ReplaceDocumentAsync(order, ErasedPersonalData.Erase(order.Document), ct);
                return true;
            }
            catch (ConcurrencyConflictException)
            {
                // Changed meanwhile: judged and erased as it is now.
                order = await orders.GetAsync(order.Document.CustomerId, order.Document.OrderId, ct);
            }
        }
        return false;
    }

    private async Task<bool> IsDeadAsync(Order order, CancellationToken ct)
    {
        var invoice = (await invoices.GetAsync(order.InvoiceNumber, ct))?.Document;
        if (invoice?.StatusAt(clock.GetUtcNow()) is not (InvoiceStatus.Lapsed or InvoiceStatus.Cancelled)) return false;
        await foreach (var held in heldPayments.ListForInvoiceAsync(order.InvoiceNumber, ct))
            if (held.Document.IsHeld) return false;
        return true;
    }
}
