namespace Registrar.Storage.Lifecycle;

/// <summary>How the rest of the product talks to lifecycle instances: events go through the event queue.
/// An instance starts with its first event (from the decider's initial state).</summary>
public interface ILifecycleClient<TEvent>
{
    /// <param name="eventId">The event's natural key; sending the same id twice applies it once.</param>
    Task SendAsync(string instanceId, string eventId, TEvent @event, CancellationToken ct);
}

public sealed class LifecycleClient<TEvent, TCommand>(LifecycleTables<TEvent, TCommand> tables) : ILifecycleClient<TEvent>
{
    public Task SendAsync(string instanceId, string eventId, TEvent @event, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        return tables.Events.SendAsync(new LifecycleEventMessage<TEvent>(instanceId, eventId, @event), ct);
    }
}
