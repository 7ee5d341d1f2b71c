using System.Net;
using Azure;
using Azure.Data.Tables;

namespace Registrar.Storage.Lifecycle;

/// <summary>Group commit for the timer table (issue 16: at most 2 storage transactions per event, 3 per timer).
/// Every decision that moves a wake-up writes one timer row and deletes another, and every fired timer is
/// deleted; rows of different instances share a shard partition, so the writes waiting at the same moment go
/// out as one entity group transaction per shard (up to 100 rows) instead of one request each. The caller
/// still awaits its own row: the engine writes a wake-up before the state that points at it.</summary>
public sealed class LifecycleTimerWriter
{
    private const int MaxRowsPerTransaction = 100;

    private readonly TableClient _timers;
    private readonly Dictionary<string, ShardQueue> _shards = [];

    public LifecycleTimerWriter(TableClient timers) => _timers = timers;

    public Task UpsertAsync(TableEntity row, CancellationToken ct) =>
        Enqueue(new TableTransactionAction(TableTransactionActionType.UpsertReplace, row), ct);

    /// <summary>Deletes a row; a row already gone, or rewritten since <paramref name="etag"/> was read, is left
    /// as it is (it is not this caller's to delete any more).</summary>
    public Task DeleteAsync(string partitionKey, string rowKey, ETag etag, CancellationToken ct) =>
        Enqueue(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partitionKey, rowKey) { ETag = etag }, etag), ct);

    /// <summary>Deletes a row whose survival is harmless (a superseded wake-up, the marker of commands already
    /// sent: each is dropped or repeats an idempotent send when it falls due), without the caller waiting.</summary>
    public void DeleteLater(TableEntity row) =>
        _ = DeleteAsync(row.PartitionKey, row.RowKey, ETag.All, CancellationToken.None)
            .ContinueWith(failed => _ = failed.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    private Task Enqueue(TableTransactionAction action, CancellationToken ct)
    {
        ShardQueue shard;
        lock (_shards)
        {
            if (!_shards.TryGetValue(action.Entity.PartitionKey, out shard!))
                _shards[action.Entity.PartitionKey] = shard = new ShardQueue();
        }
        var pending = new PendingWrite(action);
        bool flushes;
        lock (shard)
        {
            shard.Waiting.Add(pending);
            flushes = !shard.Flushing;
            shard.Flushing = true;
        }
        if (flushes) _ = Task.Run(() => FlushAsync(shard), CancellationToken.None);
        return pending.Done.Task.WaitAsync(ct);
    }

    /// <summary>One flusher per shard at a time: each round takes what waits (one action per row, at most 100)
    /// and commits it; writes that arrive meanwhile wait for the next round.</summary>
    private async Task FlushAsync(ShardQueue shard)
    {
        while (true)
        {
            List<PendingWrite> round;
            lock (shard)
            {
                round = TakeRound(shard.Waiting);
                if (round.Count == 0)
                {
                    shard.Flushing = false;
                    return;
                }
            }
            await CommitAsync(round);
        }
    }

    private static List<PendingWrite> TakeRound(List<PendingWrite> waiting)
    {
        var round = new List<PendingWrite>();
        var rows = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < waiting.Count && round.Count < MaxRowsPerTransaction; i++)
        {
            // A transaction may touch a row once; a second write of the same row waits for the next round.
            if (!rows.Add(waiting[i].Action.Entity.RowKey)) continue;
            round.Add(waiting[i]);
            waiting.RemoveAt(i--);
        }
        return round;
    }

    private async Task CommitAsync(List<PendingWrite> round)
    {
        while (round.Count > 0)
        {
            try
            {
                await _timers.SubmitTransactionAsync(round.Select(w => w.Action), CancellationToken.None);
                foreach (var write in round) write.Done.TrySetResult();
                return;
            }
            catch (TableTransactionFailedException e) when (e.FailedTransactionActionIndex is { } index && index < round.Count)
            {
                // One row failed the whole transaction: settle that row alone and commit the rest again.
                var failed = round[index];
                round.RemoveAt(index);
                if (IsGoneOrRewritten(failed, e)) failed.Done.TrySetResult();
                else failed.Done.TrySetException(e);
            }
            catch (Exception e)
            {
                foreach (var write in round) write.Done.TrySetException(e);
                return;
            }
        }
    }

    private static bool IsGoneOrRewritten(PendingWrite write, RequestFailedException e) =>
        write.Action.ActionType == TableTransactionActionType.Delete
        && e.Status is (int)HttpStatusCode.NotFound or (int)HttpStatusCode.PreconditionFailed;

    private sealed class ShardQueue
    {
        public List<PendingWrite> Waiting { get; } = [];

        public bool Flushing { get; set; }
    }

    private sealed record PendingWrite(TableTransactionAction Action)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
