using Microsoft.Azure.Functions.Worker;
using Registrar.Core.Lifecycle;
using Registrar.Core.Registrations;
using Registrar.Storage.Queues;

namespace Registrar.Functions.Registry;

/// <summary>
/// A registry command that failed every delivery becomes a failure the registration's decider handles
/// (stalled, on the review list, retried by operations), so its orchestration does not wait for an
/// answer that will never come. The event id derives from the command id: a redelivered poison message
/// is applied once. One no reader here can read is kept for operations.
/// </summary>
public sealed class PoisonedRegistryCommandFunction(
    ILifecycleEvents<RegistrationEvent> registrations,
    ILifecycleDecider<RegistrationState, RegistrationEvent, RegistrationCommand> decider,
    UnreadableMessages unreadable)
{
    [Function("FailPoisonedRegistryCommand")]
    public async Task Run([QueueTrigger(FunctionQueues.RegistryCommandsPoison)] string message, CancellationToken cancellationToken)
    {
        if (await unreadable.ReadOrKeepAsync(FunctionQueues.RegistryCommandContract, FunctionQueues.RegistryCommandsPoison, message, cancellationToken)
            is not { } command)
            return;
        var failed = decider.CommandFailed(command, "the registry command failed every delivery and was moved to the poison queue");
        await registrations.RaiseAsync(command.RegistrationId, failed.EventId, failed, cancellationToken);
    }
}
