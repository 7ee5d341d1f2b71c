using System.Collections.Concurrent;

namespace Registrar.Mail.Tests.Acs;

/// <summary>
/// A clock that moves only when the code under test waits: each timer fires at once and moves the
/// clock on by its due time. Polling then follows the service's Retry-After with no real waiting, the
/// max wait is reached after an exact number of polls whatever the machine's load, and the waits are
/// recorded for the assertions.
/// </summary>
internal sealed class InstantTimeProvider : TimeProvider
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
    private readonly ConcurrentQueue<TimeSpan> _waits = new();
    private long _elapsedTicks;

    public IReadOnlyList<TimeSpan> Waits => [.. _waits];

    public override DateTimeOffset GetUtcNow() => Start + TimeSpan.FromTicks(Interlocked.Read(ref _elapsedTicks));

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref _elapsedTicks);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (period != Timeout.InfiniteTimeSpan)
            throw new NotSupportedException("Only one-shot timers (Task.Delay) are expected here.");
        _waits.Enqueue(dueTime);
        Interlocked.Add(ref _elapsedTicks, dueTime.Ticks);
        // On the thread pool, as a real timer fires: never inside the caller's CreateTimer.
        ThreadPool.QueueUserWorkItem(_ => callback(state));
        return new FiredTimer();
    }

    private sealed class FiredTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
