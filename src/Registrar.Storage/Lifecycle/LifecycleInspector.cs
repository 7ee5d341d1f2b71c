using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Lifecycle;

/// <summary>One applied event and the commands its decision issued.</summary>
public sealed record LifecycleHistoryEntry<TEvent, TCommand>(
    long Sequence, string EventId, TEvent Event, DateTimeOffset AppliedAt, IReadOnlyList<LifecycleCommand<TCommand>> Commands);

/// <param name="PendingCommands">Commands not yet known to be on the command queue (a dispatch marker, or an
/// outbox row of an earlier version, is still there).</param>
/// <param name="History">Every applied event in order, with the commands it issued.</param>
public sealed record LifecycleInstanceView<TState, TEvent, TCommand>(
    string InstanceId,
    TState State,
    long Version,
    bool IsTerminal,
    DateTimeOffset? NextWakeAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<LifecycleCommand<TCommand>> PendingCommands,
    IReadOnlyList<LifecycleHistoryEntry<TEvent, TCommand>> History);

/// <summary>What operations see of an instance.</summary>
public interface ILifecycleInspector<TState, TEvent, TCommand>
{
    /// <summary>Null when no event has reached the instance yet.</summary>
    Task<LifecycleInstanceView<TState, TEvent, TCommand>?> GetAsync(string instanceId, CancellationToken ct);
}

/// <summary>Reads the instance's rows in one query (state, event rows, outbox rows), and the instance's
/// dispatch markers from its timer shard: a range read of the rows due up to one <see cref="LifecycleRuntimeOptions.DispatchGrace"/>
/// from now, as a marker is, not the shard's every instance's wake-ups.</summary>
public sealed class LifecycleInspector<TState, TEvent, TCommand>(
    LifecycleTables<TEvent, TCommand> tables,
    IOptions<LifecycleRuntimeOptions> options,
    TimeProvider time)
    : ILifecycleInspector<TState, TEvent, TCommand>
{
    private static readonly JsonSerializerOptions Json = DocumentTable.Json;

    public async Task<LifecycleInstanceView<TState, TEvent, TCommand>?> GetAsync(string instanceId, CancellationToken ct)
    {
        var layout = await tables.LayoutAsync(ct);
        TableEntity? state = null;
        var history = new List<LifecycleHistoryEntry<TEvent, TCommand>>();
        var pending = new List<LifecycleCommand<TCommand>>();
        await foreach (var row in tables.InstancesOf(instanceId).QueryAsync<TableEntity>(layout.InstanceRowsFilter(instanceId), cancellationToken: ct))
        {
            if (row.RowKey.StartsWith(LifecycleInstanceLayout.StatePrefix, StringComparison.Ordinal))
                state = row;
            else if (row.RowKey.StartsWith(LifecycleInstanceLayout.EventPrefix, StringComparison.Ordinal))
                history.Add(new LifecycleHistoryEntry<TEvent, TCommand>(
                    row.GetInt64("Sequence") ?? 0,
                    row.GetString("EventId"),
                    JsonSerializer.Deserialize<TEvent>(row.GetString("Event"), Json)!,
                    row.GetDateTimeOffset("AppliedAt") ?? default,
                    Commands(row)));
            else if (row.RowKey.StartsWith(LifecycleInstanceLayout.OutboxPrefix, StringComparison.Ordinal))
                pending.AddRange(Commands(row));
        }
        if (state is null) return null;
        foreach (var marker in await DispatchMarkersAsync(instanceId, ct))
            pending.AddRange(history.Where(h => h.EventId == marker.GetString("EventId") && h.Sequence == marker.GetInt64("Sequence"))
                .SelectMany(h => h.Commands));
        return new LifecycleInstanceView<TState, TEvent, TCommand>(
            instanceId,
            JsonSerializer.Deserialize<TState>(state.GetString("State"), Json)!,
            state.GetInt64("Version") ?? 0,
            state.GetBoolean("Terminal") ?? false,
            LifecycleStateRow.NextWakeAt(state),
            state.GetDateTimeOffset("UpdatedAt") ?? default,
            pending,
            history.OrderBy(h => h.Sequence).ToList());
    }

    /// <summary>A marker is placed in any shard (<see cref="LifecycleTimerWriter.PlaceAsync"/>), and falls due within the
    /// dispatch grace: each shard's rows due by then are few.</summary>
    private async Task<List<TableEntity>> DispatchMarkersAsync(string instanceId, CancellationToken ct)
    {
        var dueBy = TableKeys.Ticks(time.GetUtcNow() + options.Value.DispatchGrace + TimeSpan.FromTicks(1));
        var markers = new List<TableEntity>();
        foreach (var shard in tables.ShardPartitions)
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {shard} and RowKey lt {dueBy} and InstanceId eq {instanceId}");
            var rows = tables.TimersIn(shard).QueryAsync<TableEntity>(filter, select: ["RowKey", "EventId", "Sequence"], cancellationToken: ct);
            markers.AddRange(await rows.Where(LifecycleTables<TEvent, TCommand>.IsDispatchMarker).ToListAsync(ct));
        }
        return markers;
    }

    private static List<LifecycleCommand<TCommand>> Commands(TableEntity row) => LifecycleOutboxDispatcher<TEvent, TCommand>.Commands(row);
}
