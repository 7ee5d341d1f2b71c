using Microsoft.DurableTask.Client;
using Registrar.Core.Lifecycle;
using Registrar.Orchestration.Lifecycle;

namespace Registrar.Functions.Privacy;

/// <summary>
/// UA-Pre-6 in Azure: a registration's state, events and commands are its orchestration's history, which Durable keeps
/// until purged, and a purge removes only a finished instance. A registration whose view says it ended may still be running
/// (its decider ends it only once no failed command is left, and it records the view before it completes): its history is
/// then not erased, and the erasure stays due until the orchestration has finished.
/// </summary>
public sealed class PurgedOrchestrationHistory(DurableTaskClient client) : ILifecycleHistoryEraser
{
    public async Task<bool> EraseAsync(string instanceId, CancellationToken cancellationToken)
    {
        var orchestration = RegistrationInstanceId.For(instanceId);
        var instance = await client.GetInstanceAsync(orchestration, getInputsAndOutputs: false, cancellationToken);
        // No instance: never started, or purged by an earlier run that stopped before the rest was erased.
        if (instance is null) return true;
        if (instance.RuntimeStatus is not (OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated))
            return false;
        var purged = await client.PurgeInstanceAsync(orchestration, cancellation: cancellationToken);
        // Purged by a concurrent run between the read and the purge counts as done; anything else is tried again later.
        return purged.PurgedInstanceCount == 1
            || await client.GetInstanceAsync(orchestration, getInputsAndOutputs: false, cancellationToken) is null;
    }
}
