using Microsoft.DurableTask.Client;
using Registrar.Core.Lifecycle;
using Registrar.Orchestration.Lifecycle;

namespace Registrar.Functions.Privacy;

/// <summary>UA-Pre-6 in Azure: a registration's state, events and commands are its orchestration's history, which Durable
/// keeps until purged. A registration erased has ended, so its orchestration has completed and its history can go whole.</summary>
public sealed class PurgedOrchestrationHistory(DurableTaskClient client) : ILifecycleHistoryEraser
{
    public Task EraseAsync(string instanceId, CancellationToken cancellationToken) =>
        client.PurgeInstanceAsync(RegistrationInstanceId.For(instanceId), cancellation: cancellationToken);
}
