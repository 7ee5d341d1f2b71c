using Registrar.Storage.Queues;

namespace Registrar.Storage.Tests;

public sealed class WakeSignalTests
{
    private static readonly TimeSpan Forever = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task A_wake_ends_the_idle_wait_of_a_worker_that_took_the_signal_before_looking_for_work()
    {
        var signal = new WakeSignal();
        var woken = signal.Next;
        var idle = WakeSignal.IdleAsync(woken, Forever, TimeProvider.System, default);

        signal.Wake();

        await idle.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(idle.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task A_wake_before_the_signal_is_taken_does_not_end_the_next_wait()
    {
        var signal = new WakeSignal();
        signal.Wake();

        var idle = WakeSignal.IdleAsync(signal.Next, TimeSpan.FromMilliseconds(50), TimeProvider.System, default);

        Assert.False(idle.IsCompleted);
        await idle.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_stopping_worker_is_not_kept_waiting()
    {
        using var stop = new CancellationTokenSource();
        var idle = WakeSignal.IdleAsync(new WakeSignal().Next, Forever, TimeProvider.System, stop.Token);

        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => idle.WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
