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
/// <item>the registration behind a domain name: one partition per A-label whose single row holds the view, so a
/// registry poll message naming a domain is one point read;</item>
/// <item>the registry-check line: one partition with a row per live registration keyed by the ticks of its last
/// check ("due|{ticks}|{id}"), so the sweep takes the oldest-checked first with one ordered range read, and a
/// row per registration ("registration|{id}") naming its place in the line, changed with it in one entity
/// group transaction.</item>
/// </list>
/// Operations' directory of all registrations (<see cref="RegistrationDirectory"/>) is kept in the same table.
/// Lookup rows carry the view's sequence, so a late or redelivered record changes nothing there either.
/// </summary>
public sealed class RegistrationViewStore(StorageClients clients) : IRegistrationViews
{
    private const string CheckLine = "registrychecks";
    private const string DuePrefix = "due|";

    private readonly DocumentTable _table = new(clients.Table("registrationviews"));
    private readonly DocumentTable _lookups = new(clients.Table("registrationlookups"));
    private readonly RegistrationDirectory _directory = new(clients);

    /// <summary>The four places are independent rows, each kept by sequence, so they are written at once: one that
    /// fails (or a crash) leaves the command to be delivered again, which rewrites only what is still behind.</summary>
    public Task RecordAsync(RegistrationView view, int sequence, CancellationToken cancellationToken) =>
        Task.WhenAll(
            KeepViewAsync(view, sequence, cancellationToken),
            KeepDomainHolderAsync(view, sequence, cancellationToken),
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

    public async Task<RegistrationView?> FindByDomainAsync(string domainName, CancellationToken cancellationToken)
    {
        var key = DomainKey(domainName);
        return (await _lookups.GetAsync<DomainHolder>(key, key, cancellationToken))?.Document.View;
    }

    public async Task<IReadOnlyList<RegistryCheckDue>> DueForRegistryCheckAsync(int count, CancellationToken cancellationToken)
    {
        // '}' sorts right after '|': the range holds the line's rows and nothing else, in the order of their last check.
        var filter = $"PartitionKey eq '{CheckLine}' and RowKey ge '{DuePrefix}' and RowKey lt 'due}}'";
        var due = new List<RegistryCheckDue>(count);
        await foreach (var row in _lookups.QueryAsync<RegistryCheckDue>(filter, count, cancellationToken)) due.Add(row.Document);
        return due;
    }

    public async Task MarkRegistryCheckedAsync(string registrationId, DateTimeOffset checkedAt, CancellationToken cancellationToken)
    {
        while (true)
        {
            var place = await _lookups.GetAsync<PlaceInLine>(CheckLine, PlaceKey(registrationId), cancellationToken);
            // Not live at the registry any more (or never recorded): nothing to move.
            if (place?.Document.Due is not { } due) return;
            var next = due with { LastCheckedAt = checkedAt };
            if (DueKey(next) == DueKey(due)) return;
            try
            {
                await _lookups.SubmitAsync([Leave(due), Join(next), Replace(place, place.Document with { Due = next })], cancellationToken);
                return;
            }
            catch (Exception e) when (e is ConcurrencyConflictException or DocumentAlreadyExistsException)
            {
                // The registration was recorded meanwhile: read its place again.
            }
        }
    }

    private async Task KeepViewAsync(RegistrationView view, int sequence, CancellationToken cancellationToken)
    {
        var (partition, row) = (TableKeys.Escape(view.CustomerId), TableKeys.Escape(view.RegistrationId));
        var kept = new KeptView(view, sequence);
        while (true)
        {
            var current = await _table.GetAsync<KeptView>(partition, row, cancellationToken);
            if (current is not null && current.Document.Sequence >= sequence) return;
            try
            {
                if (current is null) await _table.InsertAsync(partition, row, kept, null, cancellationToken);
                else await _table.ReplaceAsync(current, kept, null, cancellationToken);
                return;
            }
            catch (Exception e) when (e is ConcurrencyConflictException or DocumentAlreadyExistsException)
            {
                // Another command of the same registration wrote meanwhile: compare sequences again.
            }
        }
    }

    private async Task KeepDomainHolderAsync(RegistrationView view, int sequence, CancellationToken cancellationToken)
    {
        var key = DomainKey(view.DomainName);
        var holder = new DomainHolder(view, sequence);
        while (true)
        {
            var current = await _lookups.GetAsync<DomainHolder>(key, key, cancellationToken);
            if (current is not null && !holder.Replaces(current.Document)) return;
            try
            {
                if (current is null) await _lookups.InsertAsync(key, key, holder, null, cancellationToken);
                else await _lookups.ReplaceAsync(current, holder, null, cancellationToken);
                return;
            }
            catch (Exception e) when (e is ConcurrencyConflictException or DocumentAlreadyExistsException)
            {
                // Another registration of the name, or another record of this one, wrote meanwhile.
            }
        }
    }

    private async Task KeepPlaceInCheckLineAsync(RegistrationView view, int sequence, CancellationToken cancellationToken)
    {
        var live = IRegistrationViews.IsLiveAtRegistry(view.Phase);
        while (true)
        {
            var place = await _lookups.GetAsync<PlaceInLine>(CheckLine, PlaceKey(view.RegistrationId), cancellationToken);
            if (place is not null && place.Document.Sequence >= sequence) return;
            var due = place?.Document.Due;
            var actions = new List<TableTransactionAction>();
            if (live && due is null)
            {
                // Never asked about since it went live: first in line.
                due = new RegistryCheckDue(view.RegistrationId, view.Zone, view.DomainName, null);
                actions.Add(Join(due));
            }
            else if (!live && due is not null)
            {
                actions.Add(Leave(due));
                due = null;
            }
            var kept = new PlaceInLine(sequence, due);
            actions.Add(place is null
                ? new TableTransactionAction(TableTransactionActionType.Add, DocumentTable.Entity(CheckLine, PlaceKey(view.RegistrationId), kept, null))
                : Replace(place, kept));
            try
            {
                await _lookups.SubmitAsync(actions, cancellationToken);
                return;
            }
            catch (Exception e) when (e is ConcurrencyConflictException or DocumentAlreadyExistsException)
            {
                // Recorded or checked meanwhile: read the place again.
            }
        }
    }

    private static TableTransactionAction Join(RegistryCheckDue due) =>
        new(TableTransactionActionType.Add, DocumentTable.Entity(CheckLine, DueKey(due), due, null));

    // The place row's ETag guards the whole transaction, so the line row itself is removed unconditionally.
    private static TableTransactionAction Leave(RegistryCheckDue due) =>
        new(TableTransactionActionType.Delete, new TableEntity(CheckLine, DueKey(due)), ETag.All);

    private static TableTransactionAction Replace(Stored<PlaceInLine> current, PlaceInLine next) =>
        new(TableTransactionActionType.UpdateReplace, DocumentTable.Entity(CheckLine, current.RowKey, next, null), current.ETag);

    private static string DomainKey(string domainName) => "domain|" + TableKeys.Escape(domainName.ToLowerInvariant());

    private static string PlaceKey(string registrationId) => "registration|" + TableKeys.Escape(registrationId);

    private static string DueKey(RegistryCheckDue due) =>
        DuePrefix + TableKeys.Ticks(due.LastCheckedAt ?? DateTimeOffset.MinValue) + "|" + TableKeys.Escape(due.RegistrationId);

    private sealed record KeptView(RegistrationView View, int Sequence);

    private sealed record DomainHolder(RegistrationView View, int Sequence)
    {
        /// <summary>A newer record of the same registration; another registration of the name only once the kept
        /// one is no longer live at the registry (so the last one recorded when none is).</summary>
        public bool Replaces(DomainHolder kept) => kept.View.RegistrationId == View.RegistrationId
            ? Sequence > kept.Sequence
            : !IRegistrationViews.IsLiveAtRegistry(kept.View.Phase);
    }

    /// <param name="Due">The registration's row in the check line; null while it is not live at the registry.</param>
    private sealed record PlaceInLine(int Sequence, RegistryCheckDue? Due);
}
