using Registrar.Orchestration.Lifecycle;
using Registrar.Orchestration.Tests.Fakes;

namespace Registrar.Orchestration.Tests;

public class LifecycleLoopTests
{
    private static readonly TicketEvent Paid = new("Paid");

    [Fact]
    public void The_first_event_runs_the_decided_commands_as_activities_in_order()
    {
        var world = new TicketWorld();

        var orchestration = world.StartWith(Paid);

        Assert.Equal(["IssueInvoice", "SendNotice"], world.CommandsRun.Select(c => c.Command.Kind));
        Assert.Equal(["registration-r-1001:g0:c0", "registration-r-1001:g0:c1"], world.CommandsRun.Select(c => c.CommandId));
        Assert.All(world.CommandsRun, c => Assert.Equal(TicketWorld.RegistrationId, c.RegistrationId));
        Assert.All(orchestration.History.OfType<ActivityScheduled>(), a => Assert.Equal(ActivityRetry.Default.ToString(), a.Retry));
        Assert.False(orchestration.IsCompleted);
    }

    [Fact]
    public void Events_a_command_produces_are_applied_before_waiting_again()
    {
        var world = new TicketWorld();

        var orchestration = world.StartWith(Paid);

        var status = Assert.IsType<LifecycleStatus>(orchestration.CustomStatus);
        Assert.Equal(new LifecycleStatus("Active", new DateTimeOffset(TicketWorld.Start) + TicketDecider.ReminderInterval, Terminal: false), status);
        orchestration.RaiseEvent(LifecycleLoopOptions.EventName, new TicketEvent("Note", Value: "check"));
        Assert.Equal(("Audit", "check"), (world.CommandsRun[^1].Command.Kind, world.CommandsRun[^1].Command.Detail));
    }

    [Fact]
    public void The_decider_gets_the_orchestration_clock_at_the_event()
    {
        var world = new TicketWorld();
        var orchestration = world.StartWith(Paid);

        orchestration.AdvanceTo(TicketWorld.Start.AddDays(3));
        orchestration.RaiseEvent(LifecycleLoopOptions.EventName, new TicketEvent("Cancelled"));

        Assert.True(orchestration.IsCompleted);
        Assert.Equal(new DateTimeOffset(TicketWorld.Start.AddDays(3)), orchestration.Output!.LastEventAt);
    }

    [Fact]
    public void An_event_before_the_wake_up_wins_and_the_losing_timer_is_cancelled()
    {
        var world = new TicketWorld();
        var orchestration = world.StartWith(Paid);
        TimerCreated firstTimer = Assert.Single(orchestration.History.OfType<TimerCreated>());

        orchestration.AdvanceTo(TicketWorld.Start.AddDays(1));
        orchestration.RaiseEvent(LifecycleLoopOptions.EventName, new TicketEvent("Note", Value: "hello"));

        Assert.Contains(firstTimer.TaskId, orchestration.CancelledTimers);
        Assert.DoesNotContain(world.CommandsRun, c => c.Command.Detail == "reminder-1");

        // Both the cancelled timer and its replacement fire at the same instant: one reminder only.
        orchestration.AdvanceTo(TicketWorld.Start.AddDays(31));
        Assert.Single(world.CommandsRun, c => c.Command.Detail == "reminder-1");
    }

    [Fact]
    public void A_wake_up_before_any_event_delivers_timer_due_and_the_next_event_is_not_lost()
    {
        var world = new TicketWorld();
        var orchestration = world.StartWith(Paid);

        orchestration.AdvanceTo(TicketWorld.Start.AddDays(30));
        Assert.Equal("reminder-1", world.CommandsRun[^1].Command.Detail);

        orchestration.AdvanceTo(TicketWorld.Start.AddDays(45));
        orchestration.RaiseEvent(LifecycleLoopOptions.EventName, new TicketEvent("Cancelled"));

        Assert.True(orchestration.IsCompleted);
        Assert.Equal("Closed", orchestration.Output!.Phase);
        Assert.Equal(1, orchestration.Output.Reminders);
    }

    [Fact]
    public void Reminders_follow_the_decider_until_it_reaches_a_terminal_state()
    {
        var world = new TicketWorld();
        var orchestration = world.StartWith(Paid);

        orchestration.AdvanceTo(TicketWorld.Start.AddDays(365));

        Assert.True(orchestration.IsCompleted);
        Assert.Equal("Expired", orchestration.Output!.Phase);
        Assert.Equal(["reminder-1", "reminder-2", "expired"], world.CommandsRun.Skip(2).Select(c => c.Command.Detail));
        Assert.Equal(new LifecycleStatus("Expired", null, Terminal: true), orchestration.CustomStatus);
    }

    [Fact]
    public void A_terminal_state_ends_the_orchestration_and_later_events_change_nothing()
    {
        var world = new TicketWorld();
        var orchestration = world.StartWith(Paid);
        orchestration.RaiseEvent(LifecycleLoopOptions.EventName, new TicketEvent("Cancelled"));
        int commandsAtEnd = world.CommandsRun.Count;

        orchestration.RaiseEvent(LifecycleLoopOptions.EventName, new TicketEvent("Note", Value: "too late"));
        orchestration.AdvanceTo(TicketWorld.Start.AddDays(400));

        Assert.True(orchestration.IsCompleted);
        Assert.Equal("Closed", orchestration.Output!.Phase);
        Assert.Equal(commandsAtEnd, world.CommandsRun.Count);
        Assert.Equal(new LifecycleStatus("Closed", null, Terminal: true), orchestration.CustomStatus);
    }
}
