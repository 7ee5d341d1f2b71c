using Registrar.Core.Orders;
using Registrar.Storage.Stores;
using Registrar.Storage.Tables;

namespace Registrar.Api.Billing;

public static class InvoiceUpdates
{
    /// <summary>Reads the invoice and stores what <paramref name="change"/> makes of it, on the ETag read; on a conflict (paid or
    /// changed meanwhile) reads it again and asks again, so a change is only ever judged against the invoice it replaces.</summary>
    /// <param name="change">The changed invoice, or null to leave it as it is.</param>
    /// <returns>The invoice as it now stands and whether this call changed it; null when no invoice has that number.</returns>
    public static async Task<(Invoice Invoice, bool Changed)?> ChangeAsync(this IInvoiceStore<Invoice> invoices, string number,
        Func<Invoice, Invoice?> change, CancellationToken ct)
    {
        while (await invoices.GetAsync(number, ct) is { } stored)
        {
            if (change(stored.Document) is not { } changed) return (stored.Document, false);
            try
            {
                await invoices.UpdateAsync(stored, changed, changed.CustomerId, changed.Status.ToString(), ct);
                return (changed, true);
            }
            catch (ConcurrencyConflictException)
            {
            }
        }
        return null;
    }
}
