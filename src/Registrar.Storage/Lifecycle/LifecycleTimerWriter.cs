using System.Net;
using Azure;
using Azure.Data.Tables;

namespace Registrar.Storage.Lifecycle;

/// <summary>Group commit for the timer table (issue 16: at most 2 storage transactions per event, 3 per timer).
/// Every decision that moves a wake-up writes one timer row and deletes another, and every fired timer is
/// deleted; rows of different instances share a shard partition, so the writes waiting at the same moment go
/// out as one entity group transaction per shard (up to 100 rows) instead of one request each. The caller
/// still awaits its own row: the engine writes a wake-up before the state that points at it. A delete no one
/// waits for (<see cref="DeleteLater"/>) waits up to <paramref name="deleteDelay"/> for the shard's next write
/// and goes out with it, so a decision's superseded wake-up and its dispatch marker do not cost transactions
/// of their own. A new row may go to any shard (<see cref="PlaceAsync"/>): the rows placed at the same moment go out
/// together to the next shard in turn, so the decisions of many instances share one transaction while the rows spread
/// over every shard's table.</summary>
public sealed class LifecycleTimerWriter(Func<string, TableClient> tableOfShard, IReadOnlyList<string> shardPartitions, TimeSpan deleteDelay)
{
    private const int MaxRowsPerTransaction = 100;

    private readonly Dictionary<string, ShardQueue> _shards = [];
    private readonly Dictionary<string, string> _earliestWritten = new(StringComparer.Ordinal);
    private readonly List<PendingPlacement> _unplaced = [];
    private bool _placing;
    private int _nextShard;

    /// <summary>Rows waiting to be committed that a caller waits for: the runtime has not settled while any does. A delete no
    /// one waits for is not counted: its row changes nothing meanwhile, as the sweep leaves it (<see cref="DeletingIn"/>).</summary>
    public int Waiting
    {
        get
        {
            // Placed rows move into a shard's queue under the placement lock: read first, a row on its way is counted at least once.
            int waiting;
            lock (_unplaced) waiting = _unplaced.Count;
            ShardQueue[] shards;
            lock (_shards) shards = [.. _shards.Values];
            foreach (var shard in shards)
            {
                lock (shard) waiting += shard.Waiting.Concat(shard.Committing).Count(write => write.Awaited);
            }
            return waiting;
        }
    }

    public Task UpsertAsync(TableEntity row, CancellationToken ct) =>
        Enqueue(new TableTransactionAction(TableTransactionActionType.UpsertReplace, row), soon: true, ct);

    /// <summary>Writes a new row to whichever shard the rows placed beside it go to, and sets its partition key to that
    /// shard's. Issue 16: hashed to a shard each, the wake-ups of one moment went out in a transaction per shard; placed,
    /// they share one whatever their instances, and the next round goes to the next shard, so the tables stay even.</summary>
    /// <returns>The partition the row was written to.</returns>
    public async Task<string> PlaceAsync(TableEntity row, CancellationToken ct)
    {
        var pending = new PendingPlacement(row);
        bool starts;
        lock (_unplaced)
        {
            _unplaced.Add(pending);
            starts = !_placing;
            _placing = true;
        }
        if (starts) _ = Task.Run(PlaceRoundsAsync, CancellationToken.None);
        await pending.Done.Task.WaitAsync(ct);
        return row.PartitionKey;
    }

