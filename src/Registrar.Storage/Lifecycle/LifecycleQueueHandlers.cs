using Registrar.Storage.Queues;

namespace Registrar.Storage.Lifecycle;

/// <summary>Applies events from the event queue; a redelivered event is a duplicate and a no-op.</summary>
public sealed class LifecycleEventQueueHandler<TState, TEvent, TCommand>(LifecycleEngine<TState, TEvent, TCommand> engine)
    : IQueueMessageHandler<LifecycleEventMessage<TEvent>>
{
    public Task HandleAsync(LifecycleEventMessage<TEvent> message, QueueMessageContext context, CancellationToken ct) =>
        engine.ApplyAsync(message.InstanceId, message.EventId, message.Event, ct);
}

/// <summary>Carries out a decision's commands in order. A failure leaves the message to be redelivered,
/// which repeats the commands before the failed one: handlers make that harmless by command id.</summary>
public sealed class LifecycleCommandQueueHandler<TCommand>(ILifecycleCommandHandler<TCommand> handler)
    : IQueueMessageHandler<LifecycleCommandBatch<TCommand>>
{
    public async Task HandleAsync(LifecycleCommandBatch<TCommand> batch, QueueMessageContext context, CancellationToken ct)
    {
        foreach (var command in batch.Commands)
            await handler.HandleAsync(new LifecycleCommandContext(batch.InstanceId, command.CommandId, batch.Sequence), command.Command, ct);
    }
}
