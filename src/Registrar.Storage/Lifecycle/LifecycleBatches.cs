using Microsoft.Extensions.Logging;
using Registrar.Core.Lifecycle;

namespace Registrar.Storage.Lifecycle;

/// <summary>Carries out decisions' command batches in order, for the command worker and for the timer sweep. A failure
/// leaves a queued batch to be redelivered, which repeats the commands before the failed one: handlers make that
/// harmless by command id. On the last delivery a command that still fails is handed to the decider as a failure event
/// and the rest go on, as a Durable orchestration does when an activity's retries run out: no command is silently lost.
/// The decisions a batch leads to (see <see cref="LifecycleFollowUps{TCommand}"/>) are carried out next by the same
/// caller; one that fails goes to the queue, where it gets every delivery of its own.</summary>
public sealed class LifecycleBatches<TState, TEvent, TCommand>(
    ILifecycleCommandHandler<TCommand> handler,
    ILifecycleDecider<TState, TEvent, TCommand> decider,
    ILifecycleClient<TEvent> events,
    LifecycleOutboxDispatcher<TEvent, TCommand> dispatcher,
    ILogger<LifecycleBatches<TState, TEvent, TCommand>> logger)
{
    public Task CarryOutAsync(LifecycleCommandBatch<TCommand> batch, bool lastDelivery, CancellationToken ct) =>
        CarryOutAsync(batch, lastDelivery, firstAttempt: false, ct);

    private async Task CarryOutAsync(LifecycleCommandBatch<TCommand> batch, bool lastDelivery, bool firstAttempt, CancellationToken ct)
    {
        foreach (var command in batch.Commands)
        {
            // A later decision taken here (a registry's answer applied in process) is carried out next or queued under its
            // dispatch marker: what it makes needless, such as a view it records anew, is not written twice (issue 16).
            if (LifecycleFollowUps<TCommand>.AnyWaiting(batch.InstanceId, later => decider.Supersedes(later, command.Command))) continue;
            try
            {
                await handler.HandleAsync(new LifecycleCommandContext(batch.InstanceId, command.CommandId, batch.Sequence, firstAttempt), command.Command, ct);
            }
            catch (Exception e) when (lastDelivery && !ct.IsCancellationRequested)
            {
                logger.LogError(e, "Command {CommandId} of {InstanceId} failed on every delivery; the decider is told.", command.CommandId, batch.InstanceId);
                await events.SendAsync(batch.InstanceId, FailedEventId(command.CommandId), decider.CommandFailed(command.Command, e.Message), ct);
            }
        }
    }

    /// <summary>The event that tells the decider a command failed for good: one, however many paths tell it.</summary>
    public static string FailedEventId(string commandId) => "failed:" + commandId;

    /// <summary>Carries out the batches <paramref name="followUps"/> took, and those they lead to, up to its limit.</summary>
    /// <returns>False when a batch without a dispatch marker (a timer's decision) was neither carried out nor queued: the
    /// caller keeps the timer row that fired, so the sweep sends it again.</returns>
    public async Task<bool> CarryOutFollowUpsAsync(LifecycleFollowUps<TCommand> followUps, CancellationToken ct)
    {
        var done = true;
        while (followUps.TryNext(out var next))
        {
            try
            {
                await CarryOutAsync(next.Batch, lastDelivery: false, firstAttempt: true, ct);
                dispatcher.CarriedOut(next);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                logger.LogWarning(e, "Commands {Sequence} of {InstanceId} failed after the step that led to them; they go to the queue.",
                    next.Batch.Sequence, next.Batch.InstanceId);
                done &= await dispatcher.TryDispatchAsync(next.Batch, next.Marker, ct) || next.Marker is not null;
            }
        }
        return done;
    }

    /// <summary>Queues the batches <paramref name="followUps"/> took, for a caller that cannot carry them out.</summary>
    public async Task QueueFollowUpsAsync(LifecycleFollowUps<TCommand> followUps, CancellationToken ct)
    {
        while (followUps.TryNext(out var next)) await dispatcher.TryDispatchAsync(next.Batch, next.Marker, ct);
    }
}
