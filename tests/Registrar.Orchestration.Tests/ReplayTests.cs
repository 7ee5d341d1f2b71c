using System.Text.Json;
using Registrar.Core.Lifecycle;
using Registrar.Orchestration.Lifecycle;
using Registrar.Orchestration.Tests.Fakes;

namespace Registrar.Orchestration.Tests;

/// <summary>The loop under replay: what Durable Task does after every restart and cache eviction.</summary>
public class ReplayTests
{
    private static readonly TicketEvent Paid = new("Paid");

    private static void PlayAYear(ReplayingOrchestration<TicketState> orchestration)
    {
        orchestration.AdvanceTo(TicketWorld.Start.AddDays(2));
        orchestration.RaiseEvent(LifecycleLoopOptions.EventName, new TicketEvent("Note", Value: "first"));
        orchestration.AdvanceTo(TicketWorld.Start.AddDays(50));
        orchestration.RaiseEvent(LifecycleLoopOptions.EventName, new TicketEvent("Note", Value: "second"));
        orchestration.AdvanceTo(TicketWorld.Start.AddDays(70));
    }

    [Fact]
    public void The_same_history_in_gives_the_same_commands_out()
    {
        var first = new TicketWorld();
        var second = new TicketWorld();
        var a = first.StartWith(Paid);
        var b = second.StartWith(Paid);

        PlayAYear(a);
        PlayAYear(b);

        Assert.Equal(JsonSerializer.Serialize(a.History), JsonSerializer.Serialize(b.History));
        Assert.Equal(first.CommandsRun, second.CommandsRun);
    }

    [Fact]
    public void Replaying_a_whole_history_after_a_crash_repeats_no_activity()
    {
        var world = new TicketWorld();
        var orchestration = world.StartWith(Paid);
        PlayAYear(orchestration);
        int commandsBeforeCrash = world.CommandsRun.Count;

        var recovered = orchestration.RecoverAfterCrash(new TicketWorld().Loop.RunAsync);

        Assert.Empty(recovered.ActivitiesRun);
        Assert.Equal(commandsBeforeCrash, world.CommandsRun.Count);
        Assert.Equal(orchestration.History, recovered.History);
        Assert.Equal(orchestration.CustomStatus, recovered.CustomStatus);
    }

    [Fact]
    public void After_a_crash_between_scheduling_and_running_each_command_runs_once()
    {
        var world = new TicketWorld();
        var orchestration = world.StartWith(Paid, runActivities: false);
        Assert.Single(orchestration.History.OfType<ActivityScheduled>());
        Assert.Empty(world.CommandsRun);

        var recovered = orchestration.RecoverAfterCrash(world.Loop.RunAsync);

        Assert.Empty(orchestration.ActivitiesRun);
        Assert.Equal(["IssueInvoice", "SendNotice"], world.CommandsRun.Select(c => c.Command.Kind));

        recovered.RaiseEvent(LifecycleLoopOptions.EventName, new TicketEvent("Cancelled"));

        Assert.True(recovered.IsCompleted);
        Assert.Equal("INV-1", recovered.Output!.InvoiceNumber);
        Assert.Equal(["IssueInvoice", "SendNotice", "Audit"], world.CommandsRun.Select(c => c.Command.Kind));
        Assert.Equal(world.CommandsRun.Count, world.CommandsRun.Select(c => c.CommandId).Distinct().Count());
    }

    [Fact]
    public void A_history_the_code_no_longer_matches_is_refused_by_the_fake()
    {
        var world = new TicketWorld();
        var orchestration = world.StartWith(Paid);

        var changedCode = new TicketWorld(decider: new SilentOnPaymentDecider());

        var failure = Assert.Throws<NonDeterminismException>(() => orchestration.RecoverAfterCrash(changedCode.Loop.RunAsync));
        Assert.Contains("this replay", failure.Message);
    }

    [Fact]
    public void Continue_as_new_carries_state_wake_up_and_unapplied_events()
    {
        var world = new TicketWorld(new LifecycleLoopOptions { EventsPerGeneration = 1 });
        var orchestration = world.StartWith(Paid, runActivities: false);

        // Raised while the first command is still outstanding, so no one is waiting for it yet.
        orchestration.RaiseEvent(LifecycleLoopOptions.EventName, new TicketEvent("Note", Value: "early"));
        orchestration.RunPendingActivities();

        Assert.NotEmpty(orchestration.EarlierGenerations);
        Assert.Equal(["IssueInvoice", "SendNotice", "Audit"], world.CommandsRun.Select(c => c.Command.Kind));
        Assert.Equal("early", world.CommandsRun[2].Command.Detail);
        Assert.StartsWith("registration-r-1001:g2:", world.CommandsRun[2].CommandId);

        TicketState state = CurrentState(orchestration);
        Assert.Equal("INV-1", state.InvoiceNumber);
        Assert.Equal(new DateTimeOffset(TicketWorld.Start) + TicketDecider.ReminderInterval, state.DueAt);

        orchestration.RunsActivities = true;
        orchestration.AdvanceTo(TicketWorld.Start.AddDays(30));
        Assert.Equal("reminder-1", world.CommandsRun[^1].Command.Detail);
        Assert.Equal(world.CommandsRun.Count, world.CommandsRun.Select(c => c.CommandId).Distinct().Count());
    }

    [Fact]
    public void Each_generation_keeps_its_history_short()
    {
        var world = new TicketWorld(new LifecycleLoopOptions { EventsPerGeneration = 2 });
        var orchestration = world.StartWith(Paid);

        for (int day = 1; day <= 20; day++)
        {
            orchestration.AdvanceTo(TicketWorld.Start.AddDays(day));
            orchestration.RaiseEvent(LifecycleLoopOptions.EventName, new TicketEvent("Note", Value: $"day-{day}"));
        }

        Assert.True(orchestration.EarlierGenerations.Count >= 10);
        Assert.All(orchestration.EarlierGenerations, h => Assert.True(h.Count < 40, $"a generation kept {h.Count} history events"));
        Assert.Equal(20, world.CommandsRun.Count(c => c.Command.Kind == "Audit"));
    }

    private static TicketState CurrentState(ReplayingOrchestration<TicketState> orchestration)
    {
        string input = orchestration.History.OfType<ExecutionStarted>().Single().InputJson;
        var carried = JsonSerializer.Deserialize<LifecycleInput<TicketState, TicketEvent>>(input, ReplayingContext.Json)!;
        return carried.State!;
    }

    /// <summary>The ticket decider changed so that a payment no longer issues anything.</summary>
    private sealed class SilentOnPaymentDecider : ILifecycleDecider<TicketState, TicketEvent, TicketCommand>
    {
        private readonly TicketDecider _inner = new();

        public TicketState InitialState(string instanceId) => _inner.InitialState(instanceId);

        public TicketEvent TimerDue(DateTimeOffset dueAt) => _inner.TimerDue(dueAt);

        public Decision<TicketState, TicketCommand> Decide(TicketState state, TicketEvent @event, DateTimeOffset now) =>
            _inner.Decide(state, @event, now) with { Commands = [] };

        public bool IsTerminal(TicketState state) => _inner.IsTerminal(state);
    }
}
