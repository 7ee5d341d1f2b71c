namespace Registrar.Core.Lifecycle;

/// <summary>
/// How the HTTP handlers and queue workers reach a lifecycle instance: the local runtime on Azure
/// Tables, or a Durable orchestration in Azure. Raising an event on an instance that does not exist
/// yet creates it from the decider's initial state; raising the same event id twice is a no-op.
/// </summary>
public interface ILifecycleEvents<in TEvent>
{
    Task RaiseAsync(string instanceId, string eventId, TEvent @event, CancellationToken cancellationToken);
}
