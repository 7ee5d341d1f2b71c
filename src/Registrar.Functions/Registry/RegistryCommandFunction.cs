using Microsoft.Azure.Functions.Worker;
using Registrar.Api.Lifecycle;

namespace Registrar.Functions.Registry;

/// <summary>
/// Executes a queued registry command through the EPP client's session pool and raises the answer
/// as the registration's next event (the shared handler does both, as in the local host). A message
/// that keeps failing goes to registry-commands-poison after host.json's maxDequeueCount.
/// </summary>
public sealed class RegistryCommandFunction(RegistrationCommandHandler handler)
{
    [Function("RunRegistryCommand")]
    public Task Run([QueueTrigger(FunctionQueues.RegistryCommands)] string message, CancellationToken cancellationToken) =>
        handler.HandleAsync(FunctionQueues.RegistryCommandContract.Deserialize(message), cancellationToken);
}
