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

/// <summary>Nothing is lost: a batch the command worker set aside unhandled (dequeued by processes that stopped each time, a crash
/// loop) is told to the decider command by command, as a command whose deliveries ran out is, under the same event ids, so a
/// command that failed on its last delivery as well is told once. The decider stalls or retries it and flags it for operations.</summary>
public sealed class LifecycleParkedCommandHandler<TState, TEvent, TCommand>(
    ILifecycleDecider<TState, TEvent, TCommand> decider, ILifecycleClient<TEvent> events)
    : IQueueMessageHandler<LifecycleCommandBatch<TCommand>>
{
    public const string Reason = "Its batch was set aside unhandled: every process that took it stopped before it was done.";

    public async Task HandleAsync(LifecycleCommandBatch<TCommand> batch, QueueMessageContext context, CancellationToken ct)
    {
        foreach (var command in batch.Commands)
            await events.SendAsync(batch.InstanceId, LifecycleBatches<TState, TEvent, TCommand>.FailedEventId(command.CommandId),
                decider.CommandFailed(command.Command, Reason), ct);
    }
}
