using System.Globalization;
using Azure.Data.Tables;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Lifecycle;

/// <summary>
/// Where an instance's rows live in the instances table (<see cref="KeyGroups"/>; layout row <c>layout|instances</c>). A table
/// keeps the layout it was first written with, so a deploy never moves the rows of a running instance.
/// <list type="bullet">
/// <item><b>Grouped</b> (<see cref="Keys"/> with groups, every table created since issue 16): instance ids hash to
/// <c>group-{n}</c> partitions, so the decisions of instances of one group that wait at the same moment go out as one
/// entity group transaction (<see cref="PartitionGroupCommit"/>). An instance's rows are <c>state|{id}</c> and
/// <c>event|{id}|{eventId}</c>: one key range per instance. In a table created since the tables were split, group <c>n</c>
/// past the first lives in table <c>{name}instances{n}</c> (<see cref="KeyGroups.TablePerGroup"/>).</item>
/// <item><b>Per instance</b> (no groups, tables written before): the partition is the instance id, and
/// rows are <c>state|{id}</c>, <c>event|{eventId}|{id}</c> and <c>outbox|{sequence}|{id}</c>.</item>
/// </list>
/// Row keys end with or contain the instance id either way: Azurite looks rows up by row key first.
/// </summary>
public sealed record LifecycleInstanceLayout(KeyGroups Keys)
{
    public const string StatePrefix = "state|";
    public const string EventPrefix = "event|";
    public const string OutboxPrefix = "outbox|";

    /// <summary>Just above every outbox row key, for range filters.</summary>
    public const string OutboxEnd = "outbox}";

    public static readonly LifecycleInstanceLayout PerInstance = new(new KeyGroups(0));

    public bool IsGrouped => Keys.IsGrouped;

    public string Partition(string instanceId) => Keys.Partition(instanceId);

    /// <summary>The names of the tables the rows are spread over, given the first one's.</summary>
    public IEnumerable<string> TableNames(string firstTable) =>
        Enumerable.Range(0, Keys.Tables).Select(n => n == 0 ? firstTable : firstTable + n.ToString(CultureInfo.InvariantCulture));

    /// <summary>The name of the table holding an instance's rows, given the first table's.</summary>
    public string TableName(string firstTable, string instanceId) => TableNames(firstTable).ElementAt(Keys.Table(instanceId));

    public string StateRow(string instanceId) => StatePrefix + TableKeys.Escape(instanceId);

    /// <summary>An instance's state row: the decider's state as JSON, its version and its next wake-up.</summary>
    public TableEntity StateEntity(string instanceId, string stateJson, long version, bool terminal, DateTimeOffset? nextWakeAt,
        string? nextWakeShard, DateTimeOffset updatedAt)
    {
        var state = new TableEntity(Partition(instanceId), StateRow(instanceId))
        {
            ["InstanceId"] = instanceId,
            ["State"] = stateJson,
            ["Version"] = version,
            ["Terminal"] = terminal,
            ["UpdatedAt"] = updatedAt,
        };
        LifecycleStateRow.SetNextWakeAt(state, nextWakeAt, nextWakeShard);
        return state;
    }

    public string EventRow(string instanceId, string eventId) => IsGrouped
        ? $"{EventPrefix}{GroupedKey(instanceId)}|{TableKeys.Escape(eventId)}"
        : $"{EventPrefix}{TableKeys.Escape(eventId)}|{TableKeys.Escape(instanceId)}";

    public static string OutboxRow(string instanceId, long sequence) =>
        $"{OutboxPrefix}{sequence.ToString("D19", CultureInfo.InvariantCulture)}|{TableKeys.Escape(instanceId)}";

    /// <summary>Every row of one instance: its partition when it has one alone, else its state row and its event rows' range.</summary>
    public string InstanceRowsFilter(string instanceId)
    {
        var partition = Partition(instanceId);
        if (!IsGrouped) return TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        var events = $"{EventPrefix}{GroupedKey(instanceId)}|";
        var eventsEnd = $"{EventPrefix}{GroupedKey(instanceId)}}}";
        return TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and (RowKey eq {StateRow(instanceId)} or (RowKey ge {events} and RowKey lt {eventsEnd}))");
    }

    private const string LayoutRow = "layout|instances";

    /// <summary>The layout the table was first written with (<see cref="KeyGroups.LoadAsync"/>). A new table gives each group a
    /// table of its own: the emulator's cost of merging a state row grows with the rows of its table (issue 16).</summary>
    public static async Task<LifecycleInstanceLayout> LoadAsync(DocumentTable instances, int groups, CancellationToken ct) =>
        new(await KeyGroups.LoadAsync(instances, LayoutRow, groups, tablePerGroup: true, ct));

    /// <summary>The layout the table records, without choosing one (operations' tools, tests); null before the engine first
    /// wrote to it.</summary>
    public static async Task<LifecycleInstanceLayout?> ReadAsync(TableClient instances, CancellationToken ct) =>
        await KeyGroups.ReadAsync(new DocumentTable(instances), LayoutRow, ct) is { } keys ? new(keys) : null;

    /// <summary>The instance id in an event row's key, '|' escaped too, so that one id's range never holds another's rows.</summary>
    private static string GroupedKey(string instanceId) => TableKeys.Escape(instanceId).Replace("|", "%7C", StringComparison.Ordinal);
}
