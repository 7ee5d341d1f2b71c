using Azure.Data.Tables;
using Registrar.Storage.Lifecycle;
using Registrar.Storage.TestHost;
using Registrar.Testing;

namespace Registrar.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class LifecycleTimerShardsTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Wait = TimeSpan.FromDays(30);
    private static readonly string[] Instances = [.. Enumerable.Range(1, 12).Select(i => $"i-{i}")];

    [Fact]
    public async Task Timers_written_to_more_shards_than_a_later_start_configures_are_moved_into_its_shards_and_fire()
    {
        var prefix = TestStorage.NewPrefix();
        await using (var before = await StartAsync(prefix, shards: 4))
        {
            await StartAllAsync(before);
            Assert.True((await PartitionsAsync(before)).Count(p => p.StartsWith("shard-", StringComparison.Ordinal)) > 1);
        }

        await using var after = await StartAsync(prefix, shards: 1);
        await after.Sweeper.SweepAsync(default);

        await AssertInOneShardAndFiredOnceAsync(after);
    }

    [Fact]
    public async Task Two_processes_starting_with_fewer_shards_at_once_both_move_the_retired_rows_and_every_timer_fires_once()
    {
        var prefix = TestStorage.NewPrefix();
        await using (var before = await StartAsync(prefix, shards: 4))
        {
            await StartAllAsync(before);
        }

        await using var one = await StartAsync(prefix, shards: 1);
        await using var other = await StartAsync(prefix, shards: 1);
        await Task.WhenAll(one.Sweeper.SweepAsync(default), other.Sweeper.SweepAsync(default));

        await AssertInOneShardAndFiredOnceAsync(one, other);
    }

    [Fact]
    public async Task A_start_with_the_count_the_table_was_written_with_moves_nothing()
    {
        var prefix = TestStorage.NewPrefix();
        await using (var before = await StartAsync(prefix, shards: 2))
        {
            await StartAllAsync(before);
            await before.Sweeper.SweepAsync(default);
        }
        await using var again = await StartAsync(prefix, shards: 2);
        var rowsBefore = await WakeUpsAsync(again, "shard-0") + await WakeUpsAsync(again, "shard-1");

        await again.Sweeper.SweepAsync(default);

        Assert.Equal(["layout", "shard-0", "shard-1"], await PartitionsAsync(again));
        Assert.Equal(rowsBefore, await WakeUpsAsync(again, "shard-0") + await WakeUpsAsync(again, "shard-1"));
        Assert.Equal(Instances.Length, rowsBefore);
    }

    private Task<RuntimeHarness> StartAsync(string prefix, int shards) => RuntimeHarness.StartAsync(azurite, settings: new Dictionary<string, string?>
    {
        ["Storage:NamePrefix"] = prefix,
        ["Lifecycle:TimerShards"] = shards.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    private static async Task StartAllAsync(RuntimeHarness runtime)
    {
        foreach (var instance in Instances) await runtime.Client.SendAsync(instance, "start", new Start(Wait), default);
        await TestStorage.EventuallyAsync(async () => await AllAtAsync(runtime, TinyStage.Waiting), "all waiting");
    }

    /// <summary>Every timer is in shard 0 and fires once, whichever of the processes sharing the tables fires it (they share
    /// one executions table too).</summary>
    private static async Task AssertInOneShardAndFiredOnceAsync(RuntimeHarness runtime, params RuntimeHarness[] others)
    {
        Assert.Equal(["layout", "shard-0"], await PartitionsAsync(runtime));
        Assert.Equal(Instances.Length, await WakeUpsAsync(runtime, "shard-0"));
        foreach (var process in others.Prepend(runtime)) process.Clock.Advance(Wait);
        await TestStorage.EventuallyAsync(async () => await AllAtAsync(runtime, TinyStage.Done), "every timer fired once moved");
        foreach (var instance in Instances) Assert.Equal([TinyCommand.Charge, TinyCommand.Notify], (await runtime.ExecutionsAsync(instance)).Order());
    }

    private static async Task<bool> AllAtAsync(RuntimeHarness runtime, TinyStage stage)
    {
        foreach (var instance in Instances)
        {
            if (await runtime.StageAsync(instance) != stage) return false;
        }
        return (await runtime.Get<LifecycleBacklog<TinyState, TinyEvent, TinyCommand>>().ReadAsync(default)).IsSettled;
    }

    private static async Task<List<string>> PartitionsAsync(RuntimeHarness runtime) =>
        await runtime.Tables.Timers.QueryAsync<TableEntity>(select: ["PartitionKey"]).Select(row => row.PartitionKey).Distinct().Order(StringComparer.Ordinal).ToListAsync();

    /// <summary>Wake-up rows only: a dispatch marker whose delete was still waiting when a host stopped stays behind.</summary>
    private static async Task<int> WakeUpsAsync(RuntimeHarness runtime, string partition) =>
        await runtime.Tables.Timers.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"))
            .CountAsync(row => !LifecycleTables<TinyEvent, TinyCommand>.IsDispatchMarker(row));
}
