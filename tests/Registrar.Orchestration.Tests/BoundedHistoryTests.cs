using System.Text.Json;
using Microsoft.DurableTask.Client;
using Registrar.Core.Lifecycle;
using Registrar.Core.Persistence;
using Registrar.Core.Registrations;
using Registrar.Orchestration.Lifecycle;
using Registrar.Orchestration.Tests.Scenarios;

namespace Registrar.Orchestration.Tests;

/// <summary>Each generation's history stays bounded on the real SDK, whatever spends it: events, wake-ups alone, or a
/// decision that keeps failing; and a release that ends generations sooner replays the histories recorded before it.</summary>
public sealed class BoundedHistoryTests
{
    private static readonly DateTimeOffset Expiry = new(2028, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static RegistrationPaid Paid() => LifecycleScenarios.Paid(LifecycleScenarios.Order(handle: "H-1"));

    [Fact]
    public async Task A_registration_woken_only_by_its_timers_continues_as_new_once_its_budget_is_spent_and_still_takes_events()
    {
        var decider = new TickingDecider();
        await using var host = await DurableLifecycleHost.StartAsync(decider, DurableLifecycleHost.TestLoopOptions with { EventsPerGeneration = 3 });
        var run = new ScenarioRun(host, "ticking-1");
        await run.RaiseAsync(Paid(), typeof(CreateDomain), typeof(RecordRegistrationView));

        var (generation, status) = await GenerationAsync(host, "ticking-1", atLeast: 2);
        Assert.Equal("CreatingDomain", status!.Description);

        await run.AnswerAsync(new DomainCreated(Expiry), typeof(SendNotice), typeof(RecordRegistrationView));
        Assert.Equal(Expiry, (await run.SettlesInAsync(RegistrationPhase.Registered)).ExpiresAt);
        Assert.True((await host.GenerationAsync("ticking-1")).Generation >= generation);
    }

    [Fact]
    public async Task A_decision_that_keeps_failing_continues_as_new_with_its_trigger_and_problem_carried_and_applies_it_once_it_can()
    {
        var decider = new TickingDecider { Failing = true };
        await using var host = await DurableLifecycleHost.StartAsync(decider, DurableLifecycleHost.TestLoopOptions with
        {
            EventsPerGeneration = 2,
            DecisionRetryDelay = TimeSpan.FromMilliseconds(100),
        });
        var run = new ScenarioRun(host, "failing-1");
        await host.RaiseAsync("failing-1", "paid:1", Paid());

        var (_, status) = await GenerationAsync(host, "failing-1", atLeast: 2);
        Assert.Contains("no calendar for this year", status!.Problem);

        decider.Failing = false;
        await run.StepAsync(() => Task.CompletedTask, typeof(CreateDomain), typeof(RecordRegistrationView));
        await run.SettlesInAsync(RegistrationPhase.CreatingDomain, s => s.AwaitedCommandId is not null);
    }

    [Fact]
    public async Task A_history_recorded_under_a_larger_budget_replays_unchanged_after_a_deploy_and_continues_as_new_at_its_next_step()
    {
        var decider = new TickingDecider();
        await using var host = await DurableLifecycleHost.StartAsync(decider, DurableLifecycleHost.TestLoopOptions with { EventsPerGeneration = 1000 });
        var run = new ScenarioRun(host, "deployed-1");
        await run.RaiseAsync(Paid(), typeof(CreateDomain), typeof(RecordRegistrationView));
        await WaitAsync(() => Task.FromResult(decider.Ticks >= 5), "five wake-ups");
        Assert.Equal(0, (await host.GenerationAsync("deployed-1")).Generation);

        // The new release would have ended the generation several wake-ups ago; the next replay must not end it there.
        host.Redeploy(DurableLifecycleHost.TestLoopOptions with { EventsPerGeneration = 3 });

        await GenerationAsync(host, "deployed-1", atLeast: 1);
        await run.AnswerAsync(new DomainCreated(Expiry), typeof(SendNotice), typeof(RecordRegistrationView));
        await run.SettlesInAsync(RegistrationPhase.Registered);
    }

    [Fact]
    public void A_generations_input_reads_back_across_releases_whether_written_with_or_without_its_description_and_problem()
    {
        const string before = """{"state":null,"wakeAt":null,"pending":[],"recentEventIds":["paid:1"],"generation":4}""";
        var read = JsonSerializer.Deserialize<LifecycleInput<RegistrationState, RegistrationEvent, RegistrationCommand>>(before, StoredJson.Options)!;
        Assert.Equal((4, "paid:1", null, null), (read.Generation, Assert.Single(read.RecentEventIds), read.Description, read.Problem));

        var now = JsonSerializer.Serialize(read with { Description = "Registered", Problem = "Deciding failed" }, StoredJson.Options);
        var earlier = JsonSerializer.Deserialize<EarlierInput>(now, StoredJson.Options)!;
        Assert.Equal((4, "paid:1"), (earlier.Generation, Assert.Single(earlier.RecentEventIds)));
    }

    /// <summary>The input as the release before descriptions and problems were carried reads it.</summary>
    private sealed record EarlierInput(
        RegistrationState? State,
        DateTimeOffset? WakeAt,
        IReadOnlyList<LifecycleTrigger<RegistrationEvent, RegistrationCommand>> Pending,
        IReadOnlyList<string> RecentEventIds,
        int Generation);

    private static async Task<(int Generation, LifecycleStatus? Status)> GenerationAsync(
        DurableLifecycleHost host, string registrationId, int atLeast)
    {
        (int Generation, LifecycleStatus? Status) seen = default;
        await WaitAsync(async () =>
        {
            // A replay that diverged from its history fails the orchestration: said at once rather than waited out.
            var instance = await host.Client.GetInstanceAsync(RegistrationInstanceId.For(registrationId));
            Assert.NotEqual(OrchestrationRuntimeStatus.Failed, instance!.RuntimeStatus);
            return (seen = await host.GenerationAsync(registrationId)).Generation >= atLeast;
        }, $"generation {atLeast}");
        return seen;
    }

    private static async Task WaitAsync(Func<Task<bool>> until, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await until())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Never reached {what}.");
            await Task.Delay(50);
        }
    }

    /// <summary>The production decider, but every decision asks to be woken again in a moment, and a wake-up changes
    /// nothing: a registration that only timers keep going. <see cref="Failing"/> makes every decision throw.</summary>
    private sealed class TickingDecider : ILifecycleDecider<RegistrationState, RegistrationEvent, RegistrationCommand>
    {
        private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(200);
        private readonly RegistrationDecider _inner = LifecycleHosts.Decider;
        private int _ticks;

        public volatile bool Failing;

        public int Ticks => Volatile.Read(ref _ticks);

        public RegistrationState InitialState(string instanceId) => _inner.InitialState(instanceId);

        public RegistrationEvent TimerDue(DateTimeOffset dueAt) => _inner.TimerDue(dueAt);

        public RegistrationEvent CommandFailed(RegistrationCommand command, string reason) => _inner.CommandFailed(command, reason);

        public bool StartsInstance(RegistrationEvent @event) => _inner.StartsInstance(@event);

        public string Describe(RegistrationState state) => _inner.Describe(state);

        public string CommandId(string instanceId, RegistrationCommand command) => _inner.CommandId(instanceId, command);

        public bool IsTerminal(RegistrationState state) => _inner.IsTerminal(state);

        public bool Supersedes(RegistrationCommand later, RegistrationCommand earlier) => _inner.Supersedes(later, earlier);

        public Decision<RegistrationState, RegistrationCommand> Decide(RegistrationState state, RegistrationEvent @event, DateTimeOffset now)
        {
            if (Failing) throw new InvalidOperationException("no calendar for this year");
            if (@event is RegistrationTimerDue)
            {
                Interlocked.Increment(ref _ticks);
                return new(state, [], now + Tick);
            }
            return _inner.Decide(state, @event, now) with { WakeAt = now + Tick };
        }
    }
}
