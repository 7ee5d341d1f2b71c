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

/// <summary>What operations list of all customers' registrations: filtered by phase, zone, customer, expiry window and
/// overdue deadline, a page at a time, and those expiring soon. Every read is a key-range read of one partition.</summary>
public interface IRegistrationDirectory
{
    public const int MaxPageSize = 100;

    /// <summary>How many rows one list reads at most when a filter is applied to rows of an index that does not hold it
    /// alone (a phase within a customer's registrations, say): a page may then come back short, with a <c>next</c>.</summary>
    public const int MaxRowsRead = 1_000;

    /// <summary>Keeps the directory's rows for <paramref name="view"/> unless a later sequence is already kept.</summary>
    Task KeepAsync(RegistrationView view, int sequence, CancellationToken ct);

    /// <param name="after">The <see cref="RegistrationPage.Next"/> of the page before under the same filter, or null for the first page.</param>
    Task<RegistrationPage> ListAsync(RegistrationFilter filter, string? after, int pageSize, DateTimeOffset now, CancellationToken ct);

    Task<PhaseCounts> CountByPhaseAsync(int cap, CancellationToken ct);

    /// <summary>Registrations live at the registry whose expiry falls in [from, until), soonest first.</summary>
    Task<IReadOnlyList<RegistrationView>> ExpiringAsync(DateTimeOffset from, DateTimeOffset until, int max, CancellationToken ct);
}

/// <summary>
/// The directory lives in one partition of the lookups table, beside the registry-check line and changed the same
/// way: rows per registration under the keys of <see cref="RegistrationDirectoryKeys"/> ("phase|{phase}|{zone}|{id}",
/// "customer|{customer}|{id}", "expiry|{ticks}|{id}" while it is live and has an expiry, "deadline|{ticks}|{id}" while
/// it runs against its KZ-2.1 deadline, "domain|{name}|{id}"), each holding the view, and an entry row ("entry|{id}") naming them and the
/// sequence they show; the entry's ETag guards the entity group transaction that moves them, so a late record never
/// overwrites a newer one. Registrations recorded before a key existed gain its row when their view is next recorded.
/// </summary>
/// <param name="recent">The rows the view store wrote last, when it keeps the directory; otherwise the directory
/// remembers its own.</param>
public sealed class RegistrationDirectory(StorageClients clients, RecentRows? recent = null) : IRegistrationDirectory
{
    private const string Partition = "directory";

    private readonly DocumentTable _table = new(clients.Table("registrationlookups"));
    private readonly RecentRows _recent = recent ?? new RecentRows(capacity: 1_000);

    public Task KeepAsync(RegistrationView view, int sequence, CancellationToken ct)
    {
        var keys = RegistrationDirectoryKeys.For(view);
        var next = new Entry(sequence, keys.Phase, keys.Expiry, keys.Deadline, keys.Customer, keys.Domain);
        return _recent.KeepAsync<Entry>(_table, Partition, EntryKey(view.RegistrationId), entry =>
        {
            if (entry is not null && entry.Document.Sequence >= sequence) return null;
            var actions = new List<TableTransactionAction>();
            foreach (var (kept, wanted) in (entry?.Document ?? Entry.None).Keys().Zip(next.Keys()))
            {
                if (kept is not null && kept != wanted) actions.Add(Delete(kept));
                if (wanted is not null) actions.Add(Upsert(wanted, view));
            }
            return new(next, actions);
        }, ct);
    }

    public async Task<RegistrationPage> ListAsync(RegistrationFilter filter, string? after, int pageSize, DateTimeOffset now, CancellationToken ct)
    {
        pageSize = Math.Clamp(pageSize, 1, IRegistrationDirectory.MaxPageSize);
        var found = new List<RegistrationView>(pageSize);
        string? last = null;
        var read = 0;
        foreach (var (lower, upper) in RegistrationDirectoryKeys.Ranges(filter, now))
        {
            if (after is not null && string.CompareOrdinal(after, upper) >= 0) continue;
            var from = after is not null && string.CompareOrdinal(after, lower) >= 0 ? $"RowKey gt '{Quote(after)}'" : $"RowKey ge '{Quote(lower)}'";
            var query = $"PartitionKey eq '{Partition}' and {from} and RowKey lt '{Quote(upper)}'";
            await foreach (var row in _table.QueryAsync<Row>(query, IRegistrationDirectory.MaxRowsRead + 1 - read, ct))
            {
                // A full page, or as many rows read as one list may: the next page goes on after the last row read.
                if (found.Count == pageSize || read == IRegistrationDirectory.MaxRowsRead) return new RegistrationPage(found, last);
                read++;
                last = row.RowKey;
                if (filter.Matches(row.Document.View, now)) found.Add(row.Document.View);
            }
        }
        return new RegistrationPage(found, null);
    }

