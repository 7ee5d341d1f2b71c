using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Registrar.Core.Lifecycle;
using Registrar.Core.Registrations;
using Registrar.Orchestration.Lifecycle;
using Registrar.Storage.Lifecycle;
using Registrar.Storage.Queues;

namespace Registrar.Functions.Lifecycle;

/// <summary>
/// Delivers a queued event to its registration's orchestration. Only an event that starts a lifecycle
/// (the payment) creates the orchestration; any other event for an unknown registration is dropped, so
/// a stray or mistyped id never starts an eternal orchestration, and so is one for a lifecycle that has ended, its
/// orchestration purged or not.
/// At least once: the loop drops an event id it has already applied.
/// </summary>
public sealed class LifecycleEventDelivery(
    ILifecycleDecider<RegistrationState, RegistrationEvent, RegistrationCommand> decider, IRegistrationViews views,
    ILogger<LifecycleEventDelivery> logger)
{
    [Function("DeliverLifecycleEvent")]
    public async Task Run(
        [QueueTrigger(FunctionQueues.LifecycleEvents)] string message,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        var delivery = LifecycleEventMessage<RegistrationEvent>.Contract.Deserialize(message, out var sender);
        using var activity = QueueTelemetry.StartProcessing(FunctionQueues.LifecycleEvents, null, null, sender);
        await DeliverAsync(delivery, client, cancellationToken);
    }

    public async Task DeliverAsync(LifecycleEventMessage<RegistrationEvent> delivery, DurableTaskClient client, CancellationToken cancellationToken)
    {
        string instanceId = RegistrationInstanceId.For(delivery.InstanceId);
        var raised = new RaisedEvent<RegistrationEvent>(delivery.EventId, delivery.Event);

        OrchestrationMetadata? instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
        if (instance is null)
        {
            if (!decider.StartsInstance(delivery.Event))
            {
                logger.LogWarning("Event {EventId} dropped: registration {RegistrationId} has no lifecycle and {EventType} does not start one",
                    delivery.EventId, delivery.InstanceId, delivery.Event.GetType().Name);
                return;
            }
            if (await views.FindAsync(delivery.InstanceId, cancellationToken) is { } view)
            {
                DropOrKeepWithoutOrchestration(delivery, view);
                return;
            }
            // Two deliveries racing here: the second start fails, its message is retried, and by then the
            // instance exists, so the event is raised and dropped as already applied.
            // The version is set here as well as by host.json's defaultVersion, so an instance never starts unversioned.
            await client.ScheduleNewOrchestrationInstanceAsync(RegistrationOrchestrator.Name,
                LifecycleInput<RegistrationState, RegistrationEvent, RegistrationCommand>.Start(raised),
                new StartOrchestrationOptions(instanceId) { Version = LifecycleLoopOptions.OrchestrationVersion }, cancellationToken);
            return;
        }

        // Completed is the lifecycle's own end, the local engine's terminal state: nothing applies an event after it.
        if (instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed)
        {
            logger.LogWarning("Event {EventId} for registration {RegistrationId} dropped: its lifecycle ended",
                delivery.EventId, delivery.InstanceId);
            return;
        }

        // Failed or terminated is no decision of the lifecycle (the loop never fails by itself): the event is kept, retried
        // and then poisoned, which puts it before operations and delivers it again every 15 minutes until the
        // orchestration runs again. Ids only in the log and the exception: the event may carry personal data.
        if (instance.RuntimeStatus is OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated)
        {
            logger.LogWarning("Event {EventId} for registration {RegistrationId} kept: its orchestration is {Status}, not ended by its lifecycle",
                delivery.EventId, delivery.InstanceId, instance.RuntimeStatus);
            throw new LifecycleNotRunningException(
                $"Event {delivery.EventId} for orchestration {instanceId} kept for redelivery: the orchestration is {instance.RuntimeStatus}.");
        }

        await client.RaiseEventAsync(instanceId, LifecycleLoopOptions.EventName, raised, cancellationToken);
    }

    /// <summary>A registration's view outlives its orchestration, which the erasure purges once the lifecycle ended (UA-Pre-6):
    /// a payment applied late to its old order (a held payment, a recovered credit) must not register the domain again, and is
    /// dropped, as the local host's erased instance, kept terminal, drops it. A view of a live registration without its
    /// orchestration is no state the lifecycle leaves: the event is kept for operations, as for a terminated one.</summary>
    private void DropOrKeepWithoutOrchestration(LifecycleEventMessage<RegistrationEvent> delivery, RegistrationView view)
    {
        if (!view.Phase.HasEnded())
            throw new LifecycleNotRunningException(
                $"Event {delivery.EventId} for registration {delivery.InstanceId} kept for redelivery: it is {view.Phase} and has no orchestration.");
        logger.LogWarning("Event {EventId} for registration {RegistrationId} dropped: its lifecycle ended and its orchestration was purged",
            delivery.EventId, delivery.InstanceId);
    }
}

/// <summary>The event's orchestration failed or was terminated: the delivery fails so that the queue keeps the event.</summary>
public sealed class LifecycleNotRunningException(string message) : InvalidOperationException(message);
