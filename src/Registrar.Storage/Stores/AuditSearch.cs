using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Registrar.Storage.Configuration;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Stores;

/// <summary>What operations look for in the audit log; every member is optional. <paramref name="From"/> is inclusive,
/// <paramref name="To"/> exclusive.</summary>
public sealed record AuditFilter(string? Subject = null, string? Actor = null, string? Action = null, DateTimeOffset? From = null, DateTimeOffset? To = null);

/// <summary>One page of entries, whatever their subject's details type; <paramref name="Continuation"/> reads the next page, null on the last.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry<JsonElement>> Entries, string? Continuation);

/// <summary>Reads the audit log by any of its filters, a page at a time.</summary>
public interface IAuditSearch
{
    const int MaxPageSize = 100;

    Task<AuditPage> SearchAsync(AuditFilter filter, string? continuation, int pageSize, CancellationToken ct);

    /// <summary>Whether a value can be a page's continuation (checked before it reaches a query): one this search issued
    /// wraps the table service's next partition and row keys as the Tables client writes them, "{partition key} {row key}".
    /// Anything else ("abc", say) the client would take for a partition key alone and read from the start, answering a page
    /// nobody asked for.</summary>
    static bool IsContinuation(string value) =>
        value.Length <= 1024 && Base64Url.IsValid(value) && Base64Url.DecodeFromChars(value) is { Length: > 0 } bytes
        && Encoding.UTF8.GetString(bytes) is var token && !token.Any(char.IsControl) && token.Split(' ') is [{ Length: > 0 }, { Length: > 0 }];
}

/// <summary>
/// One query on the audit table (see <see cref="AuditLog{TDetails}"/>): a subject is a partition, so a registration's entries
/// are one ordered partition read, newest first; the instant bounds are row-key bounds (the row key starts with the entry's
/// inverted ticks), and actor and action are the indexed columns, so the service filters every page. Without a subject the
/// query crosses partitions, subject by subject. A page may hold fewer entries than asked while a continuation remains.
/// </summary>
public sealed class AuditSearch(StorageClients clients) : IAuditSearch
{
    private readonly DocumentTable _table = new(clients.Table("audit"));

    public async Task<AuditPage> SearchAsync(AuditFilter filter, string? continuation, int pageSize, CancellationToken ct)
    {
        await _table.EnsureCreatedAsync(ct);
        var token = continuation is null ? null : Encoding.UTF8.GetString(Base64Url.DecodeFromChars(continuation));
        var query = _table.Client.QueryAsync<TableEntity>(Filter(filter), pageSize, cancellationToken: ct);
        await foreach (var page in query.AsPages(token, pageSize))
        {
            var entries = page.Values.Select(e => DocumentTable.Read<AuditEntry<JsonElement>>(e).Document).ToList();
            var next = page.ContinuationToken is { Length: > 0 } more ? Base64Url.EncodeToString(Encoding.UTF8.GetBytes(more)) : null;
            return new AuditPage(entries, next);
        }
        return new AuditPage([], null);
    }

    private static string? Filter(AuditFilter filter)
    {
        var parts = new List<string>();
        if (filter.Subject is { } subject) parts.Add(TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(subject)}"));
        // Newer entries have smaller row keys ("{inverted ticks}|…"): "made before To" is a lower bound on the key, "made at
        // From or later" an upper one.
        if (filter.To is { } to) parts.Add(TableClient.CreateQueryFilter($"RowKey ge {TableKeys.InvertedTicksBefore(to)}"));
        if (filter.From is { } from) parts.Add(TableClient.CreateQueryFilter($"RowKey lt {TableKeys.InvertedTicksBefore(from)}"));
        if (filter.Actor is { } actor) parts.Add(TableClient.CreateQueryFilter($"Actor eq {actor}"));
        if (filter.Action is { } action) parts.Add(TableClient.CreateQueryFilter($"Action eq {action}"));
        return parts.Count == 0 ? null : string.Join(" and ", parts);
    }
}
