using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Registrar.Storage.Configuration;
using Registrar.Storage.Queues;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Lifecycle;

/// <summary>The runtime's tables and queues and its key layout (see StorageDesign.md).</summary>
/// <remarks>
/// <c>{name}instances</c>: one partition per instance, so its state, its processed-event rows and its
/// outbox rows change in one entity group transaction. Rows: <c>state|…</c>; <c>event|{eventId}|…</c>
/// (dedupe marker and history); <c>outbox|{sequence}|…</c> (commands not yet on the command queue).
/// Row keys end with the instance id although the partition already names it: Azurite looks a row up
/// by row key first, so a key every partition shares ("state") would make each point read scan every
/// instance, and the local host would slow down as instances accumulate.
/// <c>{name}timers</c>: partitions <c>shard-{n}</c>, row key <c>{due ticks}|{instance}</c>, so a sweep is one
/// ordered range query per shard however far the clock jumped. The same shards hold dispatch markers,
/// <c>{due ticks}~{sequence}|{instance}</c>: a decision's commands not yet known to be on the command queue.
/// Outbox rows (<c>outbox|…</c>) are what the engine wrote for that before the markers; only recovery reads them.
/// </remarks>
public sealed class LifecycleTables<TEvent, TCommand>
{
    public const string StatePrefix = "state|";
    public const string EventPrefix = "event|";
    public const string OutboxPrefix = "outbox|";

    /// <summary>Just above every outbox row key, for range filters.</summary>
    public const string OutboxEnd = "outbox}";

    private readonly EnsureOnce _created;

    public LifecycleTables(StorageClients clients, IOptions<LifecycleRuntimeOptions> options)
    {
        var name = options.Value.Name;
        Shards = options.Value.TimerShards;
        Instances = clients.Table(name + "instances");
        Timers = clients.Table(name + "timers");
        TimerWrites = new LifecycleTimerWriter(Timers, options.Value.TimerDeleteDelay);
        Events = new QueueSender<LifecycleEventMessage<TEvent>>(clients.Queue(name + "-events"), LifecycleEventMessage<TEvent>.Contract);
        Commands = new QueueSender<LifecycleCommandBatch<TCommand>>(clients.Queue(name + "-commands"), LifecycleCommandBatch<TCommand>.Contract);
        _created = new EnsureOnce(async ct =>
        {
            await Instances.CreateIfNotExistsAsync(ct);
            await Timers.CreateIfNotExistsAsync(ct);
        });
    }

    public TableClient Instances { get; }

    public TableClient Timers { get; }

    /// <summary>Writes and deletes of timer rows, committed together per shard.</summary>
    public LifecycleTimerWriter TimerWrites { get; }

    public QueueSender<LifecycleEventMessage<TEvent>> Events { get; }

    public QueueSender<LifecycleCommandBatch<TCommand>> Commands { get; }

    public int Shards { get; }

    public Task EnsureCreatedAsync(CancellationToken ct) => _created.RunAsync(ct);

    public static string Partition(string instanceId) => TableKeys.Escape(instanceId);

    public static string StateRow(string instanceId) => StatePrefix + TableKeys.Escape(instanceId);

    /// <summary>An instance's state row: the decider's state as JSON, its version and its next wake-up.</summary>
    public static TableEntity StateEntity(string instanceId, string stateJson, long version, bool terminal,
        DateTimeOffset? nextWakeAt, DateTimeOffset updatedAt)
    {
        var state = new TableEntity(Partition(instanceId), StateRow(instanceId))
        {
            ["InstanceId"] = instanceId,
            ["State"] = stateJson,
            ["Version"] = version,
            ["Terminal"] = terminal,
            ["UpdatedAt"] = updatedAt,
        };
        LifecycleStateRow.SetNextWakeAt(state, nextWakeAt);
        return state;
    }

    public static string EventRow(string instanceId, string eventId) =>
        $"{EventPrefix}{TableKeys.Escape(eventId)}|{TableKeys.Escape(instanceId)}";

    public static string OutboxRow(string instanceId, long sequence) =>
        $"{OutboxPrefix}{sequence.ToString("D19", CultureInfo.InvariantCulture)}|{TableKeys.Escape(instanceId)}";

    public static string TimerEventId(DateTimeOffset dueAt) => "timer|" + TableKeys.Ticks(dueAt);

    public string TimerShard(string instanceId)
    {
        // FNV-1a: stable across processes, unlike string.GetHashCode.
        var hash = 2166136261u;
        foreach (var c in instanceId) hash = (hash ^ c) * 16777619u;
        return ShardPartition((int)(hash % (uint)Shards));
    }

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
