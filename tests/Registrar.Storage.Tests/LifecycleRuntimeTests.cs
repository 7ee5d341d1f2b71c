using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Queues.Specialized;
using Microsoft.Extensions.DependencyInjection;
using Registrar.Storage.Configuration;
using Registrar.Storage.Lifecycle;
using Registrar.Storage.Metering;
using Registrar.Storage.Tables;
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
    public async Task A_command_batch_set_aside_unhandled_is_told_to_the_decider_as_failed_once_per_command()
    {
        await using var runtime = await RuntimeHarness.StartAsync(azurite);
        await runtime.StartWaitingAsync("i-1", Wait);
        var commands = runtime.Tables.Commands.Queue;
        var parked = commands.GetParentQueueServiceClient().GetQueueClient(StorageNames.PoisonQueue(commands.Name));
        await parked.CreateIfNotExistsAsync();
        var batch = new LifecycleCommandBatch<TinyCommand>("i-1", 2, [new("i-1:notify", new TinyCommand(TinyCommand.Notify))]);

        // Parked twice: the command worker's crash-loop guard and a later copy of the same batch.
        await parked.SendMessageAsync(LifecycleCommandBatch<TinyCommand>.Contract.Serialize(batch));
        await parked.SendMessageAsync(LifecycleCommandBatch<TinyCommand>.Contract.Serialize(batch));
        await TestStorage.EventuallyAsync(async () => (await parked.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0
            && (await runtime.Inspector.GetAsync("i-1", default))!.History.Any(h => h.EventId == "failed:i-1:notify"), "the parked batch told");

        var history = (await runtime.Inspector.GetAsync("i-1", default))!.History;
        Assert.Equal(new GaveUp(TinyCommand.Notify), Assert.Single(history, h => h.EventId == "failed:i-1:notify").Event);
        Assert.DoesNotContain(TinyCommand.Notify, await runtime.ExecutionsAsync("i-1"));
    }

    [Fact]
    public async Task An_event_for_an_ended_or_unknown_instance_changes_nothing_and_is_logged_as_dropped()
    {
        using var logs = new CapturingLoggerProvider();
        await using var runtime = await RuntimeHarness.StartAsync(azurite, logs: logs);
        await runtime.Client.SendAsync("i-1", "start", new Start(Wait), default);
        await TestStorage.EventuallyAsync(async () => await runtime.StageAsync("i-1") == TinyStage.Waiting, "charged and waiting");
        runtime.Clock.Advance(Wait);
        await TestStorage.EventuallyAsync(async () => await runtime.StageAsync("i-1") == TinyStage.Done, "woken and done");
        var ended = (await runtime.Inspector.GetAsync("i-1", default))!.History.Count;

        Assert.Equal(LifecycleApplyOutcome.Terminal, await runtime.Engine.ApplyAsync("i-1", "late", new Charged(), default));
        Assert.Equal(LifecycleApplyOutcome.UnknownInstance, await runtime.Engine.ApplyAsync("i-404", "stray", new Charged(), default));

        Assert.Equal(ended, (await runtime.Inspector.GetAsync("i-1", default))!.History.Count);
        Assert.Null(await runtime.Inspector.GetAsync("i-404", default));
        Assert.Contains(logs.Lines, l => l.Contains("Event late (Charged) for i-1 dropped: Terminal"));
        Assert.Contains(logs.Lines, l => l.Contains("Event stray (Charged) for i-404 dropped: UnknownInstance"));
    }

    [Fact]
    public async Task The_backlog_names_when_the_next_timer_falls_due()
    {
        await using var runtime = await RuntimeHarness.StartAsync(azurite);
        var backlog = runtime.Get<LifecycleBacklog<TinyState, TinyEvent, TinyCommand>>();
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
        await runtime.TimersOf("i-3").UpsertEntityAsync(runtime.Tables.TimerEntity("i-3", stale));
        runtime.Clock.Advance(TimeSpan.FromHours(2));
        await runtime.Sweeper.SweepAsync(default);

        Assert.Equal(LifecycleApplyOutcome.StaleTimer, await runtime.Engine.FireTimerAsync("i-3", stale, default));
        var view = (await runtime.Inspector.GetAsync("i-3", default))!;
        Assert.Equal(TinyStage.Waiting, view.State.Stage);
        Assert.Equal(2, view.Version);
        var row = runtime.Tables.TimerEntity("i-3", stale);
        await TestStorage.EventuallyAsync(async () => !(await runtime.TimersOf("i-3").GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, row.RowKey)).HasValue,
            "the stale row deleted once its delete went out");
    }

    [Fact]
    public async Task Commands_whose_send_failed_are_sent_when_their_dispatch_marker_falls_due_and_run_once()
    {
        var faults = new FaultInjectionPolicy();
        await using var runtime = await RuntimeHarness.StartAsync(azurite, faults);
        faults.FailNext("queue.put", "-commands");

        await runtime.Engine.ApplyAsync("i-4", "start", new Start(Wait), default);
        var stuck = (await runtime.Inspector.GetAsync("i-4", default))!;
        runtime.Clock.Advance(RuntimeHarness.DispatchGrace);
        await TestStorage.EventuallyAsync(async () => await runtime.StageAsync("i-4") == TinyStage.Waiting, "charged once the marker fell due");

        Assert.Equal(["i-4:charge"], stuck.PendingCommands.Select(c => c.CommandId));
        await TestStorage.EventuallyAsync(async () => (await runtime.Inspector.GetAsync("i-4", default))!.PendingCommands.Count == 0, "marker deleted");
        Assert.Equal([TinyCommand.Charge], await runtime.ExecutionsAsync("i-4"));
    }

    [Fact]
    public async Task Commands_sent_but_whose_marker_survived_are_sent_again_and_still_take_effect_once()
    {
        await using var runtime = await RuntimeHarness.StartAsync(azurite);

        await runtime.Engine.ApplyAsync("i-5", "start", new Start(Wait), default);
        await TestStorage.EventuallyAsync(async () => await runtime.StageAsync("i-5") == TinyStage.Waiting, "charged");
        // As if the process had died between sending the commands and deleting their marker.
        await runtime.TimersOf("i-5").UpsertEntityAsync(runtime.Tables.DispatchMarker("i-5", 1, "start", runtime.Clock.GetUtcNow()));
        runtime.Clock.Advance(RuntimeHarness.DispatchGrace);
        await TestStorage.EventuallyAsync(async () => (await runtime.Inspector.GetAsync("i-5", default))!.PendingCommands.Count == 0, "sent again");
        runtime.Clock.Advance(Wait);
        await TestStorage.EventuallyAsync(async () => (await runtime.ExecutionsAsync("i-5")).Count == 2, "notified");

        Assert.Equal([TinyCommand.Charge, TinyCommand.Notify], (await runtime.ExecutionsAsync("i-5")).Order());
        Assert.Equal(3, (await runtime.Inspector.GetAsync("i-5", default))!.Version);
    }

    [Fact]
    public async Task A_dispatch_marker_of_a_decision_never_stored_is_dropped_without_sending_anything()
    {
        await using var runtime = await RuntimeHarness.StartAsync(azurite);
        await runtime.Tables.EnsureCreatedAsync(default);
        await runtime.TimersOf("i-7").UpsertEntityAsync(runtime.Tables.DispatchMarker("i-7", 1, "never-applied", runtime.Clock.GetUtcNow()));

        // Seen once it is left (its transaction might still be committing); seen again it is deleted.
        await TestStorage.EventuallyAsync(async () =>
        {
            await runtime.Sweeper.SweepAsync(default);
            return !await runtime.TimersOf("i-7").QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"InstanceId eq {"i-7"}")).AnyAsync();
        }, "marker dropped");

        Assert.Empty(await runtime.ExecutionsAsync("i-7"));
        Assert.Null(await runtime.Inspector.GetAsync("i-7", default));
    }

    [Fact]
    public async Task Outbox_rows_an_earlier_version_left_are_dispatched_at_start_and_run_once()
    {
        var faults = new FaultInjectionPolicy();
        await using var runtime = await RuntimeHarness.StartAsync(azurite, faults);
        await runtime.Tables.EnsureCreatedAsync(default);
        await runtime.Tables.Instances.AddEntityAsync(new TableEntity(LifecycleInstanceLayout.PerInstance.Partition("i-8"),
            LifecycleInstanceLayout.OutboxRow("i-8", 1))
        {
            ["InstanceId"] = "i-8",
            ["Sequence"] = 1L,
            ["Commands"] = JsonSerializer.Serialize(new[] { new LifecycleCommand<TinyCommand>("i-8:charge", new TinyCommand(TinyCommand.Charge)) }, DocumentTable.Json),
        });

        Assert.Equal(1, await runtime.Recovery.RecoverAsync(dispatchAll: true, default));
        await TestStorage.EventuallyAsync(async () => (await runtime.ExecutionsAsync("i-8")).Count == 1, "charged");
        Assert.Equal(0, await runtime.Recovery.RecoverAsync(dispatchAll: true, default));
        Assert.Equal([TinyCommand.Charge], await runtime.ExecutionsAsync("i-8"));
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
    [Fact]
    public async Task Commands_of_an_event_applied_outside_any_worker_and_those_they_lead_to_run_in_the_background_without_a_queue_message()
    {
        await using var runtime = await RuntimeHarness.StartAsync(azurite);
        var meter = runtime.Get<StorageMeter>();
        meter.Reset();

        await runtime.Client.SendAsync("i-9", "start", new Start(TimeSpan.Zero), default);
        await TestStorage.EventuallyAsync(async () => (await runtime.ExecutionsAsync("i-9")).Count == 2, "charged and notified");

        Assert.Equal([TinyCommand.Charge, TinyCommand.Notify], await runtime.ExecutionsAsync("i-9"));
        // The start was applied by the client, which left the charge to a background runner; the charge's answer was
        // applied in process too, and the notify it led to carried out by the same runner.
        Assert.Equal(0, meter.Snapshot().GetValueOrDefault("queue.put"));
        Assert.Equal([("i-9:charge", true), ("i-9:notify", true)], await runtime.DeliveriesAsync("i-9"));
        await TestStorage.EventuallyAsync(async () => await DispatchMarkersAsync(runtime) == 0, "both dispatch markers deleted");
    }

    [Fact]
    public async Task A_command_a_later_decision_taken_in_the_same_delivery_makes_needless_is_skipped()
    {
        await using var runtime = await RuntimeHarness.StartAsync(azurite);

        await runtime.Client.SendAsync("i-14", "start", new Start(TimeSpan.Zero, Shown: true), default);
        await TestStorage.EventuallyAsync(async () => (await runtime.ExecutionsAsync("i-14")).Count == 3, "charged, notified and shown");

        // The charge's answer decided "done" (with its show) before the start's show came up: that one was not carried out.
        Assert.Equal([TinyCommand.Charge, TinyCommand.Notify, TinyCommand.Show(TinyStage.Done).Kind], await runtime.ExecutionsAsync("i-14"));
        await TestStorage.EventuallyAsync(async () => await DispatchMarkersAsync(runtime) == 0, "both dispatch markers deleted");
    }

    [Fact]
    public async Task A_command_whose_later_decision_went_to_the_queue_is_still_carried_out()
    {
        await using var runtime = await RuntimeHarness.StartAsync(azurite, settings: new Dictionary<string, string?> { ["Lifecycle:FollowUpsPerDelivery"] = "0" });

        await runtime.Client.SendAsync("i-15", "start", new Start(TimeSpan.Zero, Shown: true), default);
        await TestStorage.EventuallyAsync(async () => (await runtime.ExecutionsAsync("i-15")).Count == 4, "every command carried out");

        Assert.Equal([TinyCommand.Charge, TinyCommand.Notify, TinyCommand.Show(TinyStage.Charging).Kind, TinyCommand.Show(TinyStage.Done).Kind],
            await runtime.ExecutionsAsync("i-15"));
    }

    [Fact]
    public async Task A_follow_up_batch_that_fails_goes_to_the_command_queue_and_still_runs_once()
    {
        await using var runtime = await RuntimeHarness.StartAsync(azurite);
        var meter = runtime.Get<StorageMeter>();
        meter.Reset();
        var instance = RecordingCommandHandler.FlakyNotifyPrefix + "i-10";

        await runtime.Client.SendAsync(instance, "start", new Start(TimeSpan.Zero), default);
        await TestStorage.EventuallyAsync(async () => (await runtime.ExecutionsAsync(instance)).Count == 2, "notified from the queue");

        Assert.Equal([TinyCommand.Charge, TinyCommand.Notify], await runtime.ExecutionsAsync(instance));
        Assert.Equal(1, meter.Snapshot().GetValueOrDefault("queue.put"));
        // The queue's delivery may follow an attempt that got anywhere, so it is not called a first attempt.
        Assert.Equal([($"{instance}:charge", true), ($"{instance}:notify", true), ($"{instance}:notify", false)], await runtime.DeliveriesAsync(instance));
        await TestStorage.EventuallyAsync(async () => await DispatchMarkersAsync(runtime) == 0, "both dispatch markers deleted");
    }

    [Fact]
    public async Task A_state_the_cache_holds_is_decided_again_without_a_read_and_a_state_larger_than_the_cache_is_read()
    {
        var withinCache = await ReadsOfAStartAndItsAnswerAsync(cacheBytes: null);
        var beyondCache = await ReadsOfAStartAndItsAnswerAsync(cacheBytes: "16");

        // The charge's answer read the state that did not fit.
        Assert.Equal(withinCache + 1, beyondCache);
    }

    /// <summary>The reads of a start and of the answer its charge raises, which is decided from the state the engine wrote
    /// for the start if it kept it.</summary>
    private async Task<long> ReadsOfAStartAndItsAnswerAsync(string? cacheBytes)
    {
        await using var runtime = await RuntimeHarness.StartAsync(azurite,
            settings: cacheBytes is null ? null : new Dictionary<string, string?> { ["Lifecycle:StateCacheBytes"] = cacheBytes });
        var meter = runtime.Get<StorageMeter>();
        meter.Reset();

        await runtime.Client.SendAsync("i-cache", "start", new Start(TimeSpan.Zero), default);
        await TestStorage.EventuallyAsync(async () => (await runtime.ExecutionsAsync("i-cache")).Count == 2, "charged and notified");

        return meter.Snapshot().GetValueOrDefault("table.read");
    }

    [Fact]
    public async Task A_background_runner_s_batch_counts_in_the_backlog_until_it_is_done()
    {
        await using var runtime = await RuntimeHarness.StartAsync(azurite);
        var backlog = runtime.Get<LifecycleBacklog<TinyState, TinyEvent, TinyCommand>>();

        await runtime.Client.SendAsync("i-13", "start", new Start(TimeSpan.Zero), default);
        var readings = new List<LifecycleBacklogReading>();
        while (true)
        {
            // Kept only when taken before the batch was done.
            var reading = await backlog.ReadAsync(default);
            if ((await runtime.ExecutionsAsync("i-13")).Count == 2) break;
            readings.Add(reading);
        }
        await TestStorage.EventuallyAsync(async () => (await backlog.ReadAsync(default)).IsSettled, "settled");

        Assert.DoesNotContain(readings, r => r.IsSettled);
        // The markers' deletes hold up no one, and go out within their delay.
        await TestStorage.EventuallyAsync(async () => await DispatchMarkersAsync(runtime) == 0, "both dispatch markers deleted");
    }

    [Fact]
    public async Task Commands_a_timer_decides_are_carried_out_by_the_sweep_that_fired_it_without_a_queue_message()
    {
        await using var runtime = await RuntimeHarness.StartAsync(azurite);
        await runtime.StartWaitingAsync("i-11", Wait);
        var meter = runtime.Get<StorageMeter>();
        meter.Reset();

        runtime.Clock.Advance(Wait);
        await TestStorage.EventuallyAsync(async () => (await runtime.ExecutionsAsync("i-11")).Count == 2, "notified");

        Assert.Equal([TinyCommand.Charge, TinyCommand.Notify], await runtime.ExecutionsAsync("i-11"));
        Assert.Equal(0, meter.Snapshot().GetValueOrDefault("queue.put"));
        await TestStorage.EventuallyAsync(async () => await DispatchMarkersAsync(runtime) == 0, "the dispatch marker deleted");
    }

    [Fact]
    public async Task A_timers_command_that_fails_in_the_sweep_goes_to_the_command_queue_and_still_runs_once()
    {
        await using var runtime = await RuntimeHarness.StartAsync(azurite);
        var instance = RecordingCommandHandler.FlakyNotifyPrefix + "i-12";
        await runtime.StartWaitingAsync(instance, Wait);
        var meter = runtime.Get<StorageMeter>();
        meter.Reset();

        runtime.Clock.Advance(Wait);
        await TestStorage.EventuallyAsync(async () => (await runtime.ExecutionsAsync(instance)).Count == 2, "notified from the queue");

        Assert.Equal([TinyCommand.Charge, TinyCommand.Notify], await runtime.ExecutionsAsync(instance));
        Assert.Equal(1, meter.Snapshot().GetValueOrDefault("queue.put"));
        await TestStorage.EventuallyAsync(async () => await DispatchMarkersAsync(runtime) == 0, "the dispatch marker deleted");
    }

    [Fact]
    public async Task A_timers_decision_whose_commands_never_went_out_is_sent_again_when_the_sweep_finds_its_row()
    {
        var faults = new FaultInjectionPolicy();
        await using var runtime = await RuntimeHarness.StartAsync(azurite, faults);
        await runtime.StartWaitingAsync("i-13", Wait);
        var dueAt = (await runtime.Inspector.GetAsync("i-13", default))!.NextWakeAt!.Value;

        // As if the process had stopped once the timer's decision was stored: no dispatch marker holds its commands.
        faults.FailNext("queue.put", "-commands");
        await Assert.ThrowsAnyAsync<Exception>(() => runtime.Engine.FireTimerAsync("i-13", dueAt, default));
        Assert.True((await runtime.Inspector.GetAsync("i-13", default))!.IsTerminal);
        Assert.Equal(0, await DispatchMarkersOfAsync(runtime, LifecycleTables<TinyEvent, TinyCommand>.TimerEventId(dueAt)));
        Assert.Equal([TinyCommand.Charge], await runtime.ExecutionsAsync("i-13"));
        // Within the dispatch grace the row is left alone: another process's sweep may still be carrying the decision out.
        var dispatcher = runtime.Get<LifecycleOutboxDispatcher<TinyEvent, TinyCommand>>();
        Assert.False(await dispatcher.RedispatchTimerDecisionAsync("i-13", LifecycleTables<TinyEvent, TinyCommand>.TimerEventId(dueAt), default));

        runtime.Clock.Advance(Wait);
        await TestStorage.EventuallyAsync(async () => (await runtime.ExecutionsAsync("i-13")).Count == 2, "notified from the timer row");
        var row = runtime.Tables.TimerEntity("i-13", dueAt);
        await TestStorage.EventuallyAsync(async () => !(await runtime.TimersOf("i-13").GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, row.RowKey)).HasValue,
            "the timer row deleted once its commands were sent");

        Assert.Equal([TinyCommand.Charge, TinyCommand.Notify], await runtime.ExecutionsAsync("i-13"));
    }

    [Fact]
    public async Task A_timers_decision_takes_no_dispatch_marker()
    {
        await using var runtime = await RuntimeHarness.StartAsync(azurite);
        await runtime.StartWaitingAsync("i-14", Wait);
        var dueAt = (await runtime.Inspector.GetAsync("i-14", default))!.NextWakeAt!.Value;
        var meter = runtime.Get<StorageMeter>();
        meter.Reset();

        // Outside any sweep the commands go to the queue at once, and no timer-table row is written for them.
        Assert.Equal(LifecycleApplyOutcome.Applied, await runtime.Engine.FireTimerAsync("i-14", dueAt, default));

        var requests = meter.Snapshot();
        Assert.Equal(1, requests.GetValueOrDefault("table.batch"));
        Assert.Equal(1, requests.GetValueOrDefault("queue.put"));
        Assert.Equal(0, await DispatchMarkersOfAsync(runtime, LifecycleTables<TinyEvent, TinyCommand>.TimerEventId(dueAt)));
    }

    [Fact]
    public async Task A_timer_row_a_sweep_reads_before_the_decision_that_set_it_commits_is_left_for_the_next_sweep()
    {
        await using var runtime = await RuntimeHarness.StartAsync(azurite, settings: new Dictionary<string, string?> { ["Lifecycle:SweepInterval"] = "01:00:00" });
        await runtime.Tables.EnsureCreatedAsync(default);
        var due = runtime.Clock.GetUtcNow().AddHours(-1);

        // A sweeper of its own, which the harness's (at rest for the hour, after its first pass) cannot have seen the row for.
        var sweeper = ActivatorUtilities.CreateInstance<LifecycleTimerSweeper<TinyState, TinyEvent, TinyCommand>>(runtime.Get<IServiceProvider>());

        // The engine writes the row first, then the transaction that points the state at it: a sweep in between finds it stale.
        await runtime.TimersOf("i-17").UpsertEntityAsync(runtime.Tables.TimerEntity("i-17", due));
        Assert.Equal(0, await sweeper.SweepAsync(default));
        var waiting = JsonSerializer.Serialize(new TinyState(TinyStage.Waiting, Wait, due), DocumentTable.Json);
        await runtime.Tables.InstancesOf("i-17").AddEntityAsync(
            (await runtime.Tables.LayoutAsync(default)).StateEntity("i-17", waiting, 2, false, due, null, runtime.Clock.GetUtcNow()));

        // Fired by this sweep, or by the harness's own first pass when that came late: either way not lost, and once.
        await sweeper.SweepAsync(default);
        await TestStorage.EventuallyAsync(async () => await runtime.StageAsync("i-17") == TinyStage.Done
            && (await runtime.ExecutionsAsync("i-17")).Count > 0, "the timer fired and its command was carried out");
        Assert.Equal([TinyCommand.Notify], await runtime.ExecutionsAsync("i-17"));
    }

    /// <summary>Starts the instance and waits until it is charged, waits for its timer, and the runtime has settled.</summary>
    private static async Task<int> DispatchMarkersOfAsync(RuntimeHarness runtime, string eventId) =>
        (await runtime.TimerRowsAsync(["RowKey", "EventId"]))
            .Count(row => LifecycleTables<TinyEvent, TinyCommand>.IsDispatchMarker(row) && row.GetString("EventId") == eventId);

    private static async Task<int> DispatchMarkersAsync(RuntimeHarness runtime) =>
        (await runtime.TimerRowsAsync(["RowKey"])).Count(LifecycleTables<TinyEvent, TinyCommand>.IsDispatchMarker);
}
