using Microsoft.Azure.Functions.Worker;
using Registrar.Api.Lifecycle;
using Registrar.Core.Registrations;
using Registrar.Orchestration.Lifecycle;
using Registrar.Storage.Queues;

namespace Registrar.Functions.Lifecycle;

/// <summary>
/// Runs one command a registration's decision asked for. Registry commands are queued for the EPP
/// session pool (the queue trigger's concurrency is what keeps within the registries' session caps);
/// notices, operations flags and customer views are handled here, idempotently by the command's id.
/// </summary>
public sealed class LifecycleCommandActivity(RegistrationCommandHandler handler, QueueSender<RegistrationCommand> registryCommands)
{
    [Function(LifecycleLoopOptions.CommandActivityName)]
    public async Task<IReadOnlyList<RegistrationEvent>> Run(
        [ActivityTrigger] LifecycleCommandRequest<RegistrationCommand> request, CancellationToken cancellationToken)
    {
        if (request.Command is CreateRegistryContact or CreateDomain or QueryDomain)
        {
            // The registry's answer comes back later as an external event (RegistryCommandFunction).
            await registryCommands.SendAsync(request.Command, cancellationToken);
        }
        else
        {
            await handler.HandleAsync(request.Command, cancellationToken);
        }

        return [];
    }
}
