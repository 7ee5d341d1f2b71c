namespace Registrar.Storage.Queues;

/// <summary>Ends an idle wait early. A worker polling storage backs off while there is nothing to do; when work
/// it would otherwise find only on its next poll is made in the same process (a message sent to its queue, the
/// development clock moved past due timers), the maker wakes it, so one hop costs a storage round trip instead
/// of a poll interval. Another process's work is still found by polling.</summary>
public sealed class WakeSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Wake() => Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Completes at the first <see cref="Wake"/> after this call; take it before looking for work, so a
    /// wake during the look is not missed.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    /// <summary>Waits <paramref name="interval"/> on <paramref name="time"/>, or less if <paramref name="woken"/> completes first.</summary>
    public static async Task IdleAsync(Task woken, TimeSpan interval, TimeProvider time, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var delay = Task.Delay(interval, time, stop.Token);
        await Task.WhenAny(delay, woken);
        await stop.CancelAsync();
        ct.ThrowIfCancellationRequested();
    }
}