    public async Task<PhaseCounts> CountByPhaseAsync(int cap, CancellationToken ct)
    {
        await _table.EnsureCreatedAsync(ct);
        var counts = new Dictionary<RegistrationPhase, int>();
        var read = 0;
        var filter = $"PartitionKey eq '{Partition}' and RowKey ge '{RegistrationDirectoryKeys.PhasePrefix}' and RowKey lt 'phase}}'";
        // Keys only: the phase is in the key, and a count must not cost the documents.
        await foreach (var entity in _table.Client.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: ct))
        {
            if (read++ == cap) return new PhaseCounts(counts, Capped: true);
            var name = entity.RowKey.Split('|')[1];
            if (Enum.TryParse<RegistrationPhase>(name, out var phase)) counts[phase] = counts.GetValueOrDefault(phase) + 1;
        }
        return new PhaseCounts(counts, Capped: false);
    }

    /// <summary>Every registration of <paramref name="domainName"/> recorded since the directory kept domain names.</summary>
    public async Task<IReadOnlyList<RegistrationView>> OfDomainAsync(string domainName, CancellationToken ct)
    {
        var (lower, upper) = RegistrationDirectoryKeys.DomainRange(domainName);
        var views = new List<RegistrationView>();
        await foreach (var row in _table.QueryAsync<Row>($"PartitionKey eq '{Partition}' and RowKey ge '{Quote(lower)}' and RowKey lt '{Quote(upper)}'", null, ct))
            views.Add(row.Document.View);
        return views;
    }

    public async Task<IReadOnlyList<RegistrationView>> ExpiringAsync(DateTimeOffset from, DateTimeOffset until, int max, CancellationToken ct)
    {
        var filter = $"PartitionKey eq '{Partition}' and RowKey ge '{RegistrationDirectoryKeys.ExpiryPrefix}{TableKeys.Ticks(from)}' and RowKey lt '{RegistrationDirectoryKeys.ExpiryPrefix}{TableKeys.Ticks(until)}'";
        var views = new List<RegistrationView>();
        await foreach (var row in _table.QueryAsync<Row>(filter, max, ct)) views.Add(row.Document.View);
        return views;
    }

    /// <summary>Whether <paramref name="key"/> could be a <see cref="RegistrationPage.Next"/> of a list under
    /// <paramref name="filter"/>: anything else is refused before it reaches a storage filter.</summary>
    public static bool IsPageKey(RegistrationFilter filter, string key) =>
        key.StartsWith(RegistrationDirectoryKeys.IndexPrefix(filter), StringComparison.Ordinal) && key.Length <= 512 && !key.Any(char.IsControl);

    private static string EntryKey(string registrationId) => "entry|" + TableKeys.Escape(registrationId);

    private static string Quote(string value) => value.Replace("'", "''");

    private static TableTransactionAction Upsert(string rowKey, RegistrationView view) =>
        new(TableTransactionActionType.UpsertReplace, DocumentTable.Entity(Partition, rowKey, new Row(view), null));

    // The entry row's ETag guards the whole transaction, so an old row is removed unconditionally.
    private static TableTransactionAction Delete(string rowKey) =>
        new(TableTransactionActionType.Delete, new TableEntity(Partition, rowKey), ETag.All);

    private sealed record Row(RegistrationView View);

    /// <param name="ExpiryKey">Null while the registration is not live at the registry or has no expiry.</param>
    /// <param name="DeadlineKey">Null while it runs against no deadline, and in entries kept before deadlines were.</param>
    /// <param name="CustomerKey">Null in entries kept before customers were.</param>
    /// <param name="DomainKey">Null in entries kept before domain names were.</param>
    private sealed record Entry(int Sequence, string? PhaseKey, string? ExpiryKey, string? DeadlineKey = null, string? CustomerKey = null,
        string? DomainKey = null)
    {
        public static readonly Entry None = new(0, null, null);

        public IEnumerable<string?> Keys() => [PhaseKey, ExpiryKey, DeadlineKey, CustomerKey, DomainKey];
    }
}
