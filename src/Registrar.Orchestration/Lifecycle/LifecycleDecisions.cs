using Registrar.Core.Lifecycle;

namespace Registrar.Orchestration.Lifecycle;

/// <summary>The input of the decision activity: the state, what happened, and the orchestration's clock.</summary>
public sealed record DecisionRequest<TState, TEvent, TCommand>(
    string InstanceId, TState? State, LifecycleTrigger<TEvent, TCommand> Trigger, DateTimeOffset Now);

/// <summary>A decision as the orchestration records it: the next state, the commands, the wake-up, and
/// whether the lifecycle has ended.</summary>
public sealed record LifecycleStep<TState, TCommand>(
    TState State, IReadOnlyList<TCommand> Commands, DateTimeOffset? WakeAt, bool Terminal, string Description);

/// <summary>
/// The decision activity: runs the decider outside the orchestrator so that its result is recorded in
/// the orchestration's history. A replay reads the recorded decision instead of deciding again, so a
/// deploy that changes a rule, the zone settings or a calendar correction changes only decisions made
/// after it, never the replay of an orchestration already running (the versioning strategy).
/// </summary>
public sealed class LifecycleDecisions<TState, TEvent, TCommand>(ILifecycleDecider<TState, TEvent, TCommand> decider)
{
    public LifecycleStep<TState, TCommand> Decide(DecisionRequest<TState, TEvent, TCommand> request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var state = request.State ?? decider.InitialState(request.InstanceId);
        var decision = decider.Decide(state, EventOf(request.Trigger), request.Now);
        var terminal = decider.IsTerminal(decision.State);
        return new(decision.State, decision.Commands, terminal ? null : decision.WakeAt, terminal, decider.Describe(decision.State));
    }

    private TEvent EventOf(LifecycleTrigger<TEvent, TCommand> trigger) => trigger switch
    {
        { Event: { } raised } => raised.Event,
        { TimerDueAt: { } dueAt } => decider.TimerDue(dueAt),
        { FailedCommand: { } command } => decider.CommandFailed(command, trigger.FailureReason ?? "no reason given"),
        _ => throw new ArgumentException("A lifecycle trigger carries an event, a wake-up or a failed command.", nameof(trigger)),
    };
}
