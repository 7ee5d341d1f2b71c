using Azure;
using Azure.Data.Tables;
using Registrar.Core.Registrations;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Stores;

/// <summary>
/// The registry-check line: a row per registration live at the registry, keyed by the ticks of its last check
/// ("due|{ticks}|{id}"), so the reconciliation sweep takes the oldest-checked first with one ordered range read. It
/// lives in the directory's partition and each registration's place in it is kept on its directory entry, so a
/// recorded view moves the directory and the line in one entity group transaction (issue 16).
/// </summary>
internal static class RegistryCheckLine
{
    public const string DuePrefix = "due|";

    /// <summary>The registration's place once <paramref name="view"/> is recorded, and the row changes that take it there.</summary>
    public static RegistryCheckDue? Place(RegistrationView view, RegistryCheckDue? kept, string partition, List<TableTransactionAction> actions)
    {
        var live = IRegistrationViews.IsLiveAtRegistry(view.Phase);
        if (live && kept is null)
        {
            // Never asked about since it went live: first in line.
            var due = new RegistryCheckDue(view.RegistrationId, view.Zone, view.DomainName, null);
            actions.Add(Join(partition, due));
            return due;
        }
        if (!live && kept is not null)
        {
            actions.Add(Leave(partition, kept));
            return null;
        }
        return kept;
    }

    /// <summary>The row range of the line in <paramref name="partition"/>, oldest-checked first.</summary>
    public static string Range(string partition) =>
        // '}' sorts right after '|': the range holds the line's rows and nothing else.
        $"PartitionKey eq '{partition}' and RowKey ge '{DuePrefix}' and RowKey lt 'due}}'";

    public static TableTransactionAction Join(string partition, RegistryCheckDue due) =>
        new(TableTransactionActionType.Add, DocumentTable.Entity(partition, DueKey(due), due, null));

    // The row naming the place guards the whole transaction with its ETag, so the line row itself is removed unconditionally.
    public static TableTransactionAction Leave(string partition, RegistryCheckDue due) =>
        new(TableTransactionActionType.Delete, new TableEntity(partition, DueKey(due)), ETag.All);

    public static string DueKey(RegistryCheckDue due) =>
        DuePrefix + TableKeys.Ticks(due.LastCheckedAt ?? DateTimeOffset.MinValue) + "|" + TableKeys.Escape(due.RegistrationId);
}

/// <summary>
/// The line as earlier versions kept it: partition "registrychecks" of the lookups table, with a place row per
/// registration ("registration|{id}") beside its due row. Nothing joins it any more: the sweep takes its rows beside the
/// directory's until none is left, and a registration checked leaves it (and takes its place in the directory's line).
/// </summary>
internal sealed class EarlierRegistryCheckLine(DocumentTable lookups)
{
    private const string Partition = "registrychecks";

    // Only ever emptied: once a read finds no due row, none is read again.
    private volatile bool _empty;

    public async Task<IReadOnlyList<RegistryCheckDue>> DueAsync(int count, CancellationToken ct)
    {
        if (_empty) return [];
        var due = new List<RegistryCheckDue>(count);
        await foreach (var row in lookups.QueryAsync<RegistryCheckDue>(RegistryCheckLine.Range(Partition), count, ct)) due.Add(row.Document);
        _empty = due.Count == 0;
        return due;
    }

    /// <summary>The registration's place in this line; null without a read once the line is empty.</summary>
    public async Task<Stored<PlaceInLine>?> PlaceAsync(string registrationId, CancellationToken ct) =>
        _empty ? null : await lookups.GetAsync<PlaceInLine>(Partition, PlaceKey(registrationId), ct);

    public async Task LeaveAsync(Stored<PlaceInLine> place, CancellationToken ct)
    {
        List<TableTransactionAction> actions = [new(TableTransactionActionType.Delete, new TableEntity(Partition, place.RowKey), ETag.All)];
        if (place.Document.Due is { } due) actions.Add(RegistryCheckLine.Leave(Partition, due));
        try
        {
            await lookups.SubmitAsync(actions, ct);
        }
        catch (ConcurrencyConflictException)
        {
            // Another sweep took it out first.
        }
    }

    private static string PlaceKey(string registrationId) => "registration|" + TableKeys.Escape(registrationId);

    /// <param name="Due">The registration's row in the line; null while it was not live at the registry.</param>
    internal sealed record PlaceInLine(int Sequence, RegistryCheckDue? Due);
}
