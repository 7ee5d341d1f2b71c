using Microsoft.Azure.Functions.Worker;
using Registrar.Api.Lifecycle;
using Registrar.Core.Registrations;
using Registrar.Orchestration.Lifecycle;
using Registrar.Storage.Queues;

namespace Registrar.Functions.Lifecycle;

/// <summary>
/// Carries out one command of a registration's decision, as its route says. Registry commands are
/// queued for the EPP session pool (the queue trigger and the shared session slots keep within the
/// registries' caps) and answered later as an event; the rest are handled here, idempotently by the
/// command's id.
/// </summary>
public sealed class LifecycleCommandActivity(RegistrationCommandHandler handler, QueueSender<RegistrationCommand> registryCommands)
{
    [Function(LifecycleLoopOptions.CommandActivityName)]
    public Task Run([ActivityTrigger] LifecycleCommandRequest<RegistrationCommand> request, CancellationToken cancellationToken) =>
        request.Command.Route == CommandRoute.Registry
            ? registryCommands.SendAsync(request.Command, cancellationToken)
            : handler.HandleAsync(request.Command, cancellationToken);
}
