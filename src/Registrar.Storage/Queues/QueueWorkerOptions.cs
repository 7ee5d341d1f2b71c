namespace Registrar.Storage.Queues;

public sealed class QueueWorkerOptions
{
    /// <summary>How long a received message stays invisible to other receivers; renewed while handled.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Dequeues after which a message that still fails is moved to the poison queue.</summary>
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>Dequeues after which a message is moved to the poison queue before it is handled: one whose handling stops
    /// the process every time never fails in a way the worker sees. Far above <see cref="MaxDequeueCount"/>, because every
    /// process killed or stopped mid-work (a deploy, a scale-in, a host restarted on a busy machine) leaves each message it
    /// held dequeued once more with no failure: at 5, six restarts before a message was done parked a lifecycle's command
    /// where nothing reads it, and the lifecycle waited for it forever (the kill test, CI of 2026-12-05).</summary>
    public int MaxDequeueCountUnhandled { get; set; } = 25;

    /// <summary>Messages handled at the same time.</summary>
    public int MaxConcurrency { get; set; } = 16;

    /// <summary>The longest wait between polls of an empty queue (the wait doubles from 50 ms up to this).</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How soon a failed message is retried.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);
}
