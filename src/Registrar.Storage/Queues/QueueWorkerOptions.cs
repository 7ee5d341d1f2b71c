namespace Registrar.Storage.Queues;

public sealed class QueueWorkerOptions
{
    /// <summary>How long a received message stays invisible to other receivers; renewed while handled.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Dequeues after which a message that still fails is moved to the poison queue.</summary>
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>Messages handled at the same time.</summary>
    public int MaxConcurrency { get; set; } = 16;

    /// <summary>The longest wait between polls of an empty queue (the wait doubles from 50 ms up to this).</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How soon a failed message is retried.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);
}
