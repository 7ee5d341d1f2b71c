using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Registrar.Core.Persistence;

namespace Registrar.Storage.Tables;

/// <summary>One table of JSON documents: each row holds a serialised record in <c>Document</c> plus a
/// few indexed columns that queries filter on. New fields on a record need no storage change.</summary>
/// <remarks>A string column holds at most 64 KiB, so a document must stay below that (32 K characters
/// of UTF-16 to be safe); larger payloads belong in blobs.</remarks>
public sealed class DocumentTable(TableClient client)
{
    public const string DocumentColumn = "Document";

    private readonly EnsureOnce _created = new(ct => client.CreateIfNotExistsAsync(ct));

    public static JsonSerializerOptions Json => StoredJson.Options;

    public string Name => client.Name;

    public TableClient Client => client;

    public Task EnsureCreatedAsync(CancellationToken ct) => _created.RunAsync(ct);

    /// <summary>A document that is alone in its partition, found by its id. Its row key repeats the partition key:
    /// Azurite finds rows by row key first, so a row key every partition shared would make each read scan the table.</summary>
    public Task<Stored<T>?> GetByIdAsync<T>(string id, CancellationToken ct) =>
        GetAsync<T>(TableKeys.Escape(id), TableKeys.Escape(id), ct);

    /// <summary>Inserts a document alone in its partition under its id (see <see cref="GetByIdAsync{T}"/>).</summary>
    public Task<Stored<T>> InsertByIdAsync<T>(string id, T document, IReadOnlyDictionary<string, object?>? columns, CancellationToken ct) =>
        InsertAsync(TableKeys.Escape(id), TableKeys.Escape(id), document, columns, ct);

