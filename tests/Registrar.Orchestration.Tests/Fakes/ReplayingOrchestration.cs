using System.Text.Json;
using Registrar.Orchestration.Lifecycle;

namespace Registrar.Orchestration.Tests.Fakes;

/// <summary>
/// A deterministic stand-in for the Durable Task runtime and its store. Every episode (an event
/// raised, a timer fired, an activity completed) replays the orchestrator from the start against
/// the durable history, as a worker without a cached instance does, so every step doubles as a
/// determinism check. Activities run only when the history has no result for them yet.
/// </summary>
public sealed class ReplayingOrchestration<TOutput>
{
    private readonly Func<IOrchestrationContext, Task<TOutput>> _orchestrator;
    private readonly Func<string, JsonElement, object?> _runActivity;
    private List<HistoryEvent> _history;

    private ReplayingOrchestration(
        string instanceId,
        List<HistoryEvent> history,
        DateTime now,
        Func<IOrchestrationContext, Task<TOutput>> orchestrator,
        Func<string, JsonElement, object?> runActivity)
    {
        InstanceId = instanceId;
        _history = history;
        Now = now;
        _orchestrator = orchestrator;
        _runActivity = runActivity;
    }

    public string InstanceId { get; }

    /// <summary>The world's clock: events raised now are stamped with it.</summary>
    public DateTime Now { get; private set; }

    /// <summary>When false, scheduled activities wait (as if the worker died before running them).</summary>
    public bool RunsActivities { get; set; } = true;

    public IReadOnlyList<HistoryEvent> History => _history;

    public List<IReadOnlyList<HistoryEvent>> EarlierGenerations { get; } = [];

    /// <summary>Every activity execution, in order: what the world actually did.</summary>
    public List<ActivityScheduled> ActivitiesRun { get; } = [];

    public HashSet<int> CancelledTimers { get; private set; } = [];

    public object? CustomStatus { get; private set; }

    public bool IsCompleted { get; private set; }

    public TOutput? Output { get; private set; }

    public static ReplayingOrchestration<TOutput> Start(
        string instanceId,
        object input,
        DateTime startAt,
        Func<IOrchestrationContext, Task<TOutput>> orchestrator,
        Func<string, JsonElement, object?> runActivity,
        bool runsActivities = true)
    {
        var history = new List<HistoryEvent>
        {
            new ExecutionStarted(JsonSerializer.Serialize(input, ReplayingContext.Json)),
            new OrchestratorStarted(startAt),
        };
        var orchestration = new ReplayingOrchestration<TOutput>(instanceId, history, startAt, orchestrator, runActivity)
        {
            RunsActivities = runsActivities,
        };
        orchestration.Drive();
        return orchestration;
    }

    /// <summary>A new worker picks the instance up from its durable history alone, as after a crash.</summary>
    public ReplayingOrchestration<TOutput> RecoverAfterCrash(Func<IOrchestrationContext, Task<TOutput>> orchestrator)
    {
        var recovered = new ReplayingOrchestration<TOutput>(InstanceId, [.. _history], Now, orchestrator, _runActivity);
        recovered.Drive();
        return recovered;
    }

    public void RaiseEvent(string name, object payload) =>
        Append(new EventRaised(name, JsonSerializer.Serialize(payload, ReplayingContext.Json)));

    /// <summary>Moves the clock forward, firing every timer that comes due on the way, in order.</summary>
    public void AdvanceTo(DateTime until)
    {
        while (!IsCompleted && NextUnfiredTimer() is { } timer && timer.FireAt <= until)
        {
            Now = timer.FireAt;
            Append(new TimerFired(timer.TaskId));
        }

        Now = until;
    }

    public void RunPendingActivities()
    {
        while (!IsCompleted && PendingActivity() is { } activity)
        {
            ActivitiesRun.Add(activity);
            using JsonDocument input = JsonDocument.Parse(activity.InputJson);
            object? result = _runActivity(activity.Name, input.RootElement);
            _history.AddRange([new OrchestratorStarted(Now), new ActivityCompleted(activity.TaskId, JsonSerializer.Serialize(result, ReplayingContext.Json))]);
            RunEpisode();
        }
    }

    private void Append(HistoryEvent @event)
    {
        if (IsCompleted)
        {
            return; // Durable discards events sent to a completed instance.
        }

        _history.AddRange([new OrchestratorStarted(Now), @event]);
        Drive();
    }

    private void Drive()
    {
        RunEpisode();
        if (RunsActivities)
        {
            RunPendingActivities();
        }
    }

    private void RunEpisode()
    {
        var context = new ReplayingContext(InstanceId, _history);
        var pump = new OrchestratorPump();
        Task<TOutput>? running = null;
        foreach (HistoryEvent recorded in _history)
        {
            pump.Run(() => context.Apply(recorded));
            if (running is null && recorded is OrchestratorStarted)
            {
                pump.Run(() => running = _orchestrator(context));
            }
        }

        if (running is { IsFaulted: true })
        {
            throw running.Exception!.InnerException!;
        }

        context.VerifyAllRecordedActionsReplayed();
        _history.AddRange(context.NewActions);
        CustomStatus = context.CustomStatus;
        CancelledTimers = context.CancelledTimers;

        if (running is not { IsCompletedSuccessfully: true })
        {
            return;
        }

        if (context.ContinuedAsNewWith is { } nextInput)
        {
            EarlierGenerations.Add(_history);
            _history = [new ExecutionStarted(nextInput), new OrchestratorStarted(Now), .. context.BufferedEvents];
            RunEpisode();
            return;
        }

        IsCompleted = true;
        Output = running.Result;
    }

    private ActivityScheduled? PendingActivity() =>
        _history.OfType<ActivityScheduled>()
            .FirstOrDefault(a => !_history.OfType<ActivityCompleted>().Any(c => c.TaskId == a.TaskId));

    private TimerCreated? NextUnfiredTimer() =>
        _history.OfType<TimerCreated>()
            .Where(t => !_history.OfType<TimerFired>().Any(f => f.TaskId == t.TaskId))
            .OrderBy(t => t.FireAt)
            .FirstOrDefault();
}
