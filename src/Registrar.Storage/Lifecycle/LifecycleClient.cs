using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Registrar.Storage.Lifecycle;

/// <summary>How the rest of the product talks to lifecycle instances. An instance starts with its first event
/// (from the decider's initial state).</summary>
public interface ILifecycleClient<TEvent>
{
    /// <param name="eventId">The event's natural key; sending the same id twice applies it once.</param>
    Task SendAsync(string instanceId, string eventId, TEvent @event, CancellationToken ct);
}

/// <summary>Puts events on the event queue, for the event worker to apply: what a process without the engine
/// (a tool, a test driving a host from outside) uses.</summary>
public sealed class LifecycleClient<TEvent, TCommand>(LifecycleTables<TEvent, TCommand> tables) : ILifecycleClient<TEvent>
{
    public Task SendAsync(string instanceId, string eventId, TEvent @event, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        return tables.Events.SendAsync(new LifecycleEventMessage<TEvent>(instanceId, eventId, @event), ct);
    }
}

/// <summary>Applies an event at once with this process's engine, which saves the event queue's three requests and
/// its polling delay on every event (a registry's answer, a payment); an event the engine could not apply (storage
/// unreachable, a conflict it gave up on, a decider failure) goes to the event queue instead, whose worker retries it
/// and finally parks it in the poison queue. The event id keeps both paths to one application. The commands the decision
/// takes are left to the worker applying it, if any (<see cref="LifecycleFollowUps{TCommand}"/>), else carried out in the
/// background of this process (<see cref="LifecycleBackgroundBatches{TState, TEvent, TCommand}"/>).</summary>
public sealed class ApplyingLifecycleClient<TState, TEvent, TCommand>(
    LifecycleEngine<TState, TEvent, TCommand> engine,
    LifecycleClient<TEvent, TCommand> queue,
    LifecycleBackgroundBatches<TState, TEvent, TCommand> background,
    IOptions<LifecycleRuntimeOptions> options,
    ILogger<ApplyingLifecycleClient<TState, TEvent, TCommand>> logger) : ILifecycleClient<TEvent>
{
    public async Task SendAsync(string instanceId, string eventId, TEvent @event, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        using var followUps = LifecycleFollowUps<TCommand>.IsCollecting ? null : LifecycleFollowUps<TCommand>.Begin(options.Value.FollowUpsPerDelivery);
        try
        {
            await engine.ApplyAsync(instanceId, eventId, @event, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "Event {EventId} of {InstanceId} could not be applied at once; it goes to the event queue.", eventId, instanceId);
            await queue.SendAsync(instanceId, eventId, @event, ct);
        }
        finally
        {
            if (followUps is not null) background.CarryOut(followUps);
        }
    }
}
