using Azure.Storage.Queues;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Queues;

/// <summary>Puts versioned JSON messages on one queue, creating it on first use, and wakes this process's worker of
/// that queue.</summary>
public sealed class QueueSender<TMessage>(QueueClient queue, MessageContract<TMessage> contract)
{
    private readonly EnsureOnce _created = new(ct => queue.CreateIfNotExistsAsync(cancellationToken: ct));

    public QueueClient Queue => queue;

    public WakeSignal Sent { get; } = new();

    public Task SendAsync(TMessage message, CancellationToken ct) => SendAsync(message, null, ct);

    /// <param name="visibleAfter">Delivered no sooner than this (a retry that waits); null: at once.</param>
    public async Task SendAsync(TMessage message, TimeSpan? visibleAfter, CancellationToken ct)
    {
        await _created.RunAsync(ct);
        await queue.SendMessageAsync(contract.Serialize(message), visibleAfter, QueueMessageLifetime.Unlimited, ct);
        if (visibleAfter is null) Sent.Wake();
    }
}
