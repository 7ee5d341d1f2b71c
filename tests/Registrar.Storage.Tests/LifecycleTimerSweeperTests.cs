using Azure.Data.Tables;
using Registrar.Storage.Lifecycle;
using Registrar.Storage.TestHost;
using Registrar.Testing;

namespace Registrar.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class LifecycleTimerSweeperTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Wait = TimeSpan.FromDays(30);

    [Fact]
    public async Task The_sweep_fires_on_while_a_fired_rows_delete_goes_out_and_the_backlog_counts_that_delete_until_it_has()
    {
        // One timer at a time: a sweep that waited for each fired row's delete could not fire the second while the first's is held.
        // One shard, so both rows are in the table whose transactions are held.
        var held = new HoldTransactionsPolicy();
        await using var runtime = await RuntimeHarness.StartAsync(azurite, held,
            new Dictionary<string, string?> { ["Lifecycle:TimerConcurrency"] = "1", ["Lifecycle:TimerShards"] = "1" });
        var backlog = runtime.Get<LifecycleBacklog<TinyState, TinyEvent, TinyCommand>>();
        await runtime.StartWaitingAsync("i-swept-a", Wait);
        await runtime.StartWaitingAsync("i-swept-b", Wait);
        await TestStorage.EventuallyAsync(async () => await TimerRowsAsync(runtime) == 2, "only the two wake-ups left");

        // The first transaction on the timer table from here on is the first fired row's delete.
        held.Arm(runtime.Tables.Timers.Name + "(");
        runtime.Clock.Advance(Wait);
        LifecycleBacklogReading? whileHeld = null;
        try
        {
            await held.Arrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
            // Once its commands are done, the second fired row is on its way out too: no timer is due any more.
            await TestStorage.EventuallyAsync(async () => await runtime.StageAsync("i-swept-b") == TinyStage.Done
                && (whileHeld = await backlog.ReadAsync(default)).DueTimers == 0, "the second timer fired and its row is on its way out");
        }
        finally
        {
            held.Release.TrySetResult();
        }

        Assert.Equal(TinyStage.Done, await runtime.StageAsync("i-swept-a"));
        Assert.False(whileHeld!.IsSettled);
        Assert.InRange(whileHeld.WaitingTimerWrites, 1, 2);
        await TestStorage.EventuallyAsync(async () => (await backlog.ReadAsync(default)).IsSettled && await TimerRowsAsync(runtime) == 0,
            "both fired rows deleted and the runtime settled");
    }

    [Fact]
    public async Task Waiting_for_the_backlog_to_settle_ends_with_what_is_left_while_work_is_in_hand_and_with_two_settled_readings_once_it_is_done()
    {
        var held = new HoldTransactionsPolicy();
        await using var runtime = await RuntimeHarness.StartAsync(azurite, held, new Dictionary<string, string?> { ["Lifecycle:TimerShards"] = "1" });
        var backlog = runtime.Get<LifecycleBacklog<TinyState, TinyEvent, TinyCommand>>();
        await runtime.StartWaitingAsync("i-waited", Wait);
        Assert.True((await backlog.WaitUntilSettledAsync(TimeSpan.FromSeconds(30), default)).IsSettled);

        // The timer table's next transaction is held (the fired row's delete, or a row the decision writes): the runtime
        // has not settled until it goes out.
        held.Arm(runtime.Tables.Timers.Name + "(");
        runtime.Clock.Advance(Wait);
        LifecycleBacklogReading whileHeld;
        try
        {
            await held.Arrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
            whileHeld = await backlog.WaitUntilSettledAsync(TimeSpan.FromMilliseconds(300), default);
        }
        finally
        {
            held.Release.TrySetResult();
        }
        var done = await backlog.WaitUntilSettledAsync(TimeSpan.FromSeconds(30), default);

        Assert.False(whileHeld.IsSettled);
        Assert.True(done.IsSettled);
        Assert.Equal(TinyStage.Done, await runtime.StageAsync("i-waited"));
    }

    private static async Task<int> TimerRowsAsync(RuntimeHarness runtime) => (await runtime.TimerRowsAsync(["PartitionKey"])).Count;
}
