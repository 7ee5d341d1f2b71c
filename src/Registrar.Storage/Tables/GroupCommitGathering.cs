namespace Registrar.Storage.Tables;

/// <summary>
/// A commit delay, as PostgreSQL's <c>commit_delay</c> with <c>commit_siblings</c>: a partition's line that starts from idle
/// while at least <paramref name="siblings"/> other writers are in the middle of their work (<see cref="Writing"/>) waits
/// <paramref name="delay"/> before it takes its first round, so the writers finishing just behind it share its transaction
/// instead of each starting the next. Lifecycle decisions reach their lines in bursts (a timer round releasing its callers at
/// once), and in Azurite a transaction's fixed cost is about fourteen times a row's (issue 16). A lone writer never waits.
/// </summary>
/// <param name="timers">Wall time for the wait, never the business clock a development host moves.</param>
public sealed class GroupCommitGathering(TimeSpan delay, int siblings, TimeProvider timers)
{
    private int _writing;

    /// <summary>Counts a writer from the start of its work, before it submits anything, until disposed.</summary>
    public IDisposable Writing()
    {
        Interlocked.Increment(ref _writing);
        return new Writer(this);
    }

    public Task BeforeFirstRoundAsync() =>
        Volatile.Read(ref _writing) - 1 >= siblings && delay > TimeSpan.Zero ? Task.Delay(delay, timers) : Task.CompletedTask;

    private sealed class Writer(GroupCommitGathering gathering) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) Interlocked.Decrement(ref gathering._writing);
        }
    }
}
