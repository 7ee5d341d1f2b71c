namespace Registrar.Orchestration.Lifecycle;

/// <summary>Names and limits of the lifecycle loop, shared by the orchestration and the code that talks to it.</summary>
public sealed record LifecycleLoopOptions
{
    /// <summary>The one external event name every lifecycle event is raised under, so events are
    /// taken in the order they arrived whatever their type.</summary>
    public const string EventName = "LifecycleEvent";

    /// <summary>The activity that runs one command: a <see cref="LifecycleCommandRequest{TCommand}"/> in, the events it
    /// produced at once out (usually none); it runs at least once, so its effects are keyed by the command id.</summary>
    public const string CommandActivityName = "RunLifecycleCommand";

    /// <summary>Events applied before the orchestration continues as new. A registration sees a few
    /// dozen events a year; this keeps each generation's history (and its replay) short.</summary>
    public int EventsPerGeneration { get; init; } = 25;

    public ActivityRetry CommandRetry { get; init; } = ActivityRetry.Default;

    internal void Validate()
    {
        if (EventsPerGeneration < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(EventsPerGeneration), EventsPerGeneration,
                "A generation must apply at least one event before it continues as new.");
        }

        if (CommandRetry.MaxAttempts < 1 || CommandRetry.FirstInterval <= TimeSpan.Zero
            || CommandRetry.BackoffCoefficient < 1.0 || CommandRetry.MaxInterval < CommandRetry.FirstInterval)
        {
            throw new ArgumentOutOfRangeException(nameof(CommandRetry), CommandRetry,
                "A command retry needs at least one attempt, a positive first interval, a backoff coefficient of 1 or more and a maximum interval no shorter than the first.");
        }
    }
}
