using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Registrar.Core.Registrations;
using Registrar.Storage.Configuration;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Stores;

/// <summary>
/// Registration views, one partition per customer (the storefront lists a customer's registrations in one
/// query); the row key is the registration id, unique across partitions. Two lookups follow every recorded
/// view, in a table of their own so that no customer partition can collide with them:
/// <list type="bullet">
/// <item>the registrations of a domain name, in the directory (one range read; earlier versions kept one holder row
/// per A-label, still read for a name whose registrations were not recorded since);</item>
/// <item>the registry-check line: one partition with a row per live registration keyed by the ticks of its last
/// check ("due|{ticks}|{id}"), so the sweep takes the oldest-checked first with one ordered range read, and a
/// row per registration ("registration|{id}") naming its place in the line, changed with it in one entity
/// group transaction.</item>
/// </list>
/// Operations' directory of all registrations (<see cref="RegistrationDirectory"/>) is kept in the same table.
/// Lookup rows carry the view's sequence, so a late or redelivered record changes nothing there either.
/// </summary>
public sealed class RegistrationViewStore : IRegistrationViews, IDisposable
{
    private const string CheckLine = "registrychecks";
    private const string DuePrefix = "due|";

    private readonly DocumentTable _table;
    private readonly DocumentTable _lookups;
    /// <summary>About two thousand registrations' rows: those a burst of lifecycle steps records again within seconds.</summary>
    private readonly RecentRows _recent = new(capacity: 8_000);
    private readonly RegistrationDirectory _directory;

    public RegistrationViewStore(StorageClients clients)
    {
        _table = new(clients.Table("registrationviews"));
        _lookups = new(clients.Table("registrationlookups"));
        _directory = new RegistrationDirectory(clients, _recent);
    }

    /// <summary>The three places are independent rows, each kept by sequence, so they are written at once: one that
    /// fails (or a crash) leaves the command to be delivered again, which rewrites only what is still behind.</summary>
    public Task RecordAsync(RegistrationView view, int sequence, CancellationToken cancellationToken) =>
        Task.WhenAll(
            KeepViewAsync(view, sequence, cancellationToken),
            KeepPlaceInCheckLineAsync(view, sequence, cancellationToken),
            _directory.KeepAsync(view, sequence, cancellationToken));

    public async IAsyncEnumerable<RegistrationView> ListAsync(string customerId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = $"PartitionKey eq '{TableKeys.Escape(customerId).Replace("'", "''")}'";
        await foreach (var kept in _table.QueryAsync<KeptView>(filter, null, cancellationToken))
            yield return kept.Document.View;
    }

    public async Task<RegistrationView?> GetAsync(string customerId, string registrationId, CancellationToken cancellationToken) =>
        (await _table.GetAsync<KeptView>(TableKeys.Escape(customerId), TableKeys.Escape(registrationId), cancellationToken))?.Document.View;

    /// <summary>A filter on the row key across customers: a registration id is unique, and operations ask rarely.</summary>
    public async Task<RegistrationView?> FindAsync(string registrationId, CancellationToken cancellationToken)
    {
        var filter = $"RowKey eq '{TableKeys.Escape(registrationId).Replace("'", "''")}'";
        await foreach (var kept in _table.QueryAsync<KeptView>(filter, 1, cancellationToken)) return kept.Document.View;
        return null;
    }

    /// <summary>The registration live at the registry; when none is, one not ended yet (being registered), else the one that
    /// ended last.</summary>
    public async Task<RegistrationView?> FindByDomainAsync(string domainName, CancellationToken cancellationToken)
    {
        var recorded = await _directory.OfDomainAsync(domainName, cancellationToken);
        if (recorded.FirstOrDefault(v => IRegistrationViews.IsLiveAtRegistry(v.Phase)) is { } live) return live;
        // The holder row an earlier version kept speaks for a registration not recorded since; the directory's row is newer.
        var key = DomainKey(domainName);
        if ((await _lookups.GetAsync<DomainHolder>(key, key, cancellationToken))?.Document.View is { } held
            && recorded.All(v => v.RegistrationId != held.RegistrationId))
            recorded = [.. recorded, held];
        return recorded
            .OrderByDescending(v => IRegistrationViews.IsLiveAtRegistry(v.Phase))
            .ThenByDescending(v => v.EndedAt ?? DateTimeOffset.MaxValue)
            .FirstOrDefault();
    }

