namespace Registrar.Storage.Tables;

/// <summary>
/// The waiting line of a group commit: what callers add waits for one flusher, which takes a round at a time (what
/// <paramref name="takeRound"/> removes from the line, in order) and commits it while the next callers line up. A round
/// whose commit throws fails every caller still in it, and the flusher goes on, so no caller after it waits for ever.
/// <paramref name="idle"/>, if given, is called each time the line runs empty; <paramref name="gather"/>, if given, is awaited
/// each time the line starts from empty, before its first round is taken (<see cref="GroupCommitGathering"/>).
/// </summary>
public sealed class GroupCommitLine<T>(Func<List<T>, List<T>> takeRound, Func<List<T>, Task> commit, Action<T, Exception> fail,
    Action? idle = null, Func<Task>? gather = null)
{
    private readonly List<T> _waiting = [];
    private bool _flushing;

    public void Add(T item)
    {
        bool flushes;
        lock (_waiting)
        {
            _waiting.Add(item);
            flushes = !_flushing;
            _flushing = true;
        }
        if (flushes) _ = Task.Run(FlushAsync, CancellationToken.None);
    }

    private async Task FlushAsync()
    {
        if (gather is not null) await gather();
        while (true)
        {
            List<T> round;
            lock (_waiting)
            {
                round = takeRound(_waiting);
                if (round.Count == 0) _flushing = false;
            }
            if (round.Count == 0)
            {
                idle?.Invoke();
                return;
            }
            try
            {
                await commit(round);
            }
            catch (Exception e)
            {
                foreach (var item in round) fail(item, e);
            }
        }
    }
}
