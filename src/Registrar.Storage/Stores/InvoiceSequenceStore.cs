using Azure.Data.Tables;
using Registrar.Core.Orders;
using Registrar.Storage.Configuration;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Stores;

/// <summary>Invoice sequence counters, one partition per series: a counter row per month and a claim row
/// per order that took a number. The counter moves and the claim is written in one entity group
/// transaction with ETag concurrency, so two orders never get the same number, a retried order gets
/// its own number back, and giving a number back undoes both rows together.</summary>
public sealed class InvoiceSequenceStore(StorageClients clients) : IInvoiceSequence
{
    private readonly DocumentTable _table = new(clients.Table("invoicesequences"));

    public async Task<int> TakeAsync(string series, int year, int month, string orderKey, CancellationToken cancellationToken)
    {
        var (partition, counterRow, claimRow) = Keys(series, year, month, orderKey);
        while (true)
        {
            if (await _table.GetAsync<Claim>(partition, claimRow, cancellationToken) is { } claimed) return claimed.Document.Number;
            var current = await _table.GetAsync<Counter>(partition, counterRow, cancellationToken);
            var next = (current?.Document.Last ?? 0) + 1;
            var counter = DocumentTable.Entity(partition, counterRow, new Counter(next), null);
            TableTransactionAction moveCounter = current is null
                ? new(TableTransactionActionType.Add, counter)
                : new(TableTransactionActionType.UpdateReplace, counter, current.ETag);
            try
            {
                await _table.SubmitAsync(
                    [moveCounter, new(TableTransactionActionType.Add, DocumentTable.Entity(partition, claimRow, new Claim(next), null))],
                    cancellationToken);
                return next;
            }
            catch (Exception e) when (e is ConcurrencyConflictException or DocumentAlreadyExistsException)
            {
                // Another order took the number, or this order's retry claimed one meanwhile: read again.
            }
        }
    }

    public async Task<bool> ReleaseAsync(string series, int year, int month, string orderKey, CancellationToken cancellationToken)
    {
        var (partition, counterRow, claimRow) = Keys(series, year, month, orderKey);
        while (true)
        {
            var claim = await _table.GetAsync<Claim>(partition, claimRow, cancellationToken);
            if (claim is null) return true;
            var current = await _table.GetAsync<Counter>(partition, counterRow, cancellationToken);
            if (current is null || current.Document.Last != claim.Document.Number) return false;
            try
            {
                await _table.SubmitAsync(
                [
                    new(TableTransactionActionType.UpdateReplace,
                        DocumentTable.Entity(partition, counterRow, new Counter(current.Document.Last - 1), null), current.ETag),
                    new(TableTransactionActionType.Delete, new TableEntity(partition, claimRow), claim.ETag),
                ], cancellationToken);
                return true;
            }
            catch (Exception e) when (e is ConcurrencyConflictException or DocumentAlreadyExistsException)
            {
                // A number was taken meanwhile: read again; it is given back only while it is the last.
            }
        }
    }

    private static (string Partition, string CounterRow, string ClaimRow) Keys(string series, int year, int month, string orderKey)
    {
        var counterRow = $"{year:D4}-{month:D2}";
        return (TableKeys.Escape(series), counterRow, $"{counterRow}|{TableKeys.Escape(orderKey)}");
    }

    private sealed record Counter(int Last);

    private sealed record Claim(int Number);
}
