using Microsoft.Azure.Functions.Worker;
using Registrar.Api.Lifecycle;
using Registrar.Core.Lifecycle;
using Registrar.Core.Registrations;

namespace Registrar.Functions.Registry;

/// <summary>
/// Registry commands from the queue: each is executed through the EPP session pool and its answer raised
/// as the registration's next event (the shared handler does both, as in the local host). A message whose
/// retries ran out (host.json's maxDequeueCount) is moved to the poison queue by the host; it becomes a
/// failure the registration's decider handles (stalled, on the review list), so the orchestration does
/// not wait for an answer that will never come.
/// </summary>
public sealed class RegistryCommandFunction(
    RegistrationCommandHandler handler,
    ILifecycleEvents<RegistrationEvent> registrations,
    ILifecycleDecider<RegistrationState, RegistrationEvent, RegistrationCommand> decider)
{
    [Function("RunRegistryCommand")]
    public Task Run([QueueTrigger(FunctionQueues.RegistryCommands)] string message, CancellationToken cancellationToken) =>
        handler.HandleAsync(FunctionQueues.RegistryCommandContract.Deserialize(message), cancellationToken);

    [Function("FailPoisonedRegistryCommand")]
    public Task Poisoned([QueueTrigger(FunctionQueues.RegistryCommandsPoison)] string message, CancellationToken cancellationToken)
    {
        var command = FunctionQueues.RegistryCommandContract.Deserialize(message);
        var failed = decider.CommandFailed(command, "the registry command failed every delivery and was moved to the poison queue");
        return registrations.RaiseAsync(command.RegistrationId, failed.EventId, failed, cancellationToken);
    }
}
