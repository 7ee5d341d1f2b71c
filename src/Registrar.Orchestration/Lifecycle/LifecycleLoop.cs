using Registrar.Core.Lifecycle;

namespace Registrar.Orchestration.Lifecycle;

/// <summary>
/// One registration's lifecycle as an eternal orchestration: wait for the next event or the decider's
/// wake-up, apply the decider, run its commands as activities, and continue as new every
/// <see cref="LifecycleLoopOptions.EventsPerGeneration"/> events. It only runs the decider; every rule
/// lives there.
/// </summary>
/// <remarks>
/// Deterministic by construction: time comes from <see cref="IOrchestrationContext.CurrentUtcDateTime"/>,
/// command ids from the generation and a counter, and the only awaited tasks are the context's, so a
/// replay of the same history schedules the same activities and timers in the same order.
/// </remarks>
public sealed class LifecycleLoop<TState, TEvent, TCommand>
{
    private readonly ILifecycleDecider<TState, TEvent, TCommand> _decider;
    private readonly Func<TState, string> _stateName;
    private readonly LifecycleLoopOptions _options;

    /// <param name="stateName">The state's name as operations should read it in the custom status.</param>
    public LifecycleLoop(ILifecycleDecider<TState, TEvent, TCommand> decider, Func<TState, string> stateName, LifecycleLoopOptions options)
    {
        ArgumentNullException.ThrowIfNull(decider);
        ArgumentNullException.ThrowIfNull(stateName);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _decider = decider;
        _stateName = stateName;
        _options = options;
    }

    /// <returns>The final state when the lifecycle ends, or the state handed to the next generation.</returns>
    public async Task<TState> RunAsync(IOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        LifecycleInput<TState, TEvent> input = context.GetInput<LifecycleInput<TState, TEvent>>()
            ?? throw new InvalidOperationException(
                $"Orchestration {context.InstanceId} was started without a lifecycle input; start it with LifecycleInput.Start(firstEvent).");

        var run = new Generation(this, context, input);
        return await run.RunAsync();
    }

    /// <summary>The mutable part of one generation's run, kept out of the loop's shared fields.</summary>
    private sealed class Generation(LifecycleLoop<TState, TEvent, TCommand> loop, IOrchestrationContext context, LifecycleInput<TState, TEvent> input)
    {
        private readonly string _registrationId = RegistrationInstanceId.ToRegistrationId(context.InstanceId);
        private readonly Queue<TEvent> _pending = new(input.PendingEvents);
        private TState _state = default!;
        private DateTimeOffset? _wakeAt = input.WakeAt;
        private int _applied;
        private int _commandsIssued;

        // An external-event wait that lost to the timer stays outstanding and is reused: Durable hands
        // an event to the newest waiter, so abandoning one and starting another could strand an event.
        private Task<TEvent>? _externalEvent;

        public async Task<TState> RunAsync()
        {
            _state = input.State ?? loop._decider.InitialState(_registrationId);

            while (!loop._decider.IsTerminal(_state))
            {
                // Only cut the history when no wait is outstanding, so no event is owed to this generation.
                if (_applied >= loop._options.EventsPerGeneration && _externalEvent is null)
                {
                    context.ContinueAsNew(new LifecycleInput<TState, TEvent>(_state, _wakeAt, [.. _pending], input.Generation + 1));
                    return _state;
                }

                context.SetCustomStatus(new LifecycleStatus(loop._stateName(_state), _wakeAt, Terminal: false));
                TEvent next = _pending.Count > 0 ? _pending.Dequeue() : await NextEventAsync();
                await ApplyAsync(next);
            }

            context.SetCustomStatus(new LifecycleStatus(loop._stateName(_state), null, Terminal: true));
            return _state;
        }

        private async Task<TEvent> NextEventAsync()
        {
            _externalEvent ??= context.WaitForExternalEvent<TEvent>(LifecycleLoopOptions.EventName);
            if (_wakeAt is null || _externalEvent.IsCompleted)
            {
                return await TakeExternalEventAsync();
            }

            DateTimeOffset wakeAt = _wakeAt.Value;
            using var timerCancellation = new CancellationTokenSource();
            Task timer = context.CreateTimer(wakeAt.UtcDateTime, timerCancellation.Token);
            Task winner = await Task.WhenAny(_externalEvent, timer);
            if (winner == _externalEvent)
            {
                // An uncancelled durable timer keeps the instance busy until it fires.
                timerCancellation.Cancel();
                return await TakeExternalEventAsync();
            }

            await timer;
            return loop._decider.TimerDue(wakeAt);
        }

        private async Task<TEvent> TakeExternalEventAsync()
        {
            TEvent received = await _externalEvent!;
            _externalEvent = null;
            return received;
        }

        private async Task ApplyAsync(TEvent @event)
        {
            var now = new DateTimeOffset(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc));
            Decision<TState, TCommand> decision = loop._decider.Decide(_state, @event, now);
            _state = decision.State;
            _wakeAt = decision.WakeAt;
            _applied++;

            foreach (TCommand command in decision.Commands)
            {
                string commandId = $"{context.InstanceId}:g{input.Generation}:c{_commandsIssued++}";
                IReadOnlyList<TEvent> produced = await context.CallActivityAsync<IReadOnlyList<TEvent>>(
                    LifecycleLoopOptions.CommandActivityName,
                    new LifecycleCommandRequest<TCommand>(_registrationId, commandId, command),
                    loop._options.CommandRetry);
                foreach (TEvent e in produced)
                {
                    _pending.Enqueue(e);
                }
            }
        }
    }
}
