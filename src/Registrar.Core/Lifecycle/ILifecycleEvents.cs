namespace Registrar.Core.Lifecycle;

/// <summary>
/// How the HTTP handlers and queue workers reach a lifecycle instance: the local runtime on Azure
/// Tables, or a Durable orchestration in Azure. An event that starts an instance
/// (<see cref="ILifecycleDecider{TState, TEvent, TCommand}.StartsInstance"/>) creates it from the decider's
/// initial state; any other event for an unknown instance is dropped; raising the same event id twice is a no-op.
/// </summary>
public interface ILifecycleEvents<in TEvent>
{
    Task RaiseAsync(string instanceId, string eventId, TEvent @event, CancellationToken cancellationToken);
}
