using Azure;
using Azure.Data.Tables;

namespace Registrar.Storage.Tables;

/// <summary>
/// Group commit for one busy partition (issue 16: operations' directory is one partition that every recorded view
/// writes). Transactions that wait at the same moment and touch different rows go out as one entity group transaction
/// of up to 100 rows; each caller still gets its own answers, or its own failure: when one caller's row fails the
/// transaction (an ETag that moved, a row that exists), that caller alone is failed, as <see cref="DocumentTable.SubmitAsync"/>
/// would have, and the others are committed again without it.
/// </summary>
public sealed class PartitionGroupCommit(DocumentTable table)
{
    private const int MaxRowsPerTransaction = 100;

    private readonly List<Pending> _waiting = [];
    private bool _flushing;

    public DocumentTable Table => table;

    public Task<IReadOnlyList<Response>> SubmitAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken ct)
    {
        if (actions.Count is 0 or > MaxRowsPerTransaction) return table.SubmitAsync(actions, ct);
        var pending = new Pending(actions);
        bool flushes;
        lock (_waiting)
        {
            _waiting.Add(pending);
            flushes = !_flushing;
            _flushing = true;
        }
        if (flushes) _ = Task.Run(FlushAsync, CancellationToken.None);
        return pending.Done.Task.WaitAsync(ct);
    }

    /// <summary>One flusher at a time: each round takes what waits and commits it; what arrives meanwhile waits for the next.</summary>
    private async Task FlushAsync()
    {
        while (true)
        {
            List<Pending> round;
            lock (_waiting)
            {
                round = TakeRound();
                if (round.Count == 0)
                {
                    _flushing = false;
                    return;
                }
            }
            await CommitAsync(round);
        }
    }

    private List<Pending> TakeRound()
    {
        var round = new List<Pending>();
        var rows = new HashSet<string>(StringComparer.Ordinal);
        var count = 0;
        for (var i = 0; i < _waiting.Count; i++)
        {
            var pending = _waiting[i];
            // A transaction may touch a row once, and one partition: a caller writing a row another in the round writes, or
            // another partition, waits for the next.
            if (count + pending.Actions.Count > MaxRowsPerTransaction || pending.Actions.Any(a => rows.Contains(a.Entity.RowKey))
                || (round.Count > 0 && pending.Actions[0].Entity.PartitionKey != round[0].Actions[0].Entity.PartitionKey)) continue;
            foreach (var action in pending.Actions) rows.Add(action.Entity.RowKey);
            count += pending.Actions.Count;
            round.Add(pending);
            _waiting.RemoveAt(i--);
        }
        return round;
    }

    private async Task CommitAsync(List<Pending> round)
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
            catch (Exception e) when (FailedIndex(e) is { } index && Owner(round, index) is { } owner)
            {
                round.Remove(owner);
                owner.Done.TrySetException(e);
            }
            catch (Exception e)
            {
                foreach (var pending in round) pending.Done.TrySetException(e);
                return;
            }
        }
    }

    private static int? FailedIndex(Exception e) =>
        (e as TableTransactionFailedException ?? e.InnerException as TableTransactionFailedException)?.FailedTransactionActionIndex;

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
    }
}