    public async Task<Stored<T>?> GetAsync<T>(string partitionKey, string rowKey, CancellationToken ct)
    {
        await EnsureCreatedAsync(ct);
        var response = await client.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: ct);
        return response.HasValue ? Read<T>(response.Value!) : null;
    }

    public async Task<Stored<T>> InsertAsync<T>(string partitionKey, string rowKey, T document,
        IReadOnlyDictionary<string, object?>? columns, CancellationToken ct)
    {
        await EnsureCreatedAsync(ct);
        try
        {
            var response = await client.AddEntityAsync(Entity(partitionKey, rowKey, document, columns), ct);
            return new Stored<T>(partitionKey, rowKey, document, response.Headers.ETag ?? default);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.Conflict)
        {
            throw new DocumentAlreadyExistsException(Name, partitionKey, rowKey, e);
        }
    }

    /// <summary>Writes the document and <paramref name="columns"/> if the row still has the ETag it was read with; a column
    /// not given keeps its value. Each store writes every column it has on each update, so nothing stale stays behind.</summary>
    /// <remarks>A merge, not a replace: Azurite replaces a row by removing and inserting it again, which scans the whole
    /// table, and merges it in place (issue 16).</remarks>
    public async Task<Stored<T>> UpdateAsync<T>(Stored<T> current, T document,
        IReadOnlyDictionary<string, object?>? columns, CancellationToken ct)
    {
        try
        {
            var response = await client.UpdateEntityAsync(
                Entity(current.PartitionKey, current.RowKey, document, columns), current.ETag, TableUpdateMode.Merge, ct);
            return current with { Document = document, ETag = response.Headers.ETag ?? default };
        }
        catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            throw new ConcurrencyConflictException(Name, current.PartitionKey, current.RowKey, e);
        }
    }

    /// <summary>Rewrites the document of every row <paramref name="filter"/> finds with <paramref name="rewrite"/>, keeping the
    /// indexed columns; a row changed meanwhile is read again and rewritten as it is now, one deleted meanwhile is left gone,
    /// and one <paramref name="rewrite"/> returns as it was given is not written.</summary>
    /// <returns>How many rows were rewritten.</returns>
    public async Task<int> RewriteDocumentsAsync<T>(string filter, Func<T, T> rewrite, CancellationToken ct)
    {
        var rewritten = 0;
        await foreach (var found in QueryAsync<T>(filter, null, ct))
        {
            for (Stored<T>? row = found; row is not null;)
            {
                var current = row;
                var changed = rewrite(current.Document);
                if (ReferenceEquals(changed, current.Document)) break;
                try
                {
                    await UpdateAsync(current, changed, null, ct);
                    rewritten++;
                    row = null;
                }
                catch (ConcurrencyConflictException)
                {
                    row = await GetAsync<T>(current.PartitionKey, current.RowKey, ct);
                }
            }
        }
        return rewritten;
    }

    public async Task DeleteAsync<T>(Stored<T> current, CancellationToken ct)
    {
        try
        {
            await client.DeleteEntityAsync(current.PartitionKey, current.RowKey, current.ETag, ct);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.PreconditionFailed)
        {
            throw new ConcurrencyConflictException(Name, current.PartitionKey, current.RowKey, e);
        }
    }

    public async IAsyncEnumerable<Stored<T>> QueryAsync<T>(string filter, int? max,
        [EnumeratorCancellation] CancellationToken ct)
    {
        await EnsureCreatedAsync(ct);
        var count = 0;
        await foreach (var entity in client.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            if (max is not null && count++ >= max) yield break;
            yield return Read<T>(entity);
        }
    }

    /// <summary>Whether the table holds a row (that <paramref name="filter"/> matches) at all: one page of one key.</summary>
    public async Task<bool> HoldsAnyRowAsync(string? filter, CancellationToken ct)
    {
        await EnsureCreatedAsync(ct);
        await foreach (var _ in client.QueryAsync<TableEntity>(filter, maxPerPage: 1, select: ["PartitionKey"], cancellationToken: ct)) return true;
        return false;
    }

    /// <summary>Submits rows of one partition as an entity group transaction: all of them change, or none.</summary>
    /// <returns>The answer to each action, in order (an insert's or replace's new ETag among them).</returns>
    public async Task<IReadOnlyList<Response>> SubmitAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken ct)
    {
        await EnsureCreatedAsync(ct);
        try
        {
            return (await client.SubmitTransactionAsync(actions, ct)).Value;
        }
        catch (TableTransactionFailedException e) when (e.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            // A row replaced or deleted on an ETag, or deleted as a row known to exist, changed meanwhile.
            var failed = actions[e.FailedTransactionActionIndex ?? 0].Entity;
            throw new ConcurrencyConflictException(Name, failed.PartitionKey, failed.RowKey, e);
        }
        catch (TableTransactionFailedException e) when (e.Status == (int)HttpStatusCode.Conflict)
        {
            var failed = actions[e.FailedTransactionActionIndex ?? 0].Entity;
            throw new DocumentAlreadyExistsException(Name, failed.PartitionKey, failed.RowKey, e);
        }
    }

    /// <summary>Which action of a transaction failed it, as Azure reports it: on the exception <see cref="SubmitAsync"/>
    /// throws, or on the one it wraps.</summary>
    public static int? FailedActionIndex(Exception e) =>
        (e as TableTransactionFailedException ?? e.InnerException as TableTransactionFailedException)?.FailedTransactionActionIndex;

    public static TableEntity Entity<T>(string partitionKey, string rowKey, T document,
        IReadOnlyDictionary<string, object?>? columns)
    {
        var entity = new TableEntity(partitionKey, rowKey)
        {
            [DocumentColumn] = JsonSerializer.Serialize(document, Json),
        };
        foreach (var (name, value) in columns ?? new Dictionary<string, object?>()) entity[name] = value;
        return entity;
    }

    public static Stored<T> Read<T>(TableEntity entity) =>
        new(entity.PartitionKey, entity.RowKey,
            JsonSerializer.Deserialize<T>(entity.GetString(DocumentColumn), Json)!, entity.ETag);
}
