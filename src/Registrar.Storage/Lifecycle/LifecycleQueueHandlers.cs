using Microsoft.Extensions.Logging;
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

/// <summary>Carries out a decision's commands in order. A failure leaves the message to be redelivered,
/// which repeats the commands before the failed one: handlers make that harmless by command id. On the
/// last delivery a command that still fails is handed to the decider as a failure event and the rest go
/// on, as a Durable orchestration does when an activity's retries run out: no command is silently lost.
/// The decisions its commands lead to (see <see cref="LifecycleFollowUps{TCommand}"/>) are carried out next in
/// the same delivery; one that fails goes to the queue, where it gets every delivery of its own.</summary>
public sealed class LifecycleCommandQueueHandler<TState, TEvent, TCommand>(
    ILifecycleCommandHandler<TCommand> handler,
    ILifecycleDecider<TState, TEvent, TCommand> decider,
    ILifecycleClient<TEvent> events,
    LifecycleOutboxDispatcher<TEvent, TCommand> dispatcher,
    LifecycleRuntimeOptions options,
    ILogger logger)
    : IQueueMessageHandler<LifecycleCommandBatch<TCommand>>
{
    public async Task HandleAsync(LifecycleCommandBatch<TCommand> batch, QueueMessageContext context, CancellationToken ct)
    {
        using var followUps = LifecycleFollowUps<TCommand>.Begin(options.FollowUpsPerDelivery);
        try
        {
            await CarryOutAsync(batch, lastDelivery: context.DequeueCount >= options.Commands.MaxDequeueCount, ct);
        }
        catch when (!ct.IsCancellationRequested)
        {
            // This batch is delivered again; what its first commands led to need not wait for that.
            while (followUps.TryNext(out var next)) await dispatcher.TryDispatchAsync(next.Batch, next.Marker, ct);
            throw;
        }
        while (followUps.TryNext(out var next))
        {
            try
            {
                await CarryOutAsync(next.Batch, lastDelivery: false, ct);
                dispatcher.CarriedOut(next);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                logger.LogWarning(e, "Commands {Sequence} of {InstanceId} failed after the batch that led to them; they go to the queue.",
                    next.Batch.Sequence, next.Batch.InstanceId);
                await dispatcher.TryDispatchAsync(next.Batch, next.Marker, ct);
            }
        }
    }

    private async Task CarryOutAsync(LifecycleCommandBatch<TCommand> batch, bool lastDelivery, CancellationToken ct)
    {
        foreach (var command in batch.Commands)
        {
            try
            {
                await handler.HandleAsync(new LifecycleCommandContext(batch.InstanceId, command.CommandId, batch.Sequence), command.Command, ct);
            }
            catch (Exception e) when (lastDelivery && !ct.IsCancellationRequested)
            {
                logger.LogError(e, "Command {CommandId} of {InstanceId} failed on every delivery; the decider is told.", command.CommandId, batch.InstanceId);
                await events.SendAsync(batch.InstanceId, "failed:" + command.CommandId, decider.CommandFailed(command.Command, e.Message), ct);
            }
        }
    }
}
