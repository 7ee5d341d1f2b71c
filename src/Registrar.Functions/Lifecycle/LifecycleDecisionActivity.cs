using Microsoft.Azure.Functions.Worker;
using Registrar.Core.Lifecycle;
using Registrar.Core.Registrations;
using Registrar.Orchestration.Lifecycle;

namespace Registrar.Functions.Lifecycle;

/// <summary>Runs the registration decider for the orchestration; the result is recorded in its history,
/// so a replay after a deploy reads the decision made then (see <see cref="LifecycleDecisions{TState, TEvent, TCommand}"/>).</summary>
public sealed class LifecycleDecisionActivity(ILifecycleDecider<RegistrationState, RegistrationEvent, RegistrationCommand> decider)
{
    private readonly LifecycleDecisions<RegistrationState, RegistrationEvent, RegistrationCommand> _decisions = new(decider);

    [Function(LifecycleLoopOptions.DecisionActivityName)]
    public LifecycleStep<RegistrationState, RegistrationCommand> Run(
        [ActivityTrigger] DecisionRequest<RegistrationState, RegistrationEvent, RegistrationCommand> request) =>
        _decisions.Decide(request);
}
