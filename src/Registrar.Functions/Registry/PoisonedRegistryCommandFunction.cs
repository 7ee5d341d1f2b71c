using Microsoft.Azure.Functions.Worker;
using Registrar.Core.Lifecycle;
using Registrar.Core.Registrations;

namespace Registrar.Functions.Registry;

/// <summary>
/// A registry command that failed every delivery becomes a failure the registration's decider handles
/// (stalled, on the review list, retried by operations), so its orchestration does not wait for an
/// answer that will never come. The event id derives from the command id: a redelivered poison message
/// is applied once.
/// </summary>
public sealed class PoisonedRegistryCommandFunction(
    ILifecycleEvents<RegistrationEvent> registrations,
    ILifecycleDecider<RegistrationState, RegistrationEvent, RegistrationCommand> decider)
{
    [Function("FailPoisonedRegistryCommand")]
    public Task Run([QueueTrigger(FunctionQueues.RegistryCommandsPoison)] string message, CancellationToken cancellationToken)
    {
        var command = FunctionQueues.RegistryCommandContract.Deserialize(message);
        var failed = decider.CommandFailed(command, "the registry command failed every delivery and was moved to the poison queue");
        return registrations.RaiseAsync(command.RegistrationId, failed.EventId, failed, cancellationToken);
    }
}
