using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Registrar.Core.Registrations;
using Registrar.Orchestration.Lifecycle;

namespace Registrar.Functions.Lifecycle;

/// <summary>
/// Delivers a queued event to its registration's orchestration, starting the orchestration with it
/// when there is none yet. At least once: the decider ignores an event it has already applied.
/// </summary>
public sealed class LifecycleEventDelivery(ILogger<LifecycleEventDelivery> logger)
{
    [Function("DeliverLifecycleEvent")]
    public async Task Run(
        [QueueTrigger(FunctionQueues.LifecycleEvents)] string message,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        LifecycleEventMessage delivery = FunctionQueues.LifecycleEventContract.Deserialize(message);
        string instanceId = RegistrationInstanceId.For(delivery.RegistrationId);

        OrchestrationMetadata? instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
        if (instance is null)
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                RegistrationOrchestrator.Name,
                LifecycleInput<RegistrationState, RegistrationEvent>.Start(delivery.Event),
                new StartOrchestrationOptions(instanceId),
                cancellationToken);
            return;
        }

        if (instance.IsCompleted)
        {
            logger.LogWarning("Event {EventId} for registration {RegistrationId} dropped: its lifecycle ended ({Status})",
                delivery.EventId, delivery.RegistrationId, instance.RuntimeStatus);
            return;
        }

        await client.RaiseEventAsync(instanceId, LifecycleLoopOptions.EventName, delivery.Event, cancellationToken);
    }
}
