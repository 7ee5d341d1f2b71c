using System.Security.Cryptography;
using System.Text;
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

    /// <summary>
    /// Appends the entry of a step a retried request carries out again (a record stored, a state reached, an event raised):
    /// its row key is the entry's instant and a hash of its subject, action and <paramref name="cause"/>, so the retry,
    /// which takes the instant from what the first attempt stored, finds the entry there and leaves it as it is.
    /// </summary>
    /// <param name="cause">What the entry records, unique for its subject and action: the record's or the event's id.</param>
    /// <returns>False when the entry was appended before.</returns>
    Task<bool> AppendOnceAsync(AuditEntry<TDetails> entry, string cause, CancellationToken ct);

    IAsyncEnumerable<AuditEntry<TDetails>> ReadNewestFirstAsync(string subject, int max, CancellationToken ct);
}

public sealed class AuditLog<TDetails>(StorageClients clients) : IAuditLog<TDetails>
{
    private readonly DocumentTable _table = new(clients.Table("audit"));

    public Task AppendAsync(AuditEntry<TDetails> entry, CancellationToken ct) => InsertAsync(entry, $"{Guid.NewGuid():N}", ct);

    public async Task<bool> AppendOnceAsync(AuditEntry<TDetails> entry, string cause, CancellationToken ct)
    {
        try
        {
            await InsertAsync(entry, OnceSuffix(entry, cause), ct);
            return true;
        }
        catch (DocumentAlreadyExistsException)
        {
            return false;
        }
    }

    public async IAsyncEnumerable<AuditEntry<TDetails>> ReadNewestFirstAsync(string subject, int max,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(subject)}");
        await foreach (var stored in _table.QueryAsync<AuditEntry<TDetails>>(filter, max, ct))
            yield return stored.Document;
    }

    // The inverted ticks come first, so an entry appended once sorts among the others by its instant, newest first.
    private Task InsertAsync(AuditEntry<TDetails> entry, string suffix, CancellationToken ct) =>
        _table.InsertAsync(TableKeys.Escape(entry.Subject), $"{TableKeys.InvertedTicks(entry.At)}|{suffix}", entry,
            new Dictionary<string, object?> { ["Action"] = entry.Action, ["Actor"] = entry.Actor }, ct);

    /// <summary>32 hex digits, as long as a Guid's. The subject is hashed with the rest so that no two subjects share a row
    /// key: Azurite looks rows up by row key first (StorageDesign.md).</summary>
    private static string OnceSuffix(AuditEntry<TDetails> entry, string cause) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{entry.Subject}\n{entry.Action}\n{cause}")).AsSpan(0, 16));
}
