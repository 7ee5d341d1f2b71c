using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Registrar.Core.Operations;
using Registrar.Storage.Configuration;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Stores;

/// <summary>The operations review list. Open items live in one partition (a short list, read whole by
/// the operations screen); a resolved item moves to the "resolved" partition. The two partitions cannot
/// share a transaction, so resolving is idempotent instead: a resolve that stopped between its two writes
/// is finished by the next one, keeping the first resolution.</summary>
public sealed class ReviewListStore(StorageClients clients) : IReviewList
{
    private const string Open = "open";
    private const string Resolved = "resolved";

    private readonly DocumentTable _table = new(clients.Table("review"));

    public async Task AddAsync(ReviewItem item, CancellationToken cancellationToken)
    {
        if (await _table.GetAsync<ReviewItem>(Resolved, TableKeys.Escape(item.Id), cancellationToken) is not null) return;
        try
        {
            await _table.InsertAsync(Open, TableKeys.Escape(item.Id), item, null, cancellationToken);
        }
        catch (DocumentAlreadyExistsException)
        {
            // Raised again by a redelivered command or notification: already on the list.
        }
    }

    public async IAsyncEnumerable<ReviewItem> ListOpenAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in _table.QueryAsync<ReviewItem>($"PartitionKey eq '{Open}'", null, cancellationToken))
            yield return item.Document;
    }

    public async Task<ReviewItem?> FindAsync(string itemId, CancellationToken cancellationToken) =>
        (await _table.GetAsync<ReviewItem>(Resolved, TableKeys.Escape(itemId), cancellationToken)
            ?? await _table.GetAsync<ReviewItem>(Open, TableKeys.Escape(itemId), cancellationToken))?.Document;

    public async Task<bool> ResolveAsync(string itemId, string resolvedBy, string note, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var open = await _table.GetAsync<ReviewItem>(Open, TableKeys.Escape(itemId), cancellationToken);
        if (open is null) return false;
        var resolved = open.Document with { ResolvedBy = resolvedBy, ResolutionNote = note, ResolvedAt = at };
        var first = true;
        try
        {
            await _table.InsertAsync(Resolved, open.RowKey, resolved, null, cancellationToken);
        }
        catch (DocumentAlreadyExistsException)
        {
            // Another resolve wrote first (concurrently, or one that stopped before it removed the open row): its
            // resolution stands and this one's note was not recorded, so it is not answered as resolved.
            first = false;
        }
        try
        {
            await _table.DeleteAsync(open, cancellationToken);
        }
        catch (Exception e) when (e is ConcurrencyConflictException or RequestFailedException { Status: 404 })
        {
            // A concurrent resolve removed it first.
        }
        return first;
    }

    public async Task EraseAsync(string itemId, Func<ReviewItem, ReviewItem> erase, CancellationToken cancellationToken)
    {
        foreach (var partition in new[] { Open, Resolved })
            await _table.RewriteDocumentsAsync(
                TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey eq {TableKeys.Escape(itemId)}"), erase, cancellationToken);
    }
}
