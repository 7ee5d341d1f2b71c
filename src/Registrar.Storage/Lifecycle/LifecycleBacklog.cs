using Azure.Data.Tables;
using Registrar.Storage.Metering;
using Registrar.Storage.Queues;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Lifecycle;

/// <summary>Work the runtime has not finished: timers already due (not rows on their way out, a superseded wake-up or
/// the marker of commands already sent), events and command batches still queued (a message being handled counts until it is deleted), timer rows this
/// process has yet to write or delete for a caller waiting on it, and batches it is carrying out in the background.
/// Zero everywhere means every instance has settled at the current clock reading; <paramref name="NextTimerAt"/>
/// is then when the next work falls due.</summary>
public sealed record LifecycleBacklogReading(int DueTimers, int QueuedEvents, int QueuedCommands, DateTimeOffset? NextTimerAt,
    int WaitingTimerWrites = 0, int BackgroundBatches = 0)
{
    public bool IsSettled => DueTimers == 0 && QueuedEvents == 0 && QueuedCommands == 0 && WaitingTimerWrites == 0 && BackgroundBatches == 0;
}

public sealed class LifecycleBacklog<TState, TEvent, TCommand>(
    LifecycleTables<TEvent, TCommand> tables, LifecycleBackgroundBatches<TState, TEvent, TCommand> background,
    QueueWorker<LifecycleEventMessage<TEvent>> eventWorker, QueueWorker<LifecycleCommandBatch<TCommand>> commandWorker,
    StorageMeter meter, TimeProvider time)
{
    /// <summary>Due timers are counted up to this many per shard: enough to see the runtime is busy.</summary>
    private const int DueTimersCountedPerShard = 100;

    private static readonly TimeSpan ReadingInterval = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan InHandInterval = TimeSpan.FromMilliseconds(5);

    /// <summary>
    /// Reads until two readings in a row find the runtime settled, or until <paramref name="patience"/> has passed (the last
    /// reading then says what is left). Issue 16: while this process still has work in hand the runtime has not settled,
    /// whatever storage says, so storage is read only once it has none: a caller waiting after each move of the clock
    /// otherwise costs the emulator six requests a reading, beside the product's own.
    /// </summary>
    public async Task<LifecycleBacklogReading> WaitUntilSettledAsync(TimeSpan patience, CancellationToken ct)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var settledReadings = 0;
        while (true)
        {
            if (HasWorkInHand && waited.Elapsed < patience)
            {
                settledReadings = 0;
                await Task.Delay(InHandInterval, ct);
                continue;
            }
            var reading = await ReadAsync(ct);
            settledReadings = reading.IsSettled ? settledReadings + 1 : 0;
            if (settledReadings == 2 || waited.Elapsed >= patience) return reading;
            await Task.Delay(ReadingInterval, ct);
        }
    }

    private bool HasWorkInHand =>
        background.Unfinished > 0 || tables.TimerWrites.Waiting > 0 || eventWorker.HasWorkInHand || commandWorker.HasWorkInHand;

    /// <remarks>Its reads go out at once: a caller waiting for the runtime to settle polls this often, and each poll's latency
    /// adds to the wait.</remarks>
    public async Task<LifecycleBacklogReading> ReadAsync(CancellationToken ct)
    {
        using var unmetered = meter.Unmetered();
        await tables.EnsureCreatedAsync(ct);
        var upTo = TableKeys.Ticks(time.GetUtcNow().AddTicks(1));
        var events = CountAsync(tables.Events.Queue, ct);
        var commands = CountAsync(tables.Commands.Queue, ct);
        var shards = await Task.WhenAll(tables.ShardPartitions.Select(partition => ReadShardAsync(partition, upTo, ct)));
        var nextTimerAt = shards.Select(shard => shard.NextTimerAt).Where(at => at is not null).Min();
        return new LifecycleBacklogReading(shards.Sum(shard => shard.DueTimers), await events, await commands, nextTimerAt,
            tables.TimerWrites.Waiting, background.Unfinished);
    }

    /// <summary>One read of the shard's earliest rows: those due, and, when none is (settled), the next. Timer row keys sort
    /// as their due instants. Issue 16: a caller waiting for the runtime to settle polls every shard, so a read fewer per
    /// shard is work the emulator is spared.</summary>
    private async Task<(int DueTimers, DateTimeOffset? NextTimerAt)> ReadShardAsync(string partition, string upTo, CancellationToken ct)
    {
        var deleting = tables.TimerWrites.DeletingIn(partition);
        var earliest = await EarliestRowKeysAsync(partition, ct);
        var due = earliest.Count(row => string.CompareOrdinal(row, upTo) < 0 && !deleting.Contains(row));
        // A full page of rows due or being deleted says only that the next timer is no earlier than its last.
        var next = earliest.FirstOrDefault(row => string.CompareOrdinal(row, upTo) >= 0 && !deleting.Contains(row))
            ?? (earliest.Count == DueTimersCountedPerShard ? earliest[^1] : null);
        return (due, next is null ? null : TableKeys.InstantOfTicks(next[..19]));
    }

    private async Task<IReadOnlyList<string>> EarliestRowKeysAsync(string partition, CancellationToken ct)
    {
        var query = tables.TimersIn(partition).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"),
            maxPerPage: DueTimersCountedPerShard, select: ["RowKey"], cancellationToken: ct);
        await foreach (var page in query.AsPages().WithCancellation(ct)) return [.. page.Values.Select(row => row.RowKey)];
        return [];
    }

    private static async Task<int> CountAsync(Azure.Storage.Queues.QueueClient queue, CancellationToken ct)
    {
        try
        {
            return (await queue.GetPropertiesAsync(ct)).Value.ApproximateMessagesCount;
        }
        catch (Azure.RequestFailedException e) when (e.Status == (int)System.Net.HttpStatusCode.NotFound)
        {
            return 0;
        }
    }
}
