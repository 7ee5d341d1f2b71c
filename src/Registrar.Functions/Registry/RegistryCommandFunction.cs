using Microsoft.Azure.Functions.Worker;
using Registrar.Api.Lifecycle;
using Registrar.Storage.Queues;

namespace Registrar.Functions.Registry;

/// <summary>
/// Registry commands from the queue: each is executed through the EPP session pool and its answer raised
/// as the registration's next event (the shared handler does both, as in the local host). A message whose
/// retries ran out (host.json's maxDequeueCount) is moved to the poison queue by the host, where
/// <see cref="PoisonedRegistryCommandFunction"/> takes it.
/// </summary>
public sealed class RegistryCommandFunction(RegistrationCommandHandler handler)
{
    [Function("RunRegistryCommand")]
    public async Task Run([QueueTrigger(FunctionQueues.RegistryCommands)] string message, CancellationToken cancellationToken)
    {
        var command = FunctionQueues.RegistryCommandContract.Deserialize(message, out var sender);
        using var activity = QueueTelemetry.StartProcessing(FunctionQueues.RegistryCommands, null, null, sender);
        await handler.HandleAsync(command, cancellationToken);
    }
}
