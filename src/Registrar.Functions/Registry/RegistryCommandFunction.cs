using Microsoft.Azure.Functions.Worker;
using Registrar.Api.Lifecycle;

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
    public Task Run([QueueTrigger(FunctionQueues.RegistryCommands)] string message, CancellationToken cancellationToken) =>
        handler.HandleAsync(FunctionQueues.RegistryCommandContract.Deserialize(message), cancellationToken);
}
