using Registrar.Core.Lifecycle;
using Registrar.Core.Registrations;
using Registrar.Storage.Lifecycle;
using Registrar.Storage.Queues;

namespace Registrar.Functions.Lifecycle;

/// <summary>
/// The lifecycle-events port in Azure. Handlers that raise events (bank notifications, operations,
/// registry answers) are singletons without a Durable client, which only a function binding gives;
/// so the event is queued and <see cref="LifecycleEventDelivery"/> hands it to the orchestration.
/// </summary>
public sealed class QueuedLifecycleEvents(QueueSender<LifecycleEventMessage<RegistrationEvent>> queue) : ILifecycleEvents<RegistrationEvent>
{
    public Task RaiseAsync(string instanceId, string eventId, RegistrationEvent @event, CancellationToken cancellationToken) =>
        queue.SendAsync(new LifecycleEventMessage<RegistrationEvent>(instanceId, eventId, @event), cancellationToken);
}
