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
/// <c>{name}timers</c>: partitions <c>shard-{n}</c>, row key <c>{due ticks}|{instance}</c>, so a sweep is one
/// ordered range query per shard however far the clock jumped. The same shards hold dispatch markers,
/// <c>{due ticks}~{sequence}|{instance}</c>: a decision's commands not yet known to be on the command queue.
/// Outbox rows (<c>outbox|…</c>) are what the engine wrote for that before the markers; only recovery reads them.
/// </remarks>
public sealed class LifecycleTables<TEvent, TCommand>
{
    private readonly EnsureOnce _created;
    private LifecycleInstanceLayout? _layout;

    public LifecycleTables(StorageClients clients, IOptions<LifecycleRuntimeOptions> options)
    {
        var name = options.Value.Name;
        Shards = options.Value.TimerShards;
        Instances = clients.Table(name + "instances");
        Timers = clients.Table(name + "timers");
        TimerWrites = new LifecycleTimerWriter(Timers, options.Value.TimerDeleteDelay);
        InstanceWrites = new PartitionGroupCommit(new DocumentTable(Instances));
        Events = new QueueSender<LifecycleEventMessage<TEvent>>(clients.Queue(name + "-events"), LifecycleEventMessage<TEvent>.Contract);
        Commands = new QueueSender<LifecycleCommandBatch<TCommand>>(clients.Queue(name + "-commands"), LifecycleCommandBatch<TCommand>.Contract);
        _created = new EnsureOnce(async ct =>
        {
            await Instances.CreateIfNotExistsAsync(ct);
            await Timers.CreateIfNotExistsAsync(ct);
            _layout = await LifecycleInstanceLayout.LoadAsync(InstanceWrites.Table, options.Value.InstanceGroups, ct);
        });
    }

    public TableClient Instances { get; }

    /// <summary>Decisions of instances that share a partition, committed together (<see cref="LifecycleInstanceLayout"/>).</summary>
    public PartitionGroupCommit InstanceWrites { get; }

    public TableClient Timers { get; }

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

    public static string TimerEventId(DateTimeOffset dueAt) => "timer|" + TableKeys.Ticks(dueAt);

    public string TimerShard(string instanceId) => ShardPartition((int)(StableHash.Of(instanceId) % (uint)Shards));

    public static string ShardPartition(int shard) => "shard-" + shard.ToString(CultureInfo.InvariantCulture);

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

    public TableEntity TimerEntity(string instanceId, DateTimeOffset dueAt) =>
        new(TimerShard(instanceId), $"{TableKeys.Ticks(dueAt)}|{TableKeys.Escape(instanceId)}")
        {
            ["InstanceId"] = instanceId,
            ["DueAt"] = dueAt,
        };
}
