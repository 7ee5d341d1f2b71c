using Registrar.Core.Orders;
using Registrar.Payments.Invoices;
using Registrar.Payments.Matching;
using Registrar.Storage.Stores;

namespace Registrar.Api.Banks;

/// <summary>The payment matcher's view of the stored invoices.</summary>
public sealed class StoredInvoiceLookup(IInvoiceStore<Invoice> invoices) : IInvoiceLookup
{
    public async Task<InvoiceSnapshot?> FindAsync(InvoiceNumber number, CancellationToken cancellationToken)
    {
        var stored = InvoicesPrefetched.Take(number.ToString()) ?? await invoices.GetAsync(number.ToString(), cancellationToken);
        if (stored is null) return null;
        InvoicesJustRead.Remember(number.ToString(), stored);
        var invoice = stored.Document;
        return new InvoiceSnapshot(number, invoice.Total, invoice.Status, invoice.IssuedAt, invoice.DueAt, invoice.Cancellation?.Reason);
    }
}
