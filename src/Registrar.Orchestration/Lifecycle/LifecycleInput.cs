namespace Registrar.Orchestration.Lifecycle;

/// <summary>
/// The input of one generation of a registration's orchestration. The first generation is started
/// with <see cref="Start"/>; each <c>ContinueAsNew</c> carries the state, the pending wake-up and the
/// events not yet applied, so nothing is lost when the history is cut.
/// </summary>
/// <param name="State">The state so far; null before the first event (the decider's initial state).</param>
/// <param name="WakeAt">When the decider asked to be woken if no event comes first.</param>
/// <param name="PendingEvents">Events produced by commands and not yet applied, in order.</param>
/// <param name="Generation">How many times the orchestration continued as new; part of every command id.</param>
public sealed record LifecycleInput<TState, TEvent>(
    TState? State,
    DateTimeOffset? WakeAt,
    IReadOnlyList<TEvent> PendingEvents,
    long Generation)
{
    /// <summary>The input that starts a registration's lifecycle with its first event (e.g. the order paid).</summary>
    public static LifecycleInput<TState, TEvent> Start(TEvent firstEvent) => new(default, null, [firstEvent], 0);
}

/// <summary>The orchestration's custom status, what operations see in the portal for a registration.</summary>
/// <param name="State">The state's name.</param>
/// <param name="WakeAt">The next wake-up, if any.</param>
/// <param name="Terminal">True once the lifecycle has ended.</param>
public sealed record LifecycleStatus(string State, DateTimeOffset? WakeAt, bool Terminal);

/// <summary>The input of the activity that carries out one command of a decision.</summary>
/// <param name="RegistrationId">The registration the command belongs to.</param>
/// <param name="CommandId">Stable across retries and replays: the idempotency key of the command's effect
/// (the notice id of a mail, the clTRID of an EPP command, the key of an audit entry).</param>
public sealed record LifecycleCommandRequest<TCommand>(string RegistrationId, string CommandId, TCommand Command);
