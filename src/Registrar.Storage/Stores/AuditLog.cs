using Azure.Data.Tables;
using Registrar.Storage.Configuration;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Stores;

public sealed record AuditEntry<TDetails>(string Subject, DateTimeOffset At, string Actor, string Action, TDetails Details);

/// <summary>Append-only audit entries, one partition per subject (a registration, an account, an invoice),
/// newest first: row keys are inverted ticks plus a unique suffix, so reading a subject's recent history
/// is one ordered partition query. One subject never nears the 2,000 writes/s partition limit.</summary>
public interface IAuditLog<TDetails>
{
    Task AppendAsync(AuditEntry<TDetails> entry, CancellationToken ct);

    IAsyncEnumerable<AuditEntry<TDetails>> ReadNewestFirstAsync(string subject, int max, CancellationToken ct);
}

public sealed class AuditLog<TDetails>(StorageClients clients) : IAuditLog<TDetails>
{
    private readonly DocumentTable _table = new(clients.Table("audit"));

    public Task AppendAsync(AuditEntry<TDetails> entry, CancellationToken ct) =>
        _table.InsertAsync(TableKeys.Escape(entry.Subject), $"{TableKeys.InvertedTicks(entry.At)}|{Guid.NewGuid():N}", entry,
            new Dictionary<string, object?> { ["Action"] = entry.Action, ["Actor"] = entry.Actor }, ct);

    public async IAsyncEnumerable<AuditEntry<TDetails>> ReadNewestFirstAsync(string subject, int max,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(subject)}");
        await foreach (var stored in _table.QueryAsync<AuditEntry<TDetails>>(filter, max, ct))
            yield return stored.Document;
    }
}
