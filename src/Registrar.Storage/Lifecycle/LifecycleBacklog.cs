using System.Globalization;
using Azure.Data.Tables;
using Registrar.Storage.Metering;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Lifecycle;

/// <summary>Work the runtime has not finished: timers already due, events and command batches still queued
/// (a message being handled counts until it is deleted). Zero everywhere means every instance has settled
/// at the current clock reading.</summary>
public sealed record LifecycleBacklogReading(int DueTimers, int QueuedEvents, int QueuedCommands)
{
    public bool IsSettled => DueTimers == 0 && QueuedEvents == 0 && QueuedCommands == 0;
}

public sealed class LifecycleBacklog<TEvent, TCommand>(LifecycleTables<TEvent, TCommand> tables, StorageMeter meter, TimeProvider time)
{
    /// <summary>Due timers are counted up to this many per shard: enough to see the runtime is busy.</summary>
    private const int DueTimersCountedPerShard = 100;

    public async Task<LifecycleBacklogReading> ReadAsync(CancellationToken ct)
    {
        using var unmetered = meter.Unmetered();
        await tables.EnsureCreatedAsync(ct);
        var upTo = TableKeys.Ticks(time.GetUtcNow().AddTicks(1));
        var dueTimers = 0;
        for (var shard = 0; shard < tables.Shards; shard++)
        {
            var partition = "shard-" + shard.ToString(CultureInfo.InvariantCulture);
            var query = tables.Timers.QueryAsync<TableEntity>(
                TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey lt {upTo}"),
                maxPerPage: DueTimersCountedPerShard, select: ["RowKey"], cancellationToken: ct);
            await foreach (var page in query.AsPages().WithCancellation(ct))
            {
                dueTimers += page.Values.Count;
                break;
            }
        }
        return new LifecycleBacklogReading(dueTimers, await CountAsync(tables.Events.Queue, ct), await CountAsync(tables.Commands.Queue, ct));
    }

    private static async Task<int> CountAsync(Azure.Storage.Queues.QueueClient queue, CancellationToken ct)
    {
        if (!await queue.ExistsAsync(ct)) return 0;
        return (await queue.GetPropertiesAsync(ct)).Value.ApproximateMessagesCount;
    }
}