    public async Task<IReadOnlyList<RegistryCheckDue>> DueForRegistryCheckAsync(int count, CancellationToken cancellationToken)
    {
        // '}' sorts right after '|': the range holds the line's rows and nothing else, in the order of their last check.
        var filter = $"PartitionKey eq '{CheckLine}' and RowKey ge '{DuePrefix}' and RowKey lt 'due}}'";
        var due = new List<RegistryCheckDue>(count);
        await foreach (var row in _lookups.QueryAsync<RegistryCheckDue>(filter, count, cancellationToken)) due.Add(row.Document);
        return due;
    }

    public Task MarkRegistryCheckedAsync(string registrationId, DateTimeOffset checkedAt, CancellationToken cancellationToken) =>
        _recent.KeepAsync<PlaceInLine>(_lookups, CheckLine, PlaceKey(registrationId), place =>
        {
            // Not live at the registry any more (or never recorded): nothing to move.
            if (place?.Document.Due is not { } due) return null;
            var next = due with { LastCheckedAt = checkedAt };
            return DueKey(next) == DueKey(due) ? null : new(place.Document with { Due = next }, [Leave(due), Join(next)]);
        }, cancellationToken);

    private Task KeepViewAsync(RegistrationView view, int sequence, CancellationToken cancellationToken) =>
        _recent.KeepAsync<KeptView>(_table, TableKeys.Escape(view.CustomerId), TableKeys.Escape(view.RegistrationId),
            current => current is not null && current.Document.Sequence >= sequence ? null : new(new KeptView(view, sequence), []),
            cancellationToken);

    private Task KeepPlaceInCheckLineAsync(RegistrationView view, int sequence, CancellationToken cancellationToken)
    {
        var live = IRegistrationViews.IsLiveAtRegistry(view.Phase);
        return _recent.KeepAsync<PlaceInLine>(_lookups, CheckLine, PlaceKey(view.RegistrationId), place =>
        {
            if (place is not null && place.Document.Sequence >= sequence) return null;
            var due = place?.Document.Due;
            if (live && due is null)
            {
                // Never asked about since it went live: first in line.
                due = new RegistryCheckDue(view.RegistrationId, view.Zone, view.DomainName, null);
                return new(new PlaceInLine(sequence, due), [Join(due)]);
            }
            if (!live && due is not null) return new(new PlaceInLine(sequence, null), [Leave(due)]);
            return new(new PlaceInLine(sequence, due), []);
        }, cancellationToken);
    }

    private static TableTransactionAction Join(RegistryCheckDue due) =>
        new(TableTransactionActionType.Add, DocumentTable.Entity(CheckLine, DueKey(due), due, null));

    // The place row's ETag guards the whole transaction, so the line row itself is removed unconditionally.
    private static TableTransactionAction Leave(RegistryCheckDue due) =>
        new(TableTransactionActionType.Delete, new TableEntity(CheckLine, DueKey(due)), ETag.All);

    private static string DomainKey(string domainName) => "domain|" + TableKeys.Escape(domainName.ToLowerInvariant());

    private static string PlaceKey(string registrationId) => "registration|" + TableKeys.Escape(registrationId);

    private static string DueKey(RegistryCheckDue due) =>
        DuePrefix + TableKeys.Ticks(due.LastCheckedAt ?? DateTimeOffset.MinValue) + "|" + TableKeys.Escape(due.RegistrationId);

    public void Dispose() => _recent.Dispose();

    private sealed record KeptView(RegistrationView View, int Sequence);

    /// <summary>What earlier versions kept per domain name: the registration holding it.</summary>
    private sealed record DomainHolder(RegistrationView View, int Sequence);

    /// <param name="Due">The registration's row in the check line; null while it is not live at the registry.</param>
    private sealed record PlaceInLine(int Sequence, RegistryCheckDue? Due);
}
