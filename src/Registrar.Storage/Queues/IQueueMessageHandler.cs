namespace Registrar.Storage.Queues;

/// <param name="MessageId">The queue's id for the message.</param>
/// <param name="DequeueCount">1 on the first delivery; higher when an earlier attempt failed or its host died.</param>
public sealed record QueueMessageContext(string MessageId, long DequeueCount);

/// <summary>Handles one message. Must be idempotent: queues deliver at least once.</summary>
public interface IQueueMessageHandler<in TMessage>
{
    Task HandleAsync(TMessage message, QueueMessageContext context, CancellationToken ct);
}
