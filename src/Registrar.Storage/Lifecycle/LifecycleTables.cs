using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Registrar.Storage.Configuration;
using Registrar.Storage.Queues;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Lifecycle;

/// <summary>The runtime's tables and queues and its key layout (see StorageDesign.md).</summary>
/// <remarks>
/// <c>{name}instances</c>: see <see cref="LifecycleInstanceLayout"/>. An instance's state and processed-event rows share a
/// partition, so they change in one entity group transaction; event rows are the dedupe markers and the history.
/// <c>{name}timers</c> (shard 0) and <c>{name}timers{n}</c>: partitions <c>shard-{n}</c>, row key <c>{due ticks}|{instance}</c>, so a sweep is one
/// ordered range query per shard however far the clock jumped. The same shards hold dispatch markers,
/// <c>{due ticks}~{sequence}|{instance}</c>: a decision's commands not yet known to be on the command queue.
/// Outbox rows (<c>outbox|…</c>) are what the engine wrote for that before the markers; only recovery reads them.
/// </remarks>
public sealed class LifecycleTables<TEvent, TCommand>
{
    private readonly EnsureOnce _created;
    private readonly StorageClients _clients;
    private readonly string _name;
    private readonly TableClient[] _timerTables;
    private LifecycleInstanceLayout? _layout;
    private TableClient[] _instanceTables = [];
    private PartitionGroupCommit[] _instanceWrites = [];

    public LifecycleTables(StorageClients clients, IOptions<LifecycleRuntimeOptions> options)
    {
        (_clients, _name) = (clients, options.Value.Name);
        Shards = options.Value.TimerShards;
        Instances = clients.Table(_name + "instances");
        _timerTables = [.. Enumerable.Range(0, Shards).Select(TimerTable)];
        Deciding = new GroupCommitGathering(options.Value.CommitDelay, options.Value.CommitSiblings, TimeProvider.System);
        TimerWrites = new LifecycleTimerWriter(TimersIn, [.. ShardPartitions], options.Value.TimerDeleteDelay);
        Events = new QueueSender<LifecycleEventMessage<TEvent>>(clients.Queue(_name + "-events"), LifecycleEventMessage<TEvent>.Contract);
        Commands = new QueueSender<LifecycleCommandBatch<TCommand>>(clients.Queue(_name + "-commands"), LifecycleCommandBatch<TCommand>.Contract);
        _created = new EnsureOnce(async ct =>
        {
            await Instances.CreateIfNotExistsAsync(ct);
            foreach (var timers in _timerTables) await timers.CreateIfNotExistsAsync(ct);
            var layout = await LifecycleInstanceLayout.LoadAsync(new DocumentTable(Instances), options.Value.InstanceGroups, ct);
            TableClient[] instanceTables = [Instances, .. layout.TableNames(_name + "instances").Skip(1).Select(clients.Table)];
            foreach (var table in instanceTables.Skip(1)) await table.CreateIfNotExistsAsync(ct);
            _instanceWrites = [.. instanceTables.Select(table => new PartitionGroupCommit(new DocumentTable(table), Deciding))];
            _instanceTables = instanceTables;
            _layout = layout;
        });
    }

    /// <summary>The first instances table: its layout row, and every row of a table laid out before the groups were split.</summary>
    public TableClient Instances { get; }

    /// <summary>The first timers table: shard 0 and the shard count it was written with.</summary>
    public TableClient Timers => _timerTables[0];

    /// <summary>The decisions being made, from their read to their commit: while others are, an instance partition's line
    /// waits a moment for them before committing (<see cref="LifecycleRuntimeOptions.CommitDelay"/>).</summary>
    public GroupCommitGathering Deciding { get; }

    /// <summary>Writes and deletes of timer rows, committed together per shard.</summary>
    public LifecycleTimerWriter TimerWrites { get; }

    public QueueSender<LifecycleEventMessage<TEvent>> Events { get; }

    public QueueSender<LifecycleCommandBatch<TCommand>> Commands { get; }

    public int Shards { get; }

