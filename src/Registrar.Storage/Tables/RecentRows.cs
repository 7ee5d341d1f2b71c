using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Caching.Memory;

namespace Registrar.Storage.Tables;

/// <summary>The next version of a kept row, and the rows of its partition that change with it in one transaction.</summary>
public sealed record RowChange<T>(T Next, IReadOnlyList<TableTransactionAction> WithIt);

/// <summary>
/// Rows a store wrote last, with their ETags, so the next change of the same row is written conditionally without
/// reading it first (issue 16: a registration's view rows change several times within seconds). A stale entry costs
/// one refused write and a read. A remembered row is only ever trusted for a write: a change found unnecessary on its
/// word is decided again on a fresh read, since another process may have moved the row.
/// </summary>
public sealed class RecentRows(int capacity) : IDisposable
{
    private readonly MemoryCache _rows = new(new MemoryCacheOptions { SizeLimit = capacity, CompactionPercentage = 0.1 });

    /// <summary>Writes what <paramref name="decide"/> makes of the row as it is (null: nothing to write), conditional on
    /// the row's ETag, together with the rows it names; decides again on a fresh read when the row moved meanwhile.</summary>
    /// <param name="likelyAbsent">The caller expects the row not to be written yet: it is added without a read, and read
    /// only if it was there after all.</param>
    public Task KeepAsync<T>(DocumentTable table, string partitionKey, string rowKey, Func<Stored<T>?, RowChange<T>?> decide,
        bool likelyAbsent, CancellationToken ct) =>
        KeepAsync(table, table.SubmitAsync, partitionKey, rowKey, decide, likelyAbsent, ct);

    /// <summary>As the other overload, with the write committed together with others waiting for the same partition.</summary>
    public Task KeepAsync<T>(PartitionGroupCommit group, string partitionKey, string rowKey, Func<Stored<T>?, RowChange<T>?> decide,
        bool likelyAbsent, CancellationToken ct) =>
        KeepAsync(group.Table, group.SubmitAsync, partitionKey, rowKey, decide, likelyAbsent, ct);

    private async Task KeepAsync<T>(DocumentTable table, Func<IReadOnlyList<TableTransactionAction>, CancellationToken, Task<IReadOnlyList<Response>>> submit,
        string partitionKey, string rowKey, Func<Stored<T>?, RowChange<T>?> decide, bool likelyAbsent, CancellationToken ct)
    {
        var key = (table.Name, partitionKey, rowKey);
        var fresh = !_rows.TryGetValue(key, out Stored<T>? current);
        if (fresh && likelyAbsent) fresh = false;
        else if (fresh) current = await table.GetAsync<T>(partitionKey, rowKey, ct);
        while (true)
        {
            if (decide(current) is not { } change)
            {
                if (fresh) return;
                (current, fresh) = (await table.GetAsync<T>(partitionKey, rowKey, ct), true);
                continue;
            }
            var entity = DocumentTable.Entity(partitionKey, rowKey, change.Next, null);
            TableTransactionAction write = current is null
                ? new(TableTransactionActionType.Add, entity)
                : new(TableTransactionActionType.UpdateMerge, entity, current.ETag);
            try
            {
                var answers = await submit([.. change.WithIt, write], ct);
                if (answers[^1].Headers.ETag is { } etag)
                    _rows.Set(key, new Stored<T>(partitionKey, rowKey, change.Next, etag), new MemoryCacheEntryOptions { Size = 1 });
                else
                    _rows.Remove(key);
                return;
            }
            catch (Exception e) when (e is ConcurrencyConflictException or DocumentAlreadyExistsException)
            {
                _rows.Remove(key);
                (current, fresh) = (await table.GetAsync<T>(partitionKey, rowKey, ct), true);
            }
        }
    }

    public void Dispose() => _rows.Dispose();
}
