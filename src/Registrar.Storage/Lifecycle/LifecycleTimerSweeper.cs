using System.Collections.Concurrent;
using Azure.Data.Tables;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Registrar.Storage.Queues;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Lifecycle;

/// <summary>Fires due timers: every <see cref="LifecycleRuntimeOptions.SweepInterval"/> it reads each
/// timer shard up to "now" on the injected clock (one range query per shard, however far the clock was
/// advanced), applies a TimerDue event per row, and deletes the row. A crash before the delete fires the
/// same timer again, which is a duplicate event id and so a no-op. The commands a timer's decision takes are
/// carried out here, in process, as a command worker carries out follow-ups (issue 16: no trip through the command
/// queue for a reminder); one that fails goes to the queue. Dispatch markers due are handed to the dispatcher, which
/// sends their commands again.</summary>
public sealed class LifecycleTimerSweeper<TState, TEvent, TCommand>(
    LifecycleEngine<TState, TEvent, TCommand> engine,
    LifecycleTables<TEvent, TCommand> tables,
    LifecycleOutboxDispatcher<TEvent, TCommand> dispatcher,
    LifecycleBatches<TState, TEvent, TCommand> batches,
    LifecycleTimerShards<TEvent, TCommand> shards,
    IOptions<LifecycleRuntimeOptions> options,
    LifecycleSweepSignal signal,
    TimeProvider time,
    ILogger<LifecycleTimerSweeper<TState, TEvent, TCommand>> logger) : BackgroundService
{
    private const int RowsPerShardPerPass = 1000;

    private readonly EnsureOnce _retiredShardsMoved = new(shards.MoveRetiredAsync);

    /// <summary>Rows found stale, by shard and row key, with the sweep that first found them so. The engine writes a wake-up's
    /// row before the transaction of the decision that sets it, so a sweep in between finds the row stale; deleted then, the
    /// wake-up would be lost. A row is deleted when a later sweep (at least <see cref="LifecycleRuntimeOptions.SweepInterval"/>
    /// on) finds it stale again; one no sweep has seen for a hundred is forgotten (deleted meanwhile by another).</summary>
    private readonly ConcurrentDictionary<(string Shard, string Row), long> _staleSince = new();
    private long _sweeps;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var woken = signal.Wake.Next;
                await SweepAsync(stoppingToken);
                await WakeSignal.IdleAsync(woken, options.Value.SweepInterval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Timer sweep failed; trying again in {Interval}.", options.Value.SweepInterval);
                await Task.Delay(options.Value.SweepInterval, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Fires every timer due now; returns how many fired.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        await tables.EnsureCreatedAsync(ct);
        await _retiredShardsMoved.RunAsync(ct);
        var sweep = Interlocked.Increment(ref _sweeps);
        foreach (var (row, since) in _staleSince)
            if (since < sweep - 100) _staleSince.TryRemove(row, out _);
        var fired = 0;
        var layout = await tables.LayoutAsync(ct);
        // Every shard is read on the first pass: the clock may have brought any row due.
        tables.TimerWrites.TakeEarliestWritten();
        IEnumerable<string> toRead = tables.ShardPartitions;
        while (true)
        {
            // The shards' reads go out at once: a pass waits for the slowest rather than their sum.
            var upTo = DueBy(time.GetUtcNow());
            var pages = await Task.WhenAll(toRead.Select(partition => ReadDueAsync(partition, upTo, ct)));
            // Every row read is due: fired partition by partition, the decisions that run side by side share their
            // partition's transactions (issue 16: a shard holds the wake-ups of every partition).
            var due = pages.SelectMany(page => page.Due)
                .OrderBy(row => layout.Partition(row.GetString("InstanceId")), StringComparer.Ordinal).ToList();
            if (due.Count == 0) return fired;
            var firedThisPass = 0;
            await Parallel.ForEachAsync(due,
                new ParallelOptions { MaxDegreeOfParallelism = options.Value.TimerConcurrency, CancellationToken = ct },
                async (timer, token) =>
                {
                    if (await FireAsync(timer, sweep, token)) Interlocked.Increment(ref firedThisPass);
                });
            fired += firedThisPass;
            if (firedThisPass == 0) return fired;
            // Read again: the shards with rows beyond the page read, and those a wake-up due by now was written to meanwhile
            // (one a fired decision set, in whichever shard it was placed). Issue 16: the other shards are not read for
            // nothing, so more shards, whose smaller tables the emulator deletes fired rows from faster, cost no more reads.
            var dueNow = DueBy(time.GetUtcNow());
            var writtenDue = tables.TimerWrites.TakeEarliestWritten()
                .Where(written => string.CompareOrdinal(written.Value, dueNow) < 0).Select(written => written.Key);
            toRead = pages.Where(page => page.HasMore).Select(page => page.Partition).Union(writtenDue).ToList();
            if (!toRead.Any()) return fired;
        }
    }

    /// <summary>Row keys start with the due ticks, so "due by now" is every key below the next tick.</summary>
    private static string DueBy(DateTimeOffset now) => TableKeys.Ticks(now.AddTicks(1));

    private sealed record DuePage(string Partition, IReadOnlyList<TableEntity> Due, bool HasMore);

    private async Task<DuePage> ReadDueAsync(string partition, string upTo, CancellationToken ct)
    {
        // A superseded wake-up or a marker of commands already sent may still wait for its delete to go out.
        var deleting = tables.TimerWrites.DeletingIn(partition);
        var query = tables.TimersIn(partition).QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey lt {upTo}"),
            maxPerPage: RowsPerShardPerPass, cancellationToken: ct);
        await foreach (var page in query.AsPages().WithCancellation(ct))
            return new(partition, [.. page.Values.Where(row => !deleting.Contains(row.RowKey))], page.ContinuationToken is not null);
        return new(partition, [], false);
    }

    private async Task<bool> FireAsync(TableEntity timer, long sweep, CancellationToken ct)
    {
        if (LifecycleTables<TEvent, TCommand>.IsDispatchMarker(timer)) return await RedispatchAsync(timer, ct);
        var instanceId = timer.GetString("InstanceId");
        var dueAt = TableKeys.InstantOfTicks(timer.RowKey[..19]);
        using var followUps = LifecycleFollowUps<TCommand>.Begin(options.Value.FollowUpsPerDelivery);
        try
        {
            var outcome = await engine.FireTimerAsync(instanceId, dueAt, ct);
            if (outcome == LifecycleApplyOutcome.StaleTimer && _staleSince.GetOrAdd((timer.PartitionKey, timer.RowKey), sweep) == sweep) return false;
            _staleSince.TryRemove((timer.PartitionKey, timer.RowKey), out _);
            // The row stands for its decision's dispatch marker: found again after that decision was stored, it sends the
            // decision's commands again, since they may never have gone out.
            if (outcome is LifecycleApplyOutcome.StaleTimer or LifecycleApplyOutcome.Terminal or LifecycleApplyOutcome.Duplicate
                && !await dispatcher.RedispatchTimerDecisionAsync(instanceId, LifecycleTables<TEvent, TCommand>.TimerEventId(dueAt), ct))
                return false;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "Timer of {InstanceId} due {DueAt} did not fire; the next sweep retries it.", instanceId, dueAt);
            await batches.QueueFollowUpsAsync(followUps, ct);
            return false;
        }
        if (!await batches.CarryOutFollowUpsAsync(followUps, ct)) return false;
        // Deleted only now, so the backlog counts the timer until what it led to is done. Deleted by the engine
        // (superseded) or rewritten meanwhile, the row is left alone: not ours to delete. Not waited for: the sweep fires
        // its next timer meanwhile, so more decisions share each transaction, and the delete is counted as a waiting write
        // (the runtime has not settled) until it is committed; one that fails leaves the row for the next sweep to find.
        _ = tables.TimerWrites.DeleteAsync(timer.PartitionKey, timer.RowKey, timer.ETag, CancellationToken.None)
            .ContinueWith(delete => logger.LogWarning(delete.Exception, "Fired timer {Row} was not deleted; the next sweep finds it again.", timer.RowKey),
                CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return true;
    }

    private async Task<bool> RedispatchAsync(TableEntity marker, CancellationToken ct)
    {
        try
        {
            return await dispatcher.RedispatchAsync(marker, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "Commands {Sequence} of {InstanceId} were not sent again; the next sweep retries.",
                marker.GetInt64("Sequence"), marker.GetString("InstanceId"));
            return false;
        }
    }
}
