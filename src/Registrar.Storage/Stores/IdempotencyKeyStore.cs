using Azure.Data.Tables;
using Registrar.Storage.Configuration;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Stores;

/// <summary>What an HTTP request with an Idempotency-Key produced. <see cref="StatusCode"/> is null while
/// the first request is still being handled.</summary>
/// <param name="Headers">The response headers a client acts on (Location, Cache-Control), replayed with the body.</param>
public sealed record IdempotentResponse(
    string RequestHash, DateTimeOffset StartedAt, int? StatusCode, string? ContentType, string? Body,
    IReadOnlyDictionary<string, string>? Headers = null)
{
    public bool IsComplete => StatusCode is not null;
}

/// <param name="IsFirst">True when this request claimed the key and must be handled; false when a
/// response (or a request in progress) exists for it.</param>
public sealed record IdempotencyClaim(Stored<IdempotentResponse> Response, bool IsFirst);

/// <summary>Idempotency keys, one partition per client and key: a repeated request gets the first
/// response, and the request hash shows when a key is reused for a different request.</summary>
public interface IIdempotencyKeyStore
{
    /// <summary>The key's record, without claiming it: null when no request has claimed the key yet.</summary>
    Task<Stored<IdempotentResponse>?> FindAsync(string clientId, string key, CancellationToken ct);

    Task<IdempotencyClaim> ClaimAsync(string clientId, string key, string requestHash, DateTimeOffset now, CancellationToken ct);

    Task<Stored<IdempotentResponse>> CompleteAsync(Stored<IdempotentResponse> claimed, int statusCode, string contentType,
        string body, IReadOnlyDictionary<string, string>? headers, CancellationToken ct);

    /// <summary>Gives up a claim whose request failed, so that a retry is carried out; a claim taken over or completed since
    /// (another ETag) stays.</summary>
    Task ReleaseAsync(Stored<IdempotentResponse> claimed, CancellationToken ct);

    /// <summary>UA-Pre-6: the answers kept for every key of <paramref name="clientId"/> (a customer's, under one endpoint's scope)
    /// get <paramref name="erasedBody"/> instead of theirs, which may quote what the customer sent; a retry still gets the first
    /// answer's status and headers, and the key still is not carried out twice.</summary>
    /// <returns>How many answers were rewritten.</returns>
    Task<int> EraseAnswersAsync(string clientId, string erasedBody, CancellationToken ct);
}

public sealed class IdempotencyKeyStore(StorageClients clients) : IIdempotencyKeyStore
{
    // The row key repeats the partition key: Azurite finds rows by row key first, so one key shared by
    // every partition would make each point read scan the whole table on the local host.

    private readonly DocumentTable _table = new(clients.Table("idempotency"));

    public Task<Stored<IdempotentResponse>?> FindAsync(string clientId, string key, CancellationToken ct) =>
        _table.GetAsync<IdempotentResponse>(Partition(clientId, key), Partition(clientId, key), ct);

    public async Task<IdempotencyClaim> ClaimAsync(string clientId, string key, string requestHash, DateTimeOffset now, CancellationToken ct)
    {
        var partition = Partition(clientId, key);
        try
        {
            var claimed = new IdempotentResponse(requestHash, now, null, null, null);
            return new(await _table.InsertAsync(partition, partition, claimed, null, ct), IsFirst: true);
        }
        catch (DocumentAlreadyExistsException)
        {
            var existing = await _table.GetAsync<IdempotentResponse>(partition, partition, ct)
                ?? throw new InvalidOperationException($"Idempotency key {key} of {clientId} vanished while being claimed.");
            return new(existing, IsFirst: false);
        }
    }

    public Task<Stored<IdempotentResponse>> CompleteAsync(Stored<IdempotentResponse> claimed, int statusCode, string contentType,
        string body, IReadOnlyDictionary<string, string>? headers, CancellationToken ct) =>
        _table.UpdateAsync(claimed,
            claimed.Document with { StatusCode = statusCode, ContentType = contentType, Body = body, Headers = headers }, null, ct);

    public async Task ReleaseAsync(Stored<IdempotentResponse> claimed, CancellationToken ct)
    {
        try
        {
            await _table.DeleteAsync(claimed, ct);
        }
        catch (ConcurrencyConflictException)
        {
            // Another request holds the key now, or has answered it: that one decides what a retry gets.
        }
    }

    public Task<int> EraseAnswersAsync(string clientId, string erasedBody, CancellationToken ct)
    {
        var client = TableKeys.Escape(clientId);
        return _table.RewriteDocumentsAsync<IdempotentResponse>(
            TableClient.CreateQueryFilter($"PartitionKey ge {client + "|"} and PartitionKey lt {client + "}"}"),
            answer => answer.IsComplete && answer.Body != erasedBody ? answer with { Body = erasedBody } : answer, ct);
    }

    private static string Partition(string clientId, string key) => $"{TableKeys.Escape(clientId)}|{TableKeys.Escape(key)}";
}
