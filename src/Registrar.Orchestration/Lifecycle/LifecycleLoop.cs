using Microsoft.DurableTask;

namespace Registrar.Orchestration.Lifecycle;

/// <summary>
/// One lifecycle instance (a registration) as an eternal Durable orchestration: wait for the next
/// event or the decider's wake-up, have the decision activity decide, run its commands as activities,
/// and continue as new once <see cref="LifecycleLoopOptions.EventsPerGeneration"/> triggers (events, wake-ups,
/// decision rounds that failed) have been spent. It decides nothing itself: every rule runs in the decision activity,
/// whose recorded result replays unchanged.
/// </summary>
/// <remarks>
/// Deterministic by construction: time comes from the context's clock, and the only awaited tasks are
/// the context's. A command that fails after its retries is handed to the decider as a failure, and a
/// decision that keeps failing is tried again later: the orchestration itself never fails.
/// A generation ends only at a point its history has not recorded yet (never while replaying): ending it is the last
/// thing its history holds, so a release that ends generations sooner, or at other points, replays every history an
/// earlier release recorded unchanged, and the instance moves on at its next point not replayed.
/// </remarks>
public sealed class LifecycleLoop<TState, TEvent, TCommand>
{
    private readonly LifecycleLoopOptions _options;
    private readonly Func<TState, IReadOnlyCollection<OwedCommand>> _owed;

