using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Registrar.Core.Registrations;
using Registrar.Storage.Configuration;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Stores;

/// <summary>
/// Registration views, one partition per customer (the storefront lists a customer's registrations in one
/// query); the row key is the registration id, unique across partitions. Each recorded view is also kept in
/// operations' <see cref="RegistrationDirectory"/>, in a table of its own so that no customer partition can collide
/// with it: the registrations of a domain name (one range read; earlier versions kept one holder row per A-label,
/// still read for a name whose registrations were not recorded since) and the registry-check line among its rows.
/// Both places carry the view's sequence, so a late or redelivered record changes nothing there either.
/// </summary>
/// <remarks>Nothing writes a holder row any more, so a name is looked up in them only while any are left (issue 16).</remarks>
public sealed class RegistrationViewStore : IRegistrationViews, IRegistrationViewFormats, IDisposable
{
    private readonly DocumentTable _table;
    private readonly DocumentTable _lookups;
    /// <summary>About two thousand registrations' rows: those a burst of lifecycle steps records again within seconds.</summary>
    private readonly RecentRows _recent = new(capacity: 8_000);
    private readonly RegistrationDirectory _directory;
    private readonly RetiredRows _holdersLeft;

    public RegistrationViewStore(StorageClients clients) : this(clients, TimeProvider.System)
    {
    }

    public RegistrationViewStore(StorageClients clients, TimeProvider clock)
    {
        _table = new(clients.Table("registrationviews"));
        _lookups = new(clients.Table("registrationlookups"));
        _directory = new RegistrationDirectory(clients, _recent);
        // A holder row is its own partition, "domain|{name}"; the directory's partition sorts before them all.
        _holdersLeft = new RetiredRows(ct => _lookups.HoldsAnyRowAsync(
            TableClient.CreateQueryFilter($"PartitionKey ge {HolderPrefix} and PartitionKey lt {HolderPrefixEnd}"), ct), clock);
    }

    /// <summary>The two places are independent rows, each kept by sequence, so they are written at once: one that
    /// fails (or a crash) leaves the command to be delivered again, which rewrites only what is still behind.</summary>
    public Task RecordAsync(RegistrationView view, int sequence, CancellationToken cancellationToken) =>
        RecordAsync(view, sequence, likelyNew: false, cancellationToken);

    public Task RecordAsync(RegistrationView view, int sequence, bool likelyNew, CancellationToken cancellationToken) =>
        Task.WhenAll(KeepViewAsync(view, sequence, likelyNew, cancellationToken), _directory.KeepAsync(view, sequence, likelyNew, cancellationToken));

    public async IAsyncEnumerable<RegistrationView> ListAsync(string customerId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = $"PartitionKey eq '{TableKeys.Escape(customerId).Replace("'", "''")}'";
        await foreach (var kept in _table.QueryAsync<KeptView>(filter, null, cancellationToken))
            yield return kept.Document.View;
    }

    public async Task<RegistrationView?> GetAsync(string customerId, string registrationId, CancellationToken cancellationToken) =>
        (await _table.GetAsync<KeptView>(TableKeys.Escape(customerId), TableKeys.Escape(registrationId), cancellationToken))?.Document.View;

    /// <summary>A filter on the row key across customers: a registration id is unique, and operations ask rarely.</summary>
    public async Task<RegistrationView?> FindAsync(string registrationId, CancellationToken cancellationToken) =>
        (await FindSequencedAsync(registrationId, cancellationToken))?.View;

    public async Task<SequencedRegistrationView?> FindSequencedAsync(string registrationId, CancellationToken cancellationToken)
    {
        var filter = $"RowKey eq '{TableKeys.Escape(registrationId).Replace("'", "''")}'";
        await foreach (var kept in _table.QueryAsync<KeptView>(filter, 1, cancellationToken)) return new(kept.Document.View, kept.Document.Sequence);
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
        if (await _holdersLeft.MayBeLeftAsync(cancellationToken)
            && (await _lookups.GetAsync<DomainHolder>(key, key, cancellationToken))?.Document.View is { } held
            && recorded.All(v => v.RegistrationId != held.RegistrationId))
            recorded = [.. recorded, held];
        return recorded
            .OrderByDescending(v => IRegistrationViews.IsLiveAtRegistry(v.Phase))
            .ThenByDescending(v => v.EndedAt ?? DateTimeOffset.MaxValue)
            .FirstOrDefault();
    }

    public Task<IReadOnlyList<RegistryCheckDue>> DueForRegistryCheckAsync(int count, CancellationToken cancellationToken) =>
        _directory.DueForRegistryCheckAsync(count, cancellationToken);

    public Task MarkRegistryCheckedAsync(string registrationId, DateTimeOffset checkedAt, CancellationToken cancellationToken) =>
        _directory.MarkRegistryCheckedAsync(registrationId, checkedAt, cancellationToken);

    private Task KeepViewAsync(RegistrationView view, int sequence, bool likelyNew, CancellationToken cancellationToken) =>
        _recent.KeepAsync<KeptView>(_table, TableKeys.Escape(view.CustomerId), TableKeys.Escape(view.RegistrationId),
            current => current is not null && current.Document.Sequence >= sequence ? null : new(new KeptView(view, sequence, RegistrationView.CurrentFormat), []),
            likelyAbsent: likelyNew, cancellationToken);

    private const string HolderPrefix = "domain|";
    private const string HolderPrefixEnd = "domain}";

    private static string DomainKey(string domainName) => HolderPrefix + TableKeys.Escape(domainName.ToLowerInvariant());

    public async Task<int> FormatReachedAsync(CancellationToken cancellationToken) =>
        (await _lookups.GetAsync<FormatReached>(FormatPartition, FormatRow, cancellationToken))?.Document.Format ?? 0;

    /// <summary>Every view is read, once per raised format: views are kept per customer, and no index tells their format.</summary>
    public async IAsyncEnumerable<string> OutdatedAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var kept in _table.QueryAsync<KeptView>("RowKey ne ''", null, cancellationToken))
            if (kept.Document.Format < RegistrationView.CurrentFormat && !kept.Document.View.Phase.HasEnded())
                yield return kept.Document.View.RegistrationId;
    }

    public async Task MarkFormatReachedAsync(int format, CancellationToken cancellationToken)
    {
        var current = await _lookups.GetAsync<FormatReached>(FormatPartition, FormatRow, cancellationToken);
        try
        {
            if (current is null) await _lookups.InsertAsync(FormatPartition, FormatRow, new FormatReached(format), null, cancellationToken);
            else if (current.Document.Format < format) await _lookups.UpdateAsync(current, new FormatReached(format), null, cancellationToken);
        }
        catch (Exception e) when (e is DocumentAlreadyExistsException or ConcurrencyConflictException)
        {
            // Another process marked it meanwhile, having asked the same registrations under the same event ids.
        }
    }

    private const string FormatPartition = "layout";
    private const string FormatRow = "layout|viewformat";

    public void Dispose() => _recent.Dispose();

    /// <param name="Format">The <see cref="RegistrationView.CurrentFormat"/> it was recorded in; 0 in views kept before it was.</param>
    private sealed record KeptView(RegistrationView View, int Sequence, int Format = 0);

    /// <summary>The format reached, kept in the lookups table beside operations' directory (no customer partition there).</summary>
    private sealed record FormatReached(int Format);

    /// <summary>What earlier versions kept per domain name: the registration holding it.</summary>
    private sealed record DomainHolder(RegistrationView View, int Sequence);
}
