namespace Registrar.Core.Lifecycle;

/// <summary>
/// A pure lifecycle decider: given the state of one instance (a registration), an event and the
/// current instant, it returns the next state, the commands to carry out, and when to wake the
/// instance if nothing else happens. Hosts only run deciders (the local runtime on Azure Tables,
/// a Durable orchestration in Azure); every rule about time lives in the decider and the zone policy.
/// </summary>
/// <remarks>
/// Implementations must be deterministic: the same state, event and instant always give the same
/// decision, with no I/O and no clock of their own, so that a Durable replay or a redelivered
/// event repeats nothing. State, event and command types must round-trip through System.Text.Json.
/// </remarks>
public interface ILifecycleDecider<TState, TEvent, TCommand>
{
    /// <summary>The state of an instance before its first event.</summary>
    TState InitialState(string instanceId);

    /// <summary>The event a host delivers when the instance's <see cref="Decision{TState, TCommand}.WakeAt"/> has come.</summary>
    TEvent TimerDue(DateTimeOffset dueAt);

    /// <summary>The event a host delivers when it gave up carrying out <paramref name="command"/> (its retries
    /// ran out, or its queue message was poisoned): a failure becomes a state the decider knows, never the
    /// end of the instance.</summary>
    TEvent CommandFailed(TCommand command, string reason);

    /// <summary>Whether <paramref name="event"/> may create an instance that does not exist yet. Any other
    /// event for an unknown instance is refused by the host, so a stray id never creates a lifecycle.</summary>
    bool StartsInstance(TEvent @event);

    /// <summary>The command's id: unique forever and stable across redelivery and replay, the idempotency key of
    /// its effect in every host (the EPP clTRID and the mail's operation id derive from it).</summary>
    string CommandId(string instanceId, TCommand command);

    /// <summary>The state's name as operations read it (the orchestration's custom status, the inspection route).</summary>
    string Describe(TState state);

    Decision<TState, TCommand> Decide(TState state, TEvent @event, DateTimeOffset now);

    /// <summary>A terminal instance takes no more events and has no wake-up.</summary>
    bool IsTerminal(TState state);

    /// <summary>Whether <paramref name="later"/>, a command of a later decision of the same instance, makes
    /// <paramref name="earlier"/> needless once it is carried out (a newer record of the same view): a host that holds
    /// that later decision, stored and bound to be carried out, may skip <paramref name="earlier"/>.</summary>
    bool Supersedes(TCommand later, TCommand earlier);
}

/// <param name="State">The state after the event.</param>
/// <param name="Commands">What to do, in order; each is carried out once in effect.</param>
/// <param name="WakeAt">When to deliver <c>TimerDue</c> if no other event comes first; null for no timer.</param>
public sealed record Decision<TState, TCommand>(TState State, IReadOnlyList<TCommand> Commands, DateTimeOffset? WakeAt);
