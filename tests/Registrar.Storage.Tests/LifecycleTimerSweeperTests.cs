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

    [Fact]
    public async Task A_sweep_reads_each_shard_once_when_what_it_fired_set_no_wake_up_due_by_now()
    {
        var reads = new TimerReadsPolicy();
        await using var runtime = await StartWithOnlyCalledSweepsAsync(reads, shards: 4);
        await runtime.StartWaitingAsync("i-read-once-a", Wait);
        await runtime.StartWaitingAsync("i-read-once-b", Wait);
        runtime.Clock.Advance(Wait);
        reads.Reset();

        var fired = await runtime.Sweeper.SweepAsync(default);

        Assert.Equal(2, fired);
        // Issue 16: one read per shard; before, every shard was read again after a pass that fired.
        Assert.Equal(4, reads.Count);
    }

    [Fact]
    public async Task A_wake_up_a_fired_decision_set_due_at_once_fires_in_the_same_sweep_reading_only_the_shard_it_went_to()
    {
        var reads = new TimerReadsPolicy();
        await using var runtime = await StartWithOnlyCalledSweepsAsync(reads, shards: 4);
        await runtime.Client.SendAsync("i-behind", "start", new Start(Wait, WakesBehind: 1), default);
        await TestStorage.EventuallyAsync(async () => await runtime.StageAsync("i-behind") == TinyStage.Waiting, "charged and waiting");
        runtime.Clock.Advance(Wait);
        reads.Reset();

        var fired = await runtime.Sweeper.SweepAsync(default);
        var shardsRead = reads.Count;

        Assert.Equal(2, fired);
        Assert.Equal(TinyStage.Done, await runtime.StageAsync("i-behind"));
        Assert.Equal(4 + 1, shardsRead);
    }

    [Fact]
    public async Task A_shard_holding_more_due_rows_than_a_page_is_read_again_in_the_same_sweep_until_every_row_fired()
    {
        await using var runtime = await StartWithOnlyCalledSweepsAsync(faults: null, shards: 1);
        var instances = Enumerable.Range(0, 1_001).Select(i => $"i-paged-{i:D4}").ToList();
        await Parallel.ForEachAsync(instances, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (instance, ct) =>
        {
            await runtime.Engine.ApplyAsync(instance, "start", new Start(Wait), ct);
            await runtime.Engine.ApplyAsync(instance, "charged", new Charged(), ct);
        });
        await TestStorage.EventuallyAsync(async () => await TimerRowsAsync(runtime) == instances.Count, "every instance waiting");
        runtime.Clock.Advance(Wait);

        var fired = await runtime.Sweeper.SweepAsync(default);

        Assert.Equal(instances.Count, fired);
    }

    /// <summary>A runtime whose own sweeps are over until long after the tests' clock moves (an interval within a timer's
    /// range), so only the sweeps a test calls fire timers. The host's first sweep starts with it: the sweep called here
    /// waits for that one's move of retired shards, which is most of it on a loaded machine.</summary>
    private async Task<RuntimeHarness> StartWithOnlyCalledSweepsAsync(Azure.Core.Pipeline.HttpPipelinePolicy? faults, int shards)
    {
        var runtime = await RuntimeHarness.StartAsync(azurite, faults, new Dictionary<string, string?>
        {
            ["Lifecycle:SweepInterval"] = "40.00:00:00",
            ["Lifecycle:TimerShards"] = shards.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        await runtime.Sweeper.SweepAsync(default);
        return runtime;
    }

    /// <summary>Counts the reads of the timer tables (each a range query of one shard).</summary>
    private sealed class TimerReadsPolicy : Azure.Core.Pipeline.HttpPipelineSynchronousPolicy
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Reset() => Interlocked.Exchange(ref _count, 0);

        public override void OnSendingRequest(Azure.Core.HttpMessage message)
        {
            if (message.Request.Method == Azure.Core.RequestMethod.Get && message.Request.Uri.Path.Contains("lifecycletimers", StringComparison.Ordinal))
                Interlocked.Increment(ref _count);
        }
    }

    private static async Task<int> TimerRowsAsync(RuntimeHarness runtime) => (await runtime.TimerRowsAsync(["PartitionKey"])).Count;
}
