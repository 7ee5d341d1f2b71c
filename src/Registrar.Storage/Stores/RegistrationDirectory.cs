using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Registrar.Core.Registrations;
using Registrar.Storage.Configuration;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Stores;

/// <summary>One page of registrations for operations; <paramref name="Next"/> is null on the last page.</summary>
public sealed record RegistrationPage(IReadOnlyList<RegistrationView> Registrations, string? Next);

/// <summary>Phase counts, read up to a cap: <paramref name="Capped"/> says the real figures may be higher.</summary>
public sealed record PhaseCounts(IReadOnlyDictionary<RegistrationPhase, int> Counts, bool Capped);

/// <summary>What operations list of all customers' registrations: by phase and zone, a page at a time, and those
/// expiring soon. Every read is a key-range read of one partition, so a request costs its page, not the table.</summary>
public interface IRegistrationDirectory
{
    public const int MaxPageSize = 100;

    /// <summary>Keeps the directory's rows for <paramref name="view"/> unless a later sequence is already kept.</summary>
    Task KeepAsync(RegistrationView view, int sequence, CancellationToken ct);

    /// <param name="after">The <see cref="RegistrationPage.Next"/> of the page before, or null for the first page.</param>
    Task<RegistrationPage> ListAsync(RegistrationPhase? phase, string? zone, string? after, int pageSize, CancellationToken ct);

    Task<PhaseCounts> CountByPhaseAsync(int cap, CancellationToken ct);

    /// <summary>Registrations live at the registry whose expiry falls in [from, until), soonest first.</summary>
    Task<IReadOnlyList<RegistrationView>> ExpiringAsync(DateTimeOffset from, DateTimeOffset until, int max, CancellationToken ct);
}

/// <summary>
/// The directory lives in one partition of the lookups table, beside the registry-check line and changed the same
/// way: a row per registration under "phase|{phase}|{zone}|{id}", one under "expiry|{ticks}|{id}" while it is live
/// and has an expiry, and an entry row ("entry|{id}") naming both and the sequence they show; the entry's ETag
/// guards the entity group transaction that moves them, so a late record never overwrites a newer one.
/// Registrations recorded before the directory existed appear once their view is next recorded.
/// </summary>
public sealed class RegistrationDirectory(StorageClients clients) : IRegistrationDirectory
{
    private const string Partition = "directory";
    private const string PhasePrefix = "phase|";
    private const string ExpiryPrefix = "expiry|";

    private readonly DocumentTable _table = new(clients.Table("registrationlookups"));