    /// <summary>One round of placed rows at a time: what arrives while it commits waits, and goes out as the next round.</summary>
    private async Task PlaceRoundsAsync()
    {
        while (true)
        {
            List<PendingPlacement> round;
            Task[] writes;
            lock (_unplaced)
            {
                round = [.. _unplaced.Take(MaxRowsPerTransaction)];
                _unplaced.RemoveRange(0, round.Count);
                if (round.Count == 0)
                {
                    _placing = false;
                    return;
                }
                var shard = shardPartitions[_nextShard];
                _nextShard = (_nextShard + 1) % shardPartitions.Count;
                foreach (var pending in round) pending.Row.PartitionKey = shard;
                writes = Enqueue(shard, [.. round.Select(p => new TableTransactionAction(TableTransactionActionType.UpsertReplace, p.Row))], soon: true);
            }
            for (var i = 0; i < round.Count; i++)
            {
                try
                {
                    await writes[i];
                    round[i].Done.TrySetResult();
                }
                catch (Exception e)
                {
                    round[i].Done.TrySetException(e);
                }
            }
        }
    }

    /// <summary>Deletes a row; a row already gone, or rewritten since <paramref name="etag"/> was read, is left
    /// as it is (it is not this caller's to delete any more).</summary>
    public Task DeleteAsync(string partitionKey, string rowKey, ETag etag, CancellationToken ct) =>
        Enqueue(Delete(partitionKey, rowKey, etag), soon: true, ct);