    public Task EnsureCreatedAsync(CancellationToken ct) => _created.RunAsync(ct);

    /// <summary>The instances table's key layout, read (or chosen, for a new table) once.</summary>
    public async Task<LifecycleInstanceLayout> LayoutAsync(CancellationToken ct)
    {
        await _created.RunAsync(ct);
        return _layout!;
    }

    /// <summary>The table holding an instance's rows; known once <see cref="LayoutAsync"/> has answered.</summary>
    public TableClient InstancesOf(string instanceId) => _instanceTables[Layout.Keys.Table(instanceId)];

    /// <summary>Decisions of instances that share a partition, committed together (<see cref="LifecycleInstanceLayout"/>).</summary>
    public PartitionGroupCommit InstanceWritesOf(string instanceId) => _instanceWrites[Layout.Keys.Table(instanceId)];

    /// <summary>Shard <c>n</c> past the first lives in a table of its own, <c>{name}timers{n}</c>: in Azurite a fired row's
    /// delete walks every row of its table (issue 16), and Azure does not mind.</summary>
    public TableClient TimerTable(int shard) => _clients.Table(_name + "timers" + (shard == 0 ? "" : Number(shard)));

    /// <summary>The table of a shard's partition.</summary>
    public TableClient TimersIn(string shardPartition) => _timerTables[ShardNumber(shardPartition)];

    public static string TimerEventId(DateTimeOffset dueAt) => "timer|" + TableKeys.Ticks(dueAt);

    public string TimerShard(string instanceId) => ShardPartition((int)(StableHash.Of(instanceId) % (uint)Shards));

    public static string ShardPartition(int shard) => "shard-" + Number(shard);

    private bool IsShard(string partition) =>
        partition.StartsWith("shard-", StringComparison.Ordinal)
        && int.TryParse(partition.AsSpan("shard-".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var shard)
        && shard < Shards && ShardPartition(shard) == partition;

    private static int ShardNumber(string shardPartition) => int.Parse(shardPartition.AsSpan("shard-".Length), CultureInfo.InvariantCulture);

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private LifecycleInstanceLayout Layout => _layout ?? throw new InvalidOperationException("The instances' layout is read by LayoutAsync first.");

    /// <summary>The partitions the sweep reads.</summary>
    public IEnumerable<string> ShardPartitions => Enumerable.Range(0, Shards).Select(ShardPartition);

    /// <summary>Marks a decision's commands as not yet on the command queue; written with the decision, deleted
    /// once they are sent, and sent again from the decision's event row by the sweep if it is still there when due.</summary>
    public TableEntity DispatchMarker(string instanceId, long sequence, string eventId, DateTimeOffset dueAt) =>
        new(TimerShard(instanceId), $"{TableKeys.Ticks(dueAt)}~{sequence.ToString("D19", CultureInfo.InvariantCulture)}|{TableKeys.Escape(instanceId)}")
        {
            ["InstanceId"] = instanceId,
            ["DueAt"] = dueAt,
            ["EventId"] = eventId,
            ["Sequence"] = sequence,
        };

    /// <summary>Wake-up rows have '|' after the due ticks, dispatch markers '~'.</summary>
    public static bool IsDispatchMarker(TableEntity row) => row.RowKey.Length > 19 && row.RowKey[19] == '~';

    /// <summary>A wake-up row in the shard its state records it was placed in (<see cref="LifecycleTimerWriter.PlaceAsync"/>);
    /// in its instance's own shard when none is recorded (written before rows were placed) or the shard was retired (its rows
    /// were moved to their instances' shards, <see cref="LifecycleTimerShards{TEvent, TCommand}"/>).</summary>
    public TableEntity TimerEntity(string instanceId, DateTimeOffset dueAt, string? placedIn = null) =>
        new(placedIn is not null && IsShard(placedIn) ? placedIn : TimerShard(instanceId), $"{TableKeys.Ticks(dueAt)}|{TableKeys.Escape(instanceId)}")
        {
            ["InstanceId"] = instanceId,
            ["DueAt"] = dueAt,
        };
}
