using System.Text.Json;
using Registrar.Orchestration.Lifecycle;

namespace Registrar.Orchestration.Tests.Fakes;

/// <summary>
/// The orchestration context for one episode. Like Durable Task it runs the orchestrator from the
/// start against the recorded history: every activity or timer the code schedules must match the
/// next one the history recorded (otherwise the replay is non-deterministic), recorded results are
/// handed back instead of running anything, and only what lies beyond the history is new.
/// External events go to the newest waiter (Durable keeps waiters as a stack) or are buffered.
/// </summary>
internal sealed class ReplayingContext(string instanceId, IReadOnlyList<HistoryEvent> history) : IOrchestrationContext
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Queue<HistoryEvent> _recordedActions = new(history.Where(e => e is ActivityScheduled or TimerCreated));
    private readonly Dictionary<int, Action<string>> _activities = [];
    private readonly Dictionary<int, TaskCompletionSource> _timers = [];
    private readonly Dictionary<string, Stack<Action<string>>> _waiters = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<EventRaised> _buffered = [];
    private int _nextTaskId;
    private DateTime _now;

    public string InstanceId { get; } = instanceId;

    public DateTime CurrentUtcDateTime => _now;

    public List<HistoryEvent> NewActions { get; } = [];

    public HashSet<int> CancelledTimers { get; } = [];

    public object? CustomStatus { get; private set; }

    public string? ContinuedAsNewWith { get; private set; }

    /// <summary>External events that arrived while no one waited, carried over by ContinueAsNew.</summary>
    public IReadOnlyList<EventRaised> BufferedEvents => _buffered;

    public T? GetInput<T>() =>
        JsonSerializer.Deserialize<T>(history.OfType<ExecutionStarted>().Single().InputJson, Json);

    public Task<T> CallActivityAsync<T>(string name, object? input, ActivityRetry retry)
    {
        int taskId = _nextTaskId++;
        Schedule(new ActivityScheduled(taskId, name, JsonSerializer.Serialize(input, Json), retry.ToString()));
        var completion = new TaskCompletionSource<T>();
        _activities[taskId] = result => completion.SetResult(JsonSerializer.Deserialize<T>(result, Json)!);
        return completion.Task;
    }

    public Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        int taskId = _nextTaskId++;
        Schedule(new TimerCreated(taskId, fireAt));
        var completion = new TaskCompletionSource();
        _timers[taskId] = completion;
        cancellationToken.Register(() =>
        {
            CancelledTimers.Add(taskId);
            completion.TrySetCanceled(cancellationToken);
        });
        return completion.Task;
    }

    public Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        var completion = new TaskCompletionSource<T>();
        if (!_waiters.TryGetValue(eventName, out var stack))
        {
            _waiters[eventName] = stack = new Stack<Action<string>>();
        }

        stack.Push(payload => completion.TrySetResult(JsonSerializer.Deserialize<T>(payload, Json)!));
        cancellationToken.Register(() => completion.TrySetCanceled(cancellationToken));

        int buffered = _buffered.FindIndex(e => string.Equals(e.Name, eventName, StringComparison.OrdinalIgnoreCase));
        if (buffered >= 0)
        {
            EventRaised early = _buffered[buffered];
            _buffered.RemoveAt(buffered);
            Deliver(early);
        }

        return completion.Task;
    }

    public void ContinueAsNew(object? newInput) => ContinuedAsNewWith = JsonSerializer.Serialize(newInput, Json);

    public void SetCustomStatus(object? customStatus) => CustomStatus = customStatus;

    /// <summary>Feeds one recorded event to the orchestrator, as the runtime does during replay.</summary>
    public void Apply(HistoryEvent recorded)
    {
        switch (recorded)
        {
            case OrchestratorStarted started:
                _now = DateTime.SpecifyKind(started.At, DateTimeKind.Utc);
                break;
            case ActivityCompleted completed:
                if (!_activities.Remove(completed.TaskId, out var complete))
                {
                    throw new NonDeterminismException($"The history completes activity {completed.TaskId}, which this replay never scheduled.");
                }

                complete(completed.ResultJson);
                break;
            case TimerFired fired:
                if (!_timers.Remove(fired.TaskId, out var timer))
                {
                    throw new NonDeterminismException($"The history fires timer {fired.TaskId}, which this replay never created.");
                }

                timer.TrySetResult();
                break;
            case EventRaised raised:
                Deliver(raised);
                break;
        }
    }

    public void VerifyAllRecordedActionsReplayed()
    {
        if (_recordedActions.TryPeek(out var missing))
        {
            throw new NonDeterminismException($"The history recorded {missing}, which this replay did not schedule.");
        }
    }

    private void Schedule(HistoryEvent action)
    {
        if (_recordedActions.TryDequeue(out var recorded))
        {
            if (recorded != action)
            {
                throw new NonDeterminismException($"The replay scheduled {action} where the history recorded {recorded}.");
            }

            return;
        }

        NewActions.Add(action);
    }

    private void Deliver(EventRaised raised)
    {
        if (_waiters.TryGetValue(raised.Name, out var stack) && stack.TryPop(out var waiter))
        {
            // As in Durable Task: a waiter that was cancelled still takes the event, which is then lost.
            waiter(raised.PayloadJson);
            return;
        }

        _buffered.Add(raised);
    }
}

internal sealed class NonDeterminismException(string message) : Exception(message);
