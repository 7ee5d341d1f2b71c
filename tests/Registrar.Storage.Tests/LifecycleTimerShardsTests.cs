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
            Assert.True((await PlacesAsync(before)).Count(p => p.Contains("shard-", StringComparison.Ordinal)) > 1);
        }

        await using var after = await StartAsync(prefix, shards: 1);
        await after.Sweeper.SweepAsync(default);

        await AssertInOneShardAndFiredOnceAsync(after);
    }

    [Fact]
    public async Task Timers_a_process_wrote_to_its_shards_tables_and_stopped_before_recording_the_count_are_moved_all_the_same()
    {
        var prefix = TestStorage.NewPrefix();
        await using (var before = await StartAsync(prefix, shards: 4))
        {
            await StartAllAsync(before);
            // The count is recorded by a process's first sweep: as if it stopped before that.
            await before.Tables.Timers.DeleteEntityAsync("layout", "shards");
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

        Assert.Equal(["0 layout", "0 shard-0", "1 shard-1"], await PlacesAsync(again));
        Assert.Equal(rowsBefore, await WakeUpsAsync(again, "shard-0") + await WakeUpsAsync(again, "shard-1"));
        Assert.Equal(Instances.Length, rowsBefore);
    }

    [Fact]
    public async Task Timers_an_earlier_version_kept_in_one_table_for_every_shard_are_moved_into_their_shards_tables_and_fire_once()
    {
        var prefix = TestStorage.NewPrefix();
        List<string> shards;
        await using (var before = await StartAsync(prefix, shards: 4))
        {
            await StartAllAsync(before);
            // Its first sweep looks into every shard a table without a record may hold, then records the count: it is over
            // before the rows are rewritten as an earlier version kept them, or it moves some and records the count after.
            await before.Sweeper.SweepAsync(default);
            // Wake-ups are placed in any shard; dispatch markers may still be on their way out.
            shards = [.. (await before.TimerRowsAsync()).Where(row => !LifecycleTables<TinyEvent, TinyCommand>.IsDispatchMarker(row))
                .Select(row => row.PartitionKey).Distinct().Order(StringComparer.Ordinal)];
            await WriteAsAnEarlierVersionAsync(before);
            Assert.All(await PlacesAsync(before), place => Assert.StartsWith("0 ", place));
        }

        await using var after = await StartAsync(prefix, shards: 4);
        await after.Sweeper.SweepAsync(default);

        Assert.True(shards.Count > 1);
        Assert.All(await PlacesAsync(after), place => Assert.True(InItsShardsTable(place), place));
        Assert.Equal(Instances.Length, (await Task.WhenAll(after.Tables.ShardPartitions.Select(shard => WakeUpsAsync(after, shard)))).Sum());
        after.Clock.Advance(Wait);
        await TestStorage.EventuallyAsync(async () => await AllAtAsync(after, TinyStage.Done), "every timer fired once moved");
        foreach (var instance in Instances) Assert.Equal([TinyCommand.Charge, TinyCommand.Notify], (await after.ExecutionsAsync(instance)).Order());
    }

    /// <summary>Puts every timer row in the first table, under a record of the shard count alone, as versions before the
    /// shards' own tables kept them.</summary>
    private static async Task WriteAsAnEarlierVersionAsync(RuntimeHarness runtime)
    {
        for (var shard = 1; shard < runtime.Tables.Shards; shard++)
        {
            var table = runtime.Tables.TimerTable(shard);
            await foreach (var row in table.QueryAsync<TableEntity>())
            {
                await runtime.Tables.Timers.AddEntityAsync(new TableEntity(row));
                await table.DeleteEntityAsync(row);
            }
        }
        await runtime.Tables.Timers.UpsertEntityAsync(new TableEntity("layout", "shards") { ["Shards"] = runtime.Tables.Shards }, TableUpdateMode.Replace);
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
        Assert.Equal(["0 layout", "0 shard-0"], await PlacesAsync(runtime));
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

    /// <summary>"{table} {partition}" of every timer row, in the tables of shards 0 to 3.</summary>
    private static async Task<List<string>> PlacesAsync(RuntimeHarness runtime)
    {
        var places = new List<string>();
        for (var shard = 0; shard < 4; shard++)
            places.AddRange((await PartitionsAsync(runtime.Tables.TimerTable(shard))).Select(partition => $"{shard} {partition}"));
        return [.. places.Order(StringComparer.Ordinal)];
    }

    /// <summary>A place of <see cref="PlacesAsync"/> that is a shard's partition in its own table, or the record in the first.</summary>
    private static bool InItsShardsTable(string place) => place == "0 layout" || place == $"{place.Split(' ')[0]} shard-{place.Split(' ')[0]}";

    private static async Task<List<string>> PartitionsAsync(TableClient table)
    {
        try
        {
            return await table.QueryAsync<TableEntity>(select: ["PartitionKey"]).Select(row => row.PartitionKey).Distinct().ToListAsync();
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            // A shard's table is created by a process configured with that shard.
            return [];
        }
    }

    /// <summary>Wake-up rows only: a dispatch marker whose delete was still waiting when a host stopped stays behind.</summary>
    private static async Task<int> WakeUpsAsync(RuntimeHarness runtime, string partition) =>
        await runtime.Tables.TimersIn(partition).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"))
            .CountAsync(row => !LifecycleTables<TinyEvent, TinyCommand>.IsDispatchMarker(row));
}
