namespace Registrar.Orchestration.Lifecycle;

/// <summary>
/// The input of one generation of a lifecycle orchestration. The first generation starts with
/// <see cref="Start"/>; each <c>ContinueAsNew</c> carries the state, the pending wake-up, the triggers not
/// yet decided and the ids of the latest events applied, so nothing is lost or applied twice when the
/// history is cut.
/// </summary>
/// <param name="State">The state so far; null before the first event (the decider's initial state).</param>
/// <param name="WakeAt">When the decider asked to be woken if no event comes first.</param>
/// <param name="Pending">Triggers received and not yet decided, in order.</param>
/// <param name="RecentEventIds">Ids of the latest events applied, newest last: a redelivered event is dropped.</param>
/// <param name="Generation">How many times the orchestration continued as new.</param>
/// <param name="Description">The state's name as the last decision gave it, shown until the new generation decides; null in
/// the first generation and in an input written before inputs carried it.</param>
/// <param name="Problem">Why the previous generation was waiting on itself (a decision that kept failing), shown until the
/// next decision is made; null as <paramref name="Description"/> is.</param>
public sealed record LifecycleInput<TState, TEvent, TCommand>(
    TState? State,
    DateTimeOffset? WakeAt,
    IReadOnlyList<LifecycleTrigger<TEvent, TCommand>> Pending,
    IReadOnlyList<string> RecentEventIds,
    int Generation,
    string? Description = null,
    string? Problem = null)
{
    public static LifecycleInput<TState, TEvent, TCommand> Start(RaisedEvent<TEvent> first) =>
        new(default, null, [LifecycleTrigger<TEvent, TCommand>.Raised(first)], [], 0);
}

/// <summary>An event as it is raised on an orchestration. The event travels as a property typed by its
/// base type, so its type discriminator is written whatever the runtime type (a bare derived event
/// serialized as <c>object</c> loses it, and the orchestration cannot read it back).</summary>
/// <param name="EventId">The sender's natural key for the event: the same id twice is applied once.</param>
public sealed record RaisedEvent<TEvent>(string EventId, TEvent Event);

/// <summary>What the loop hands the decider: an event raised from outside, the wake-up it asked for, or a
/// command the host gave up on. Exactly one of the three is set.</summary>
public sealed record LifecycleTrigger<TEvent, TCommand>(
    RaisedEvent<TEvent>? Event,
    DateTimeOffset? TimerDueAt,
    TCommand? FailedCommand,
    string? FailureReason)
{
    public static LifecycleTrigger<TEvent, TCommand> Raised(RaisedEvent<TEvent> raised) => new(raised, null, default, null);

    public static LifecycleTrigger<TEvent, TCommand> TimerDue(DateTimeOffset dueAt) => new(null, dueAt, default, null);

    public static LifecycleTrigger<TEvent, TCommand> Failed(TCommand command, string reason) => new(null, null, command, reason);
}

/// <summary>The input of the activity that carries out one command; the command's own id is its idempotency key.</summary>
/// <param name="InstanceId">The lifecycle instance (registration) the command belongs to.</param>
public sealed record LifecycleCommandRequest<TCommand>(string InstanceId, TCommand Command);