    /// <param name="owed">The commands a state owes (the host gave up on them and they are tried again), for the status.</param>
    public LifecycleLoop(LifecycleLoopOptions options, Func<TState, IReadOnlyCollection<OwedCommand>> owed)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(owed);
        options.Validate();
        _options = options;
        _owed = owed;
    }

    /// <returns>The final state when the lifecycle ends, or the state handed to the next generation.</returns>
    public Task<TState?> RunAsync(TaskOrchestrationContext context, LifecycleInput<TState, TEvent, TCommand> input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        return new Generation(_options, _owed, context, input).RunAsync();
    }

    /// <summary>The mutable part of one generation's run.</summary>
    private sealed class Generation(
        LifecycleLoopOptions options, Func<TState, IReadOnlyCollection<OwedCommand>> owed, TaskOrchestrationContext context,
        LifecycleInput<TState, TEvent, TCommand> input)
    {
        private readonly string _id = RegistrationInstanceId.ToRegistrationId(context.InstanceId);
        private readonly Queue<LifecycleTrigger<TEvent, TCommand>> _pending = new(input.Pending);
        private readonly List<string> _recentEventIds = [.. input.RecentEventIds];
        private TState? _state = input.State;
        private DateTimeOffset? _wakeAt = input.WakeAt;
        private string _description = input.Description ?? "";
        private string? _problem = input.Problem;
        private int _applied;
        private int _failedRounds;

        // An external-event wait that lost to the timer stays outstanding and is reused: the SDK keeps every wait started,
        // and an abandoned one would still take an event once no newer wait stood before it, stranding that event.
        private Task<RaisedEvent<TEvent>>? _externalEvent;

        /// <summary>Each applied trigger and each decision round that failed spends the generation's budget: a history
        /// stays bounded whether its triggers are events, wake-ups alone, or a decision that keeps failing.</summary>
        private bool BudgetSpent => _applied + _failedRounds >= options.EventsPerGeneration;

        public async Task<TState?> RunAsync()
        {
            while (true)
            {
                if (BudgetSpent && !context.IsReplaying) return ContinueAsNew(undecided: null);

                SetStatus(terminal: false);
                var trigger = _pending.Count > 0 ? _pending.Dequeue() : await NextTriggerAsync();
                if (trigger.Event is { } raised && _recentEventIds.Contains(raised.EventId)) continue;

                if (await DecideAsync(trigger) is not { } step) return ContinueAsNew(undecided: trigger);
                Remember(trigger);
                _state = step.State;
                _wakeAt = step.WakeAt;
                _description = step.Description;
                foreach (var command in step.Commands) await RunCommandAsync(command);

                if (step.Terminal && _pending.Count == 0)
                {
                    SetStatus(terminal: true);
                    return _state;
                }
            }
        }

        /// <summary>Hands the state, the wake-up, the triggers not decided yet (<paramref name="undecided"/> first) and the
        /// latest event ids to the next generation.</summary>
        private TState? ContinueAsNew(LifecycleTrigger<TEvent, TCommand>? undecided)
        {
            var outstanding = TakeEventsAlreadyReceived();
            context.ContinueAsNew(new ContinueAsNewOptions
            {
                NewInput = new LifecycleInput<TState, TEvent, TCommand>(_state, _wakeAt, undecided is null ? [.. _pending] : [undecided, .. _pending],
                    [.. _recentEventIds], input.Generation + 1, _description, _problem),
                PreserveUnprocessedEvents = true,
                // A new generation has no history to replay, so it runs under the version of the code deployed now, whichever
                // began this one: an instance leaves an old version at its next generation, and the old path can then go.
                NewVersion = LifecycleLoopOptions.OrchestrationVersion,
            });
            _ = ForwardLateEventAsync(outstanding);
            return _state;
        }

        /// <summary>Events that arrived while the generation was busy wait in the SDK's buffer, or in the wait a wake-up
        /// won the race against; a wait takes from the buffer at once. They go into the next generation's input rather than
        /// through the backend's re-send of unprocessed events at <c>ContinueAsNew</c>, which the in-process backend loses.</summary>
        /// <returns>The one wait left outstanding.</returns>
        private Task<RaisedEvent<TEvent>> TakeEventsAlreadyReceived()
        {
            var wait = _externalEvent ?? context.WaitForExternalEvent<RaisedEvent<TEvent>>(LifecycleLoopOptions.EventName);
            _externalEvent = null;
            while (wait.IsCompleted)
            {
                _pending.Enqueue(LifecycleTrigger<TEvent, TCommand>.Raised(wait.Result));
                wait = context.WaitForExternalEvent<RaisedEvent<TEvent>>(LifecycleLoopOptions.EventName);
            }
            return wait;
        }

        /// <summary>An event raised later in the same episode reaches the wait left outstanding, not the SDK, which sends
        /// on to the next generation only the events no wait takes (<c>PreserveUnprocessedEvents</c>): it is sent on here
        /// the same way, so the cut loses none.</summary>
        private async Task ForwardLateEventAsync(Task<RaisedEvent<TEvent>> wait) =>
            context.SendEvent(context.InstanceId, LifecycleLoopOptions.EventName, await wait);

        private async Task<LifecycleTrigger<TEvent, TCommand>> NextTriggerAsync()
        {
            _externalEvent ??= context.WaitForExternalEvent<RaisedEvent<TEvent>>(LifecycleLoopOptions.EventName);
            if (_wakeAt is null || _externalEvent.IsCompleted) return await TakeExternalEventAsync();

            var wakeAt = _wakeAt.Value;
            using var timerCancellation = new CancellationTokenSource();
            var timer = context.CreateTimer(wakeAt.UtcDateTime, timerCancellation.Token);
            if (await Task.WhenAny(_externalEvent, timer) == _externalEvent)
            {
                // An uncancelled durable timer keeps the instance busy until it fires.
                timerCancellation.Cancel();
                return await TakeExternalEventAsync();
            }
            return LifecycleTrigger<TEvent, TCommand>.TimerDue(wakeAt);
        }

        private async Task<LifecycleTrigger<TEvent, TCommand>> TakeExternalEventAsync()
        {
            var received = await _externalEvent!;
            _externalEvent = null;
            return LifecycleTrigger<TEvent, TCommand>.Raised(received);
        }

        /// <returns>The decision, or null when it kept failing until the generation's budget was spent: the trigger then
        /// goes to the next generation, which decides it at once (the wait between rounds already passed).</returns>
        private async Task<LifecycleStep<TState, TCommand>?> DecideAsync(LifecycleTrigger<TEvent, TCommand> trigger)
        {
            while (true)
            {
                var request = new DecisionRequest<TState, TEvent, TCommand>(_id, _state, trigger, new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero));
                try
                {
                    var step = await context.CallActivityAsync<LifecycleStep<TState, TCommand>>(
                        LifecycleLoopOptions.DecisionActivityName, request, TaskOptions.FromRetryPolicy(options.ActivityRetry));
                    _problem = null;
                    return step;
                }
                catch (TaskFailedException e)
                {
                    // A decision that cannot be made (a calendar year an event, not a wake-up, needs; a defect) must not end the
                    // lifecycle: wait, keep the trigger, and decide again once the cause may be fixed.
                    _problem = $"Deciding failed: {e.FailureDetails.ErrorMessage}";
                    SetStatus(terminal: false);
                    await context.CreateTimer(context.CurrentUtcDateTime + options.DecisionRetryDelay, CancellationToken.None);
                    _failedRounds++;
                    if (BudgetSpent && !context.IsReplaying) return null;
                }
            }
        }

        private async Task RunCommandAsync(TCommand command)
        {
            try
            {
                await context.CallActivityAsync(LifecycleLoopOptions.CommandActivityName,
                    new LifecycleCommandRequest<TCommand>(_id, command), TaskOptions.FromRetryPolicy(options.ActivityRetry));
            }
            catch (TaskFailedException e)
            {
                _pending.Enqueue(LifecycleTrigger<TEvent, TCommand>.Failed(command, e.FailureDetails.ErrorMessage));
            }
        }

        private void Remember(LifecycleTrigger<TEvent, TCommand> trigger)
        {
            _applied++;
            if (trigger.Event is not { } raised) return;
            _recentEventIds.Add(raised.EventId);
            if (_recentEventIds.Count > options.RememberedEventIds) _recentEventIds.RemoveAt(0);
        }

        private void SetStatus(bool terminal) =>
            context.SetCustomStatus(LifecycleStatus.Of(
                _description, terminal ? null : _wakeAt, terminal, _problem, context.Version, _state is null ? [] : owed(_state)));
    }
}
