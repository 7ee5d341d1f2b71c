using Registrar.Core.Lifecycle;
using Registrar.Storage.Queues;

namespace Registrar.Storage.Lifecycle;

/// <summary>Applies events from the event queue; a redelivered event is a duplicate and a no-op.</summary>
public sealed class LifecycleEventQueueHandler<TState, TEvent, TCommand>(LifecycleEngine<TState, TEvent, TCommand> engine)
    : IQueueMessageHandler<LifecycleEventMessage<TEvent>>
{
    public Task HandleAsync(LifecycleEventMessage<TEvent> message, QueueMessageContext context, CancellationToken ct) =>
        engine.ApplyAsync(message.InstanceId, message.EventId, message.Event, ct);
}

/// <summary>Carries out a queued batch of a decision's commands (see <see cref="LifecycleBatches{TState, TEvent, TCommand}"/>),
/// then the batches it led to, in the same delivery.</summary>
public sealed class LifecycleCommandQueueHandler<TState, TEvent, TCommand>(
    LifecycleBatches<TState, TEvent, TCommand> batches,
    LifecycleRuntimeOptions options)
    : IQueueMessageHandler<LifecycleCommandBatch<TCommand>>
{
    public async Task HandleAsync(LifecycleCommandBatch<TCommand> batch, QueueMessageContext context, CancellationToken ct)
    {
        using var followUps = LifecycleFollowUps<TCommand>.Begin(options.FollowUpsPerDelivery);
        try
        {
            await batches.CarryOutAsync(batch, lastDelivery: context.DequeueCount >= options.Commands.MaxDequeueCount, ct);
        }
        catch when (!ct.IsCancellationRequested)
        {
            // This batch is delivered again; what its first commands led to need not wait for that.
            await batches.QueueFollowUpsAsync(followUps, ct);
            throw;
        }
        await batches.CarryOutFollowUpsAsync(followUps, ct);
    }
}
