using Microsoft.Azure.Functions.Worker;
using Registrar.Api.Lifecycle;
using Registrar.Core.Registrations;
using Registrar.Storage.Lifecycle;
using Registrar.Storage.Queues;

namespace Registrar.Functions.Lifecycle;

/// <summary>An event whose deliveries ran out (host.json's maxDequeueCount) is moved to the poison queue by the host; from
/// there it goes before operations and back to <see cref="FunctionQueues.LifecycleEvents"/> to be delivered again later,
/// so a payment's event is never left where nothing reads it. One no reader here can read is kept for operations.</summary>
public sealed class PoisonedLifecycleEventFunction(
    PoisonedLifecycleEvents poisoned, QueueSender<LifecycleEventMessage<RegistrationEvent>> events, UnreadableMessages unreadable)
{
    [Function("RedeliverPoisonedLifecycleEvent")]
    public async Task Run([QueueTrigger(FunctionQueues.LifecycleEventsPoison)] string message, CancellationToken cancellationToken)
    {
        if (await unreadable.ReadOrKeepAsync(LifecycleEventMessage<RegistrationEvent>.Contract, FunctionQueues.LifecycleEventsPoison, message,
                cancellationToken) is { } delivery)
            await poisoned.HandleAsync(delivery, events, cancellationToken);
    }
}
