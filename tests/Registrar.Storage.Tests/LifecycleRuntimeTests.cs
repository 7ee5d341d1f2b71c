using Azure.Data.Tables;
using Registrar.Storage.Lifecycle;
using Registrar.Storage.TestHost;
using Registrar.Testing;

namespace Registrar.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class LifecycleRuntimeTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Wait = TimeSpan.FromDays(30);

    [Fact]
    public async Task An_instance_runs_through_a_command_its_answer_and_a_timer_to_its_end_state()
    {
        await using var runtime = await RuntimeHarness.StartAsync(azurite);

        await runtime.Client.SendAsync("i-1", "start", new Start(Wait), default);
        await TestStorage.EventuallyAsync(async () => await runtime.StageAsync("i-1") == TinyStage.Waiting, "charged and waiting");
        var waiting = (await runtime.Inspector.GetAsync("i-1", default))!;
        runtime.Clock.Advance(Wait);
        await TestStorage.EventuallyAsync(async () => await runtime.StageAsync("i-1") == TinyStage.Done, "woken and done");

        Assert.Equal(runtime.Clock.GetUtcNow(), waiting.NextWakeAt);
        var done = (await runtime.Inspector.GetAsync("i-1", default))!;
        Assert.True(done.IsTerminal);
        Assert.Null(done.NextWakeAt);
        Assert.Equal(["start", "i-1:charge|charged", LifecycleTables<TinyEvent, TinyCommand>.TimerEventId(waiting.NextWakeAt!.Value)],
            done.History.Select(h => h.EventId));
        Assert.Equal(["i-1:charge", "i-1:notify"], done.History.SelectMany(h => h.Commands).Select(c => c.CommandId));
        await TestStorage.EventuallyAsync(async () => (await runtime.ExecutionsAsync("i-1")).Count == 2, "notify executed");
        Assert.Equal([TinyCommand.Charge, TinyCommand.Notify], (await runtime.ExecutionsAsync("i-1")).Order());
    }

    [Fact]
    public async Task The_backlog_names_when_the_next_timer_falls_due()
    {
        await using var runtime = await RuntimeHarness.StartAsync(azurite);
        var backlog = runtime.Get<LifecycleBacklog<TinyEvent, TinyCommand>>();
        var start = runtime.Clock.GetUtcNow();
        await runtime.Client.SendAsync("i-near", "start", new Start(TimeSpan.FromDays(10)), default);
        await runtime.Client.SendAsync("i-far", "start", new Start(Wait), default);
        await TestStorage.EventuallyAsync(async () => (await backlog.ReadAsync(default)).IsSettled
            && await runtime.StageAsync("i-near") == TinyStage.Waiting && await runtime.StageAsync("i-far") == TinyStage.Waiting, "both waiting");

        Assert.Equal(new LifecycleBacklogReading(0, 0, 0, start.AddDays(10)), await backlog.ReadAsync(default));
        runtime.Clock.Advance(TimeSpan.FromDays(20));
        await TestStorage.EventuallyAsync(async () => (await backlog.ReadAsync(default)).IsSettled && await runtime.StageAsync("i-near") == TinyStage.Done, "the due timer fired");

        Assert.Equal(new LifecycleBacklogReading(0, 0, 0, start.Add(Wait)), await backlog.ReadAsync(default));
    }

    [Fact]
    public async Task A_repeated_event_id_changes_nothing()
    {
        await using var runtime = await RuntimeHarness.StartAsync(azurite);

        var first = await runtime.Engine.ApplyAsync("i-2", "start", new Start(Wait), default);
        var again = await runtime.Engine.ApplyAsync("i-2", "start", new Start(Wait), default);
        await runtime.Client.SendAsync("i-2", "start", new Start(Wait), default);
        await TestStorage.EventuallyAsync(async () => await runtime.StageAsync("i-2") == TinyStage.Waiting, "charged and waiting");

        Assert.Equal(LifecycleApplyOutcome.Applied, first);
        Assert.Equal(LifecycleApplyOutcome.Duplicate, again);
        var view = (await runtime.Inspector.GetAsync("i-2", default))!;
        Assert.Equal(["start", "i-2:charge|charged"], view.History.Select(h => h.EventId));
        Assert.Equal([TinyCommand.Charge], await runtime.ExecutionsAsync("i-2"));
    }

    [Fact]
    public async Task A_timer_the_state_no_longer_waits_for_fires_as_a_no_op()
    {
        await using var runtime = await RuntimeHarness.StartAsync(azurite);
        await runtime.Engine.ApplyAsync("i-3", "start", new Start(Wait), default);
        await TestStorage.EventuallyAsync(async () => await runtime.StageAsync("i-3") == TinyStage.Waiting, "charged and waiting");

        // As if a crash struck between writing a timer row and committing the state that pointed at it.
        var stale = runtime.Clock.GetUtcNow().AddHours(1);
        await runtime.Tables.Timers.UpsertEntityAsync(runtime.Tables.TimerEntity("i-3", stale));
        runtime.Clock.Advance(TimeSpan.FromHours(2));
        await runtime.Sweeper.SweepAsync(default);

        Assert.Equal(LifecycleApplyOutcome.StaleTimer, await runtime.Engine.FireTimerAsync("i-3", stale, default));
        var view = (await runtime.Inspector.GetAsync("i-3", default))!;
        Assert.Equal(TinyStage.Waiting, view.State.Stage);
        Assert.Equal(2, view.Version);
        var row = runtime.Tables.TimerEntity("i-3", stale);
        Assert.False((await runtime.Tables.Timers.GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, row.RowKey)).HasValue);
    }

    [Fact]
    public async Task Commands_left_in_the_outbox_when_the_queue_failed_are_recovered_and_run_once()
    {
        var faults = new FaultInjectionPolicy();
        await using var runtime = await RuntimeHarness.StartAsync(azurite, faults);
        faults.FailNext("queue.put", "-commands");

        await runtime.Engine.ApplyAsync("i-4", "start", new Start(Wait), default);
        var stuck = (await runtime.Inspector.GetAsync("i-4", default))!;
        var firstSweep = await runtime.Recovery.RecoverAsync(dispatchAll: false, default);
        var secondSweep = await runtime.Recovery.RecoverAsync(dispatchAll: false, default);
        await TestStorage.EventuallyAsync(async () => await runtime.StageAsync("i-4") == TinyStage.Waiting, "charged after recovery");

        Assert.Equal(["i-4:charge"], stuck.PendingCommands.Select(c => c.CommandId));
        // A row seen once may be mid-dispatch and is left alone; the second sighting dispatches it
        // (unless the host's own start-up recovery pass got there first).
        Assert.Equal(0, firstSweep);
        Assert.InRange(secondSweep, 0, 1);
        Assert.Empty((await runtime.Inspector.GetAsync("i-4", default))!.PendingCommands);
        Assert.Equal([TinyCommand.Charge], await runtime.ExecutionsAsync("i-4"));
    }

    [Fact]
    public async Task Commands_enqueued_but_not_cleared_from_the_outbox_are_sent_again_and_still_take_effect_once()
    {
        var faults = new FaultInjectionPolicy();
        await using var runtime = await RuntimeHarness.StartAsync(azurite, faults);
        faults.FailNext("table.delete", "instances");

        await runtime.Engine.ApplyAsync("i-5", "start", new Start(Wait), default);
        await runtime.Recovery.RecoverAsync(dispatchAll: true, default);
        await TestStorage.EventuallyAsync(async () => await runtime.StageAsync("i-5") == TinyStage.Waiting, "charged");
        runtime.Clock.Advance(Wait);
        await TestStorage.EventuallyAsync(async () => (await runtime.ExecutionsAsync("i-5")).Count == 2, "notified");

        Assert.Equal([TinyCommand.Charge, TinyCommand.Notify], (await runtime.ExecutionsAsync("i-5")).Order());
        Assert.Equal(3, (await runtime.Inspector.GetAsync("i-5", default))!.Version);
    }

    [Fact]
    public async Task A_state_write_that_failed_is_retried_from_the_event_queue_and_applied_once()
    {
        var faults = new FaultInjectionPolicy();
        await using var runtime = await RuntimeHarness.StartAsync(azurite, faults);
        faults.FailNext("table.batch", "instances", times: 2);

        await runtime.Client.SendAsync("i-6", "start", new Start(Wait), default);
        await TestStorage.EventuallyAsync(async () => await runtime.StageAsync("i-6") == TinyStage.Waiting, "charged despite failed writes");
        runtime.Clock.Advance(Wait);
        await TestStorage.EventuallyAsync(async () => await runtime.StageAsync("i-6") == TinyStage.Done, "done");

        var view = (await runtime.Inspector.GetAsync("i-6", default))!;
        Assert.Equal(3, view.Version);
        Assert.Equal(3, view.History.Count);
        await TestStorage.EventuallyAsync(async () => (await runtime.ExecutionsAsync("i-6")).Count == 2, "notified");
    }
}
