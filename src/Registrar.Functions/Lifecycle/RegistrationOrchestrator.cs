using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;
using Registrar.Core.Registrations;
using Registrar.Orchestration.Lifecycle;

namespace Registrar.Functions.Lifecycle;

/// <summary>One eternal orchestration per registration, running the shared lifecycle loop; its decisions
/// are made by <see cref="LifecycleDecisionActivity"/> and its commands by <see cref="LifecycleCommandActivity"/>.</summary>
public sealed class RegistrationOrchestrator(IOptions<LifecycleLoopOptions> options)
{
    public const string Name = "RegistrationLifecycle";

    private readonly LifecycleLoop<RegistrationState, RegistrationEvent, RegistrationCommand> _loop = new(options.Value, Owed);

    [Function(Name)]
    public Task<RegistrationState?> Run([OrchestrationTrigger] TaskOrchestrationContext context) =>
        _loop.RunAsync(context, context.GetInput<LifecycleInput<RegistrationState, RegistrationEvent, RegistrationCommand>>()
            ?? throw new InvalidOperationException($"Orchestration {context.InstanceId} was started without a lifecycle input."));

    /// <summary>The mail, records and flags a host gave up on, which no view shows: the status names them, bounded.</summary>
    public static IReadOnlyCollection<OwedCommand> Owed(RegistrationState state) =>
        [.. state.FailedCommands.Select(c => new OwedCommand(c.GetType().Name, c.CommandId))];
}