    public async Task KeepAsync(RegistrationView view, int sequence, CancellationToken ct)
    {
        var phaseKey = PhaseKey(view.Phase, view.Zone, view.RegistrationId);
        var expiryKey = IRegistrationViews.IsLiveAtRegistry(view.Phase) && view.ExpiresAt is { } expires
            ? ExpiryPrefix + TableKeys.Ticks(expires) + "|" + TableKeys.Escape(view.RegistrationId)
            : null;
        var next = new Entry(sequence, phaseKey, expiryKey);
        while (true)
        {
            var entry = await _table.GetAsync<Entry>(Partition, EntryKey(view.RegistrationId), ct);
            if (entry is not null && entry.Document.Sequence >= sequence) return;
            var actions = new List<TableTransactionAction>();
            if (entry?.Document.PhaseKey is { } oldPhase && oldPhase != phaseKey) actions.Add(Delete(oldPhase));
            if (entry?.Document.ExpiryKey is { } oldExpiry && oldExpiry != expiryKey) actions.Add(Delete(oldExpiry));
            actions.Add(Upsert(phaseKey, view));
            if (expiryKey is not null) actions.Add(Upsert(expiryKey, view));
            actions.Add(entry is null
                ? new TableTransactionAction(TableTransactionActionType.Add, DocumentTable.Entity(Partition, EntryKey(view.RegistrationId), next, null))
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, DocumentTable.Entity(Partition, entry.RowKey, next, null), entry.ETag));
            try
            {
                await _table.SubmitAsync(actions, ct);
                return;
            }
            catch (Exception e) when (e is ConcurrencyConflictException or DocumentAlreadyExistsException)
            {
                // Another record of the same registration won: compare sequences again.
            }
        }
    }

    public async Task<RegistrationPage> ListAsync(RegistrationPhase? phase, string? zone, string? after, int pageSize, CancellationToken ct)
    {
        pageSize = Math.Clamp(pageSize, 1, IRegistrationDirectory.MaxPageSize);
        var found = new List<RegistrationView>(pageSize + 1);
        string? last = null;
        // One key range per phase (ordered as the keys are), so a zone without a phase is still a range read.
        foreach (var candidate in phase is { } only ? new[] { only } : Enum.GetValues<RegistrationPhase>().OrderBy(PhaseName, StringComparer.Ordinal).ToArray())
        {
            var prefix = PhasePrefix + PhaseName(candidate) + "|" + (zone is null ? "" : TableKeys.Escape(zone) + "|");
            var upper = prefix[..^1] + "}";
            if (after is not null && string.CompareOrdinal(after, upper) >= 0) continue;
            var lower = after is not null && string.CompareOrdinal(after, prefix) >= 0 ? $"RowKey gt '{Quote(after)}'" : $"RowKey ge '{Quote(prefix)}'";
            var filter = $"PartitionKey eq '{Partition}' and {lower} and RowKey lt '{Quote(upper)}'";
            await foreach (var row in _table.QueryAsync<Row>(filter, pageSize + 1 - found.Count, ct))
            {
                if (found.Count == pageSize) return new RegistrationPage(found, last);
                found.Add(row.Document.View);
                last = row.RowKey;
            }
        }
        return new RegistrationPage(found, null);
    }

    public async Task<PhaseCounts> CountByPhaseAsync(int cap, CancellationToken ct)
    {
        await _table.EnsureCreatedAsync(ct);
        var counts = new Dictionary<RegistrationPhase, int>();
        var read = 0;
        var filter = $"PartitionKey eq '{Partition}' and RowKey ge '{PhasePrefix}' and RowKey lt 'phase}}'";
        // Keys only: the phase is in the key, and a count must not cost the documents.
        await foreach (var entity in _table.Client.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: ct))
        {
            if (read++ == cap) return new PhaseCounts(counts, Capped: true);
            var name = entity.RowKey.Split('|')[1];
            if (Enum.TryParse<RegistrationPhase>(name, out var phase)) counts[phase] = counts.GetValueOrDefault(phase) + 1;
        }
        return new PhaseCounts(counts, Capped: false);
    }

    public async Task<IReadOnlyList<RegistrationView>> ExpiringAsync(DateTimeOffset from, DateTimeOffset until, int max, CancellationToken ct)
    {
        var filter = $"PartitionKey eq '{Partition}' and RowKey ge '{ExpiryPrefix}{TableKeys.Ticks(from)}' and RowKey lt '{ExpiryPrefix}{TableKeys.Ticks(until)}'";
        var views = new List<RegistrationView>();
        await foreach (var row in _table.QueryAsync<Row>(filter, max, ct)) views.Add(row.Document.View);
        return views;
    }

    /// <summary>Whether <paramref name="key"/> could be a <see cref="RegistrationPage.Next"/>: anything else is refused
    /// before it reaches a filter.</summary>
    public static bool IsPageKey(string key) =>
        key.StartsWith(PhasePrefix, StringComparison.Ordinal) && key.Length <= 512 && !key.Any(char.IsControl);

    private static string PhaseName(RegistrationPhase phase) => phase.ToString();

    private static string PhaseKey(RegistrationPhase phase, string zone, string registrationId) =>
        string.Create(CultureInfo.InvariantCulture, $"{PhasePrefix}{PhaseName(phase)}|{TableKeys.Escape(zone)}|{TableKeys.Escape(registrationId)}");

    private static string EntryKey(string registrationId) => "entry|" + TableKeys.Escape(registrationId);

    private static string Quote(string value) => value.Replace("'", "''");

    private static TableTransactionAction Upsert(string rowKey, RegistrationView view) =>
        new(TableTransactionActionType.UpsertReplace, DocumentTable.Entity(Partition, rowKey, new Row(view), null));

    // The entry row's ETag guards the whole transaction, so an old row is removed unconditionally.
    private static TableTransactionAction Delete(string rowKey) =>
        new(TableTransactionActionType.Delete, new TableEntity(Partition, rowKey), ETag.All);

    private sealed record Row(RegistrationView View);

    /// <param name="ExpiryKey">Null while the registration is not live at the registry or has no expiry.</param>
    private sealed record Entry(int Sequence, string PhaseKey, string? ExpiryKey);
}
