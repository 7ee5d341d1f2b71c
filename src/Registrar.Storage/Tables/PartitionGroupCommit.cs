using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;

namespace Registrar.Storage.Tables;

/// <summary>
/// Group commit for busy partitions (issue 16: operations' directory is one partition that every recorded view writes;
/// lifecycle instances and payments share a few). Transactions that wait for one partition at the same moment and touch
/// different rows go out as one entity group transaction of up to 100 rows; each caller still gets its own answers, or its
/// own failure: when one caller's row fails the transaction (an ETag that moved, a row that exists), that caller alone is
/// failed, as <see cref="DocumentTable.SubmitAsync"/> would have, and the others are committed again without it.
/// Each partition has its own line, so partitions commit side by side; a line that runs empty is dropped, so a table of a
/// partition per key (nothing to share) keeps no line per key it ever wrote. With <paramref name="gathering"/>, a line starting
/// while its writers are busy waits a moment for the callers just behind.
/// </summary>
public sealed class PartitionGroupCommit(DocumentTable table, GroupCommitGathering? gathering = null)
{
    private const int MaxRowsPerTransaction = 100;

    /// <summary>Azure refuses a transaction over 4 MiB. A round stays below 3 MiB, counting each character as the six bytes
    /// of a JSON <c>\uXXXX</c> escape (non-ASCII text is sent so), so rows of large states still go together safely.</summary>
    private const long MaxRoundBytes = 3L * 1024 * 1024;

    private readonly ConcurrentDictionary<string, GroupCommitLine<Pending>> _lines = new(StringComparer.Ordinal);

    public DocumentTable Table => table;

    public Task<IReadOnlyList<Response>> SubmitAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken ct)
    {
        if (actions.Count is 0 or > MaxRowsPerTransaction) return table.SubmitAsync(actions, ct);
        var pending = new Pending(actions);
        _lines.GetOrAdd(actions[0].Entity.PartitionKey, NewLine).Add(pending);
        return pending.Done.Task.WaitAsync(ct);
    }

    /// <summary><see cref="DocumentTable.InsertAsync{T}"/>, committed with what waits beside it.</summary>
    public async Task<Stored<T>> InsertAsync<T>(string partitionKey, string rowKey, T document, IReadOnlyDictionary<string, object?>? columns,
        CancellationToken ct)
    {
        var answers = await SubmitAsync([new(TableTransactionActionType.Add, DocumentTable.Entity(partitionKey, rowKey, document, columns))], ct);
        return new Stored<T>(partitionKey, rowKey, document, answers[0].Headers.ETag ?? default);
    }

    /// <summary><see cref="DocumentTable.UpdateAsync{T}"/>, committed with what waits beside it.</summary>
    public async Task<Stored<T>> UpdateAsync<T>(Stored<T> current, T document, IReadOnlyDictionary<string, object?>? columns, CancellationToken ct)
    {
        var entity = DocumentTable.Entity(current.PartitionKey, current.RowKey, document, columns);
        var answers = await SubmitAsync([new(TableTransactionActionType.UpdateMerge, entity, current.ETag)], ct);
        return current with { Document = document, ETag = answers[0].Headers.ETag ?? default };
    }

    private GroupCommitLine<Pending> NewLine(string partition)
    {
        GroupCommitLine<Pending>? line = null;
        // A caller that took the line just as it ran empty starts it again, though it may be dropped: at worst a second line
        // for the partition commits beside it, as callers without a group commit would.
        line = new(TakeRound, round => CommitAsync(table, round), (waiting, e) => waiting.Done.TrySetException(e),
            idle: () => _lines.TryRemove(new KeyValuePair<string, GroupCommitLine<Pending>>(partition, line!)),
            gather: gathering is null ? null : gathering.BeforeFirstRoundAsync);
        return line;
    }

    private static List<Pending> TakeRound(List<Pending> waiting)
    {
        var round = new List<Pending>();
        var rows = new HashSet<string>(StringComparer.Ordinal);
        var count = 0;
        var bytes = 0L;
        for (var i = 0; i < waiting.Count; i++)
        {
            var pending = waiting[i];
            // A transaction may touch a row once: a caller writing a row another in the round writes waits for the next.
            if (count + pending.Actions.Count > MaxRowsPerTransaction || (round.Count > 0 && bytes + pending.Bytes > MaxRoundBytes)
                || pending.Actions.Any(a => rows.Contains(a.Entity.RowKey))) continue;
            foreach (var action in pending.Actions) rows.Add(action.Entity.RowKey);
            count += pending.Actions.Count;
            bytes += pending.Bytes;
            round.Add(pending);
            waiting.RemoveAt(i--);
        }
        return round;
    }

    /// <summary>Commits the round; a caller whose row failed it alone leaves it, and the rest are committed again. Any other
    /// failure is the whole round's (<see cref="GroupCommitLine{T}"/>).</summary>
    private static async Task CommitAsync(DocumentTable table, List<Pending> round)
    {
        while (round.Count > 0)
        {
            try
            {
                var answers = await table.SubmitAsync([.. round.SelectMany(p => p.Actions)], CancellationToken.None);
                var first = 0;
                foreach (var pending in round)
                {
                    pending.Done.TrySetResult([.. answers.Skip(first).Take(pending.Actions.Count)]);
                    first += pending.Actions.Count;
                }
                return;
            }
            catch (Exception e) when (DocumentTable.FailedActionIndex(e) is { } index && Owner(round, index) is { } owner)
            {
                round.Remove(owner);
                owner.Done.TrySetException(e);
            }
        }
    }

    private static Pending? Owner(List<Pending> round, int index)
    {
        foreach (var pending in round)
        {
            if (index < pending.Actions.Count) return pending;
            index -= pending.Actions.Count;
        }
        return null;
    }

    private sealed record Pending(IReadOnlyList<TableTransactionAction> Actions)
    {
        public TaskCompletionSource<IReadOnlyList<Response>> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>An upper bound of the JSON the actions take in a transaction's body, with room for each part's headers.
        /// An entity of another type than <see cref="TableEntity"/> cannot be measured, and goes alone.</summary>
        public long Bytes { get; } = Actions.Sum(action => action.Entity is TableEntity entity
            ? 1024 + entity.Sum(column => JsonBytes(column.Key, column.Value))
            : MaxRoundBytes);

        private static long JsonBytes(string name, object? value) => 6L * name.Length + 64 + (value is string text ? 6L * text.Length : 64);
    }
}
