using Registrar.Core.Orders;
using Registrar.Storage.Configuration;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Stores;

/// <summary>Invoice sequence counters, one row per series and month, advanced with ETag concurrency:
/// two concurrent orders never get the same number. A crash after taking a number leaves a gap,
/// which is allowed; a repeat is not.</summary>
public sealed class InvoiceSequenceStore(StorageClients clients) : IInvoiceSequence
{
    private readonly DocumentTable _table = new(clients.Table("invoicesequences"));

    public async Task<int> NextAsync(string series, int year, int month, CancellationToken cancellationToken)
    {
        var partition = TableKeys.Escape(series);
        var row = $"{year:D4}-{month:D2}";
        while (true)
        {
            var current = await _table.GetAsync<Counter>(partition, row, cancellationToken);
            try
            {
                if (current is null)
                {
                    await _table.InsertAsync(partition, row, new Counter(1), null, cancellationToken);
                    return 1;
                }
                var next = current.Document.Last + 1;
                await _table.ReplaceAsync(current, new Counter(next), null, cancellationToken);
                return next;
            }
            catch (Exception e) when (e is ConcurrencyConflictException or DocumentAlreadyExistsException)
            {
                // Another order took the number; read again and take the next.
            }
        }
    }

    private sealed record Counter(int Last);
}
