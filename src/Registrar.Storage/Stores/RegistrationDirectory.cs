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
    /// <param name="likelyNew">The rows are most likely not written yet: they are added without a read.</param>
    Task KeepAsync(RegistrationView view, int sequence, bool likelyNew, CancellationToken ct);

    /// <param name="after">The <see cref="RegistrationPage.Next"/> of the page before under the same filter, or null for the first page.</param>
    Task<RegistrationPage> ListAsync(RegistrationFilter filter, string? after, int pageSize, DateTimeOffset now, CancellationToken ct);

    Task<PhaseCounts> CountByPhaseAsync(int cap, CancellationToken ct);

    /// <summary>Registrations live at the registry whose expiry falls in [from, until), soonest first.</summary>
    Task<IReadOnlyList<RegistrationView>> ExpiringAsync(DateTimeOffset from, DateTimeOffset until, int max, CancellationToken ct);
}

/// <summary>
/// The directory lives in one partition of the lookups table: rows per registration under the keys of
/// <see cref="RegistrationDirectoryKeys"/> ("phase|{phase}|{zone}|{id}", "customer|{customer}|{id}", "expiry|{ticks}|{id}"
/// while it is live and has an expiry, "deadline|{ticks}|{id}" while it runs against its KZ-2.1 deadline,
/// "domain|{name}|{id}"), each holding the view, its place in the <see cref="RegistryCheckLine"/>, and an entry row
/// ("entry|{id}") naming them and the sequence they show; the entry's ETag guards the entity group transaction that
/// moves them, so a late record never overwrites a newer one. The transactions of different registrations waiting at
/// once are committed as one (<see cref="PartitionGroupCommit"/>), each still guarded by its own entry. Registrations
/// recorded before a key existed gain its row when their view is next recorded.
/// </summary>
/// <param name="recent">The rows the view store wrote last, when it keeps the directory; otherwise the directory
/// remembers its own.</param>
public sealed class RegistrationDirectory(StorageClients clients, RecentRows? recent = null) : IRegistrationDirectory
{
    private const string Partition = "directory";

    private readonly DocumentTable _table = new(clients.Table("registrationlookups"));
    private readonly PartitionGroupCommit _writes = new(new DocumentTable(clients.Table("registrationlookups")));
    private readonly RecentRows _recent = recent ?? new RecentRows(capacity: 1_000);
    private readonly EarlierRegistryCheckLine _earlierLine = new(new DocumentTable(clients.Table("registrationlookups")));

    /// <summary>Keeps the directory's rows and the registration's place in the registry-check line for <paramref name="view"/>,
    /// unless a later sequence is already kept.</summary>
    public Task KeepAsync(RegistrationView view, int sequence, bool likelyNew, CancellationToken ct)
    {
        var keys = RegistrationDirectoryKeys.For(view);
        return _recent.KeepAsync<Entry>(_writes, Partition, EntryKey(view.RegistrationId), entry =>
        {
            if (entry is not null && entry.Document.Sequence >= sequence) return null;
            var kept = entry?.Document ?? Entry.None;
            var next = new Entry(sequence, keys.Phase, keys.Expiry, keys.Deadline, keys.Customer, keys.Domain);
            var actions = new List<TableTransactionAction>();
            foreach (var (keptKey, wanted) in kept.Keys().Zip(next.Keys()))
            {
                if (keptKey is not null && keptKey != wanted) actions.Add(Delete(keptKey));
                if (wanted is not null) actions.Add(Upsert(wanted, view));
            }
            // An entry kept before the line moved here is not in it: a live registration joins at the head.
            var due = RegistryCheckLine.Place(view, kept.InCheckLine ? kept.Due : null, Partition, actions);
            return new(next with { Due = due, InCheckLine = true }, actions);
        }, likelyAbsent: likelyNew, ct);
    }

    /// <summary>Up to <paramref name="count"/> registrations live at the registry, the longest unchecked first (those still
    /// in the earlier line among them).</summary>
    public async Task<IReadOnlyList<RegistryCheckDue>> DueForRegistryCheckAsync(int count, CancellationToken ct)
    {
        var due = new List<RegistryCheckDue>(await _earlierLine.DueAsync(count, ct));
        await foreach (var row in _table.QueryAsync<RegistryCheckDue>(RegistryCheckLine.Range(Partition), count, ct)) due.Add(row.Document);
        return [.. due.OrderBy(d => d.LastCheckedAt ?? DateTimeOffset.MinValue).ThenBy(d => d.RegistrationId, StringComparer.Ordinal)
            .DistinctBy(d => d.RegistrationId).Take(count)];
    }

    /// <summary>The registry was asked about the registration at <paramref name="checkedAt"/>: it goes to the back of the
    /// line. One still in the earlier line leaves it for its place here.</summary>
    public async Task MarkRegistryCheckedAsync(string registrationId, DateTimeOffset checkedAt, CancellationToken ct)
    {
        var earlier = await _earlierLine.PlaceAsync(registrationId, ct);
        await _recent.KeepAsync<Entry>(_writes, Partition, EntryKey(registrationId), entry =>
        {
            var kept = entry?.Document ?? Entry.None;
            // Not live at the registry any more (or never recorded): nothing to move.
            if ((kept.InCheckLine ? kept.Due : earlier?.Document.Due) is not { } due) return null;
            var next = due with { LastCheckedAt = checkedAt };
            if (kept.InCheckLine && RegistryCheckLine.DueKey(next) == RegistryCheckLine.DueKey(due)) return null;
            List<TableTransactionAction> actions = kept.InCheckLine
                ? [RegistryCheckLine.Leave(Partition, due), RegistryCheckLine.Join(Partition, next)]
                : [RegistryCheckLine.Join(Partition, next)];
            return new(kept with { Due = next, InCheckLine = true }, actions);
        }, likelyAbsent: false, ct);
        if (earlier is not null) await _earlierLine.LeaveAsync(earlier, ct);
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
        new(TableTransactionActionType.UpsertMerge, DocumentTable.Entity(Partition, rowKey, new Row(view), null));

    // The entry row's ETag guards the whole transaction, so an old row is removed unconditionally.
    private static TableTransactionAction Delete(string rowKey) =>
        new(TableTransactionActionType.Delete, new TableEntity(Partition, rowKey), ETag.All);

    private sealed record Row(RegistrationView View);

    /// <param name="ExpiryKey">Null while the registration is not live at the registry or has no expiry.</param>
    /// <param name="DeadlineKey">Null while it runs against no deadline, and in entries kept before deadlines were.</param>
    /// <param name="CustomerKey">Null in entries kept before customers were.</param>
    /// <param name="DomainKey">Null in entries kept before domain names were.</param>
    /// <param name="Due">Its row in the registry-check line; null while it is not live at the registry.</param>
    /// <param name="InCheckLine">False in entries kept before the line moved here: <paramref name="Due"/> means nothing yet.</param>
    private sealed record Entry(int Sequence, string? PhaseKey, string? ExpiryKey, string? DeadlineKey = null, string? CustomerKey = null,
        string? DomainKey = null, RegistryCheckDue? Due = null, bool InCheckLine = false)
    {
        public static readonly Entry None = new(0, null, null);

        public IEnumerable<string?> Keys() => [PhaseKey, ExpiryKey, DeadlineKey, CustomerKey, DomainKey];
    }
}