    /// <summary>Deletes a row whose survival is harmless (a superseded wake-up, the marker of commands already
    /// sent: each is dropped or repeats an idempotent send when it falls due), without the caller waiting.</summary>
    public void DeleteLater(TableEntity row) =>
        _ = Enqueue(Delete(row.PartitionKey, row.RowKey, ETag.All), soon: false, CancellationToken.None)
            .ContinueWith(failed => _ = failed.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    /// <summary>The shard's rows whose delete waits or is being committed. Taken before the shard is read, it names every
    /// row read that is on its way out, even one whose delete goes out while the read runs.</summary>
    public IReadOnlySet<string> DeletingIn(string partitionKey)
    {
        ShardQueue? shard;
        lock (_shards) _shards.TryGetValue(partitionKey, out shard);
        if (shard is null) return new HashSet<string>();
        lock (shard)
            return shard.Waiting.Concat(shard.Committing)
                .Where(write => write.Action.ActionType == TableTransactionActionType.Delete)
                .Select(write => write.Action.Entity.RowKey)
                .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The least row key written (placed or upserted) in each shard since the last call, which forgets them. Row keys
    /// sort as their due instants: the sweep reads again only the shards a row due by now was written to.</summary>
    public IReadOnlyDictionary<string, string> TakeEarliestWritten()
    {
        lock (_earliestWritten)
        {
            var taken = new Dictionary<string, string>(_earliestWritten, StringComparer.Ordinal);
            _earliestWritten.Clear();
            return taken;
        }
    }

    /// <remarks>On every timer write: a plain loop, and the lock only when a row is written (a delete is not).</remarks>
    private void NoteWritten(string partitionKey, IReadOnlyList<TableTransactionAction> actions)
    {
        string? earliest = null;
        foreach (var action in actions)
        {
            if (action.ActionType != TableTransactionActionType.Delete
                && (earliest is null || string.CompareOrdinal(action.Entity.RowKey, earliest) < 0))
                earliest = action.Entity.RowKey;
        }
        if (earliest is null) return;
        lock (_earliestWritten)
        {
            if (!_earliestWritten.TryGetValue(partitionKey, out var known) || string.CompareOrdinal(earliest, known) < 0)
                _earliestWritten[partitionKey] = earliest;
        }
    }

    private static TableTransactionAction Delete(string partitionKey, string rowKey, ETag etag) =>
        new(TableTransactionActionType.Delete, new TableEntity(partitionKey, rowKey) { ETag = etag }, etag);

    /// <param name="soon">Flush at once; otherwise with the shard's next write, or after the delete delay.</param>
    private Task Enqueue(TableTransactionAction action, bool soon, CancellationToken ct) =>
        Enqueue(action.Entity.PartitionKey, [action], soon)[0].WaitAsync(ct);

    /// <summary>Adds the actions to the shard's queue at once, so they go out in one round.</summary>
    private Task[] Enqueue(string partitionKey, IReadOnlyList<TableTransactionAction> actions, bool soon)
    {
        ShardQueue shard;
        lock (_shards)
        {
            if (!_shards.TryGetValue(partitionKey, out shard!))
                _shards[partitionKey] = shard = new ShardQueue();
        }
        NoteWritten(partitionKey, actions);
        var pending = actions.Select(action => new PendingWrite(action, Awaited: soon)).ToList();
        bool flushes, schedules = false;
        lock (shard)
        {
            shard.Waiting.AddRange(pending);
            flushes = soon && !shard.Flushing;
            if (flushes) shard.Flushing = true;
            else if (!soon && !shard.Flushing && !shard.FlushScheduled) schedules = shard.FlushScheduled = true;
        }
        if (flushes) _ = Task.Run(() => FlushAsync(shard, delayPassed: false), CancellationToken.None);
        if (schedules) _ = FlushLaterAsync(shard);
        return [.. pending.Select(p => (Task)p.Done.Task)];
    }

    private async Task FlushLaterAsync(ShardQueue shard)
    {
        await Task.Delay(deleteDelay, CancellationToken.None);
        bool flushes;
        lock (shard)
        {
            shard.FlushScheduled = false;
            flushes = !shard.Flushing && shard.Waiting.Count > 0;
            if (flushes) shard.Flushing = true;
        }
        if (flushes) await FlushAsync(shard, delayPassed: true);
    }

    /// <summary>One flusher per shard at a time: each round takes what waits (one action per row, at most 100)
    /// and commits it; writes that arrive meanwhile wait for the next round. Deletes no one waits for go out with a
    /// write someone waits for, or once their delay has passed: a delete that arrives as the flusher finishes waits.</summary>
    private async Task FlushAsync(ShardQueue shard, bool delayPassed)
    {
        while (true)
        {
            List<PendingWrite> round;
            var schedules = false;
            lock (shard)
            {
                if (!delayPassed && !shard.Waiting.Exists(write => write.Awaited))
                {
                    if (shard.Waiting.Count > 0 && !shard.FlushScheduled) schedules = shard.FlushScheduled = true;
                    round = [];
                }
                else round = TakeRound(shard.Waiting);
                shard.Committing = round;
                if (round.Count == 0) shard.Flushing = false;
            }
            if (schedules) _ = FlushLaterAsync(shard);
            if (round.Count == 0) return;
            delayPassed = false;
            var failure = await CommitAsync(round);
            // Counted as committed before anyone waiting on the round carries on.
            lock (shard) shard.Committing = [];
            foreach (var write in round)
            {
                if (failure is null) write.Done.TrySetResult();
                else write.Done.TrySetException(failure);
            }
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

    /// <summary>Commits the round; a row that failed it alone is settled and taken out of the round. Returns what failed
    /// the rest, if anything.</summary>
    private async Task<Exception?> CommitAsync(List<PendingWrite> round)
    {
        while (round.Count > 0)
        {
            try
            {
                await tableOfShard(round[0].Action.Entity.PartitionKey).SubmitTransactionAsync(round.Select(w => w.Action), CancellationToken.None);
                return null;
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
                return e;
            }
        }
        return null;
    }

    private static bool IsGoneOrRewritten(PendingWrite write, RequestFailedException e) =>
        write.Action.ActionType == TableTransactionActionType.Delete
        && e.Status is (int)HttpStatusCode.NotFound or (int)HttpStatusCode.PreconditionFailed;

    private sealed class ShardQueue
    {
        public List<PendingWrite> Waiting { get; } = [];

        public bool Flushing { get; set; }

        public bool FlushScheduled { get; set; }

        /// <summary>The round being committed.</summary>
        public List<PendingWrite> Committing { get; set; } = [];
    }

    private sealed record PendingPlacement(TableEntity Row)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed record PendingWrite(TableTransactionAction Action, bool Awaited)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
