using System.Collections.Concurrent;
using Azure.Data.Tables;
using Registrar.Core.Orders;
using Registrar.Storage.Configuration;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Stores;

/// <summary>Invoice sequence counters, one partition per series: a counter row per month and a claim row
/// per order that took a number (and the invoices, see <see cref="InvoiceStore{TInvoice}"/>). The counter moves and
/// the claim is written in one entity group transaction with ETag concurrency, so two orders never get the same number,
/// a retried order gets its own number back, and giving a number back undoes both rows together.</summary>
/// <remarks>Every number of a series and month moves one counter row, so claims made at once (a timer waking
/// a thousand renewals) would mostly lose the ETag race and read again. This process takes its turn per counter
/// and remembers the counter it wrote last: a claim is then one transaction, and only another process's
/// claim, a number given back or a retried order's existing claim costs a read.</remarks>
public sealed class InvoiceSequenceStore(StorageClients clients) : IInvoiceSequence
{
    private readonly DocumentTable _table = new(clients.Table("invoicesequences"));
    private readonly ConcurrentDictionary<(string Partition, string Row), CounterTurn> _counters = new();

    public async Task<int> TakeAsync(string series, int year, int month, string orderKey, CancellationToken cancellationToken) =>
        (await TakeAsync(series, year, month, orderKey, withIt: null, cancellationToken)).Number;

    /// <summary>The series' partition, where <see cref="TakeAsync(string, int, int, string, Func{int, TableTransactionAction}?, CancellationToken)"/>
    /// writes the row it is given.</summary>
    public static string Partition(string series) => TableKeys.Escape(series);

    /// <summary>Takes a number as <see cref="TakeAsync(string, int, int, string, CancellationToken)"/> does, and writes the row
    /// <paramref name="withIt"/> makes of it (in the series' partition) in the same transaction.</summary>
    /// <returns>The number; whether this call took it (false: <paramref name="claimKey"/> claimed it before, and no row was
    /// written now); the written row's ETag.</returns>
    internal async Task<(int Number, bool Taken, Azure.ETag RowETag)> TakeAsync(string series, int year, int month, string claimKey,
        Func<int, TableTransactionAction>? withIt, CancellationToken cancellationToken)
    {
        var (partition, counterRow, claimRow) = Keys(series, year, month, claimKey);
        var counter = _counters.GetOrAdd((partition, counterRow), _ => new CounterTurn());
        await counter.Turn.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                var current = counter.Known ?? await _table.GetAsync<Counter>(partition, counterRow, cancellationToken);
                var next = (current?.Document.Last ?? 0) + 1;
                var moved = DocumentTable.Entity(partition, counterRow, new Counter(next), null);
                TableTransactionAction moveCounter = current is null
                    ? new(TableTransactionActionType.Add, moved)
                    : new(TableTransactionActionType.UpdateReplace, moved, current.ETag);
                List<TableTransactionAction> actions =
                    [moveCounter, new(TableTransactionActionType.Add, DocumentTable.Entity(partition, claimRow, new Claim(next), null))];
                if (withIt is not null) actions.Add(withIt(next));
                try
                {
                    var answers = await _table.SubmitAsync(actions, cancellationToken);
                    counter.Known = answers[0].Headers.ETag is { } etag ? new Stored<Counter>(partition, counterRow, new Counter(next), etag) : null;
                    return (next, true, answers[^1].Headers.ETag ?? default);
                }
                catch (Exception e) when (e is ConcurrencyConflictException or DocumentAlreadyExistsException)
                {
                    // Another process took a number, or this order claimed one before: read both again.
                    counter.Known = null;
                    if (await _table.GetAsync<Claim>(partition, claimRow, cancellationToken) is { } claimed) return (claimed.Document.Number, false, default);
                }
            }
        }
        finally
        {
            counter.Turn.Release();
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
        return (Partition(series), counterRow, $"{counterRow}|{TableKeys.Escape(orderKey)}");
    }

    private sealed record Counter(int Last);

    private sealed class CounterTurn
    {
        public SemaphoreSlim Turn { get; } = new(1, 1);

        /// <summary>The counter as this process last wrote it; null when it must be read.</summary>
        public Stored<Counter>? Known { get; set; }
    }

    private sealed record Claim(int Number);
}
