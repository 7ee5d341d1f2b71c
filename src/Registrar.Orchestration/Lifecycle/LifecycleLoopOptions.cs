using Microsoft.DurableTask;

namespace Registrar.Orchestration.Lifecycle;

/// <summary>Names and limits of the lifecycle loop, shared by the orchestration and the code that talks to it.</summary>
public sealed record LifecycleLoopOptions
{
    /// <summary>The one external event name every lifecycle event is raised under, so events are
    /// taken in the order they arrived whatever their type.</summary>
    public const string EventName = "LifecycleEvent";

    /// <summary>The activity that decides: a <see cref="DecisionRequest{TState, TEvent, TCommand}"/> in, a
    /// <see cref="LifecycleStep{TState, TCommand}"/> out.</summary>
    public const string DecisionActivityName = "DecideLifecycle";

    /// <summary>The activity that carries out one command (a <see cref="LifecycleCommandRequest{TCommand}"/>);
    /// it runs at least once, so its effects are keyed by the command's id.</summary>
    public const string CommandActivityName = "RunLifecycleCommand";

    /// <summary>
    /// The version of the orchestrator code (this loop and its adapter), which each orchestration instance carries from its start
    /// (host.json's <c>defaultVersion</c>, and the delivery's start options). Durable replays an instance's history through the
    /// code: a change to what the loop awaits, or in which order, is a new version, and the loop keeps the old path for
    /// instances that carry the old one until they have all moved to a new generation. Written as major.minor: Durable compares
    /// two versions as <see cref="Version"/> only when both parse as one, and as text otherwise, where "10" comes before "9".
    /// </summary>
    public const string OrchestrationVersion = "1.0";

    /// <summary>Triggers spent before the orchestration continues as new: events and wake-ups applied, and decision rounds
    /// that failed (each some dozen history events with its retries and wait). A registration sees a few dozen events a
    /// year; this keeps each generation's history (and its replay) short, a decision failing hourly included.</summary>
    public int EventsPerGeneration { get; init; } = 25;

    /// <summary>How many of the latest event ids are remembered to drop a redelivered event. Redelivery
    /// comes within minutes; a registration sees far fewer events than this in that time.</summary>
    public int RememberedEventIds { get; init; } = 100;

    /// <summary>Transient failures of storage, mail or a registry's session limit clear within minutes; a
    /// command still failing after this becomes a <c>CommandFailed</c> event the decider handles.</summary>
    public RetryPolicy ActivityRetry { get; init; } = new(6, TimeSpan.FromSeconds(10), 2.0, TimeSpan.FromMinutes(5));

    /// <summary>How long the loop waits before deciding again when the decision activity itself kept failing.</summary>
    public TimeSpan DecisionRetryDelay { get; init; } = TimeSpan.FromHours(1);

    internal void Validate()
    {
        if (EventsPerGeneration < 1 || RememberedEventIds < 1 || DecisionRetryDelay <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(EventsPerGeneration), this,
                "A generation applies at least one event, remembers at least one event id, and waits a positive time before deciding again.");
        }
    }
}
