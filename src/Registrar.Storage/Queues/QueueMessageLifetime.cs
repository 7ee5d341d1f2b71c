namespace Registrar.Storage.Queues;

/// <summary>How long a queued message is kept.</summary>
public static class QueueMessageLifetime
{
    /// <summary>Queue Storage deletes a message after 7 days unless told otherwise: a payment's event or a registry command
    /// waiting out an outage longer than that would be gone, with nothing left to raise it again. -1 s is "never expires".</summary>
    public static readonly TimeSpan Unlimited = TimeSpan.FromSeconds(-1);
}
