using System.Text.Json;
using Azure.Data.Tables;
using Registrar.Storage.Lifecycle;
using Registrar.Storage.Tables;
using Registrar.Storage.TestHost;
using Registrar.Testing;

namespace Registrar.Storage.Tests;

/// <summary>A wake-up row goes to whichever timer shard the rows written beside it go to, and the state row records which
/// (issue 16): a later decision deletes the superseded row there, and a state written before rows were placed finds its
/// row in its instance's own shard.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class LifecycleWakeUpPlacementTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Wait = TimeSpan.FromDays(30);

    [Fact]
    public async Task A_postponed_wake_up_is_deleted_from_the_shard_its_state_records_and_the_new_one_is_recorded_where_it_was_placed()
    {
        await using var runtime = await RuntimeHarness.StartAsync(azurite);
        await runtime.Tables.EnsureCreatedAsync(default);
        var id = InstanceOutside(runtime, "shard-2");
        var due = runtime.Clock.GetUtcNow().Add(Wait);
        await PlantWaitingAsync(runtime, id, due, placedIn: "shard-2");

        await runtime.Engine.ApplyAsync(id, "postpone", new Postpone(TimeSpan.FromDays(1)), default);

        await TestStorage.EventuallyAsync(async () => !await HoldsAsync(runtime, "shard-2", id, due), "the superseded row deleted from shard-2");
        var state = await StateRowAsync(runtime, id);
        var placedIn = state.GetString("NextWakeShard");
        Assert.True(await HoldsAsync(runtime, placedIn, id, due.AddDays(1)));
        Assert.Equal([due.AddDays(1)], (await runtime.TimerRowsAsync()).Select(row => row.GetDateTimeOffset("DueAt")));
    }

    [Fact]
    public async Task A_wake_up_written_before_rows_were_placed_is_deleted_from_its_instances_own_shard_when_superseded()
    {
        await using var runtime = await RuntimeHarness.StartAsync(azurite);
        await runtime.Tables.EnsureCreatedAsync(default);
        var own = runtime.Tables.TimerShard("legacy-1");
        var due = runtime.Clock.GetUtcNow().Add(Wait);
        await PlantWaitingAsync(runtime, "legacy-1", due, placedIn: null);

        await runtime.Engine.ApplyAsync("legacy-1", "postpone", new Postpone(TimeSpan.FromDays(1)), default);

        await TestStorage.EventuallyAsync(async () => !await HoldsAsync(runtime, own, "legacy-1", due), "the superseded row deleted from the instance's shard");
        Assert.Equal([due.AddDays(1)], (await runtime.TimerRowsAsync()).Select(row => row.GetDateTimeOffset("DueAt")));
    }

    [Fact]
    public async Task A_placed_wake_up_fires_once_and_a_shard_since_retired_is_looked_for_in_the_instances_own()
    {
        await using var runtime = await RuntimeHarness.StartAsync(azurite);
        await runtime.StartWaitingAsync("p-1", Wait);
        var placedIn = (await StateRowAsync(runtime, "p-1")).GetString("NextWakeShard");

        runtime.Clock.Advance(Wait);

        await TestStorage.EventuallyAsync(async () => await runtime.StageAsync("p-1") == TinyStage.Done
            && (await runtime.ExecutionsAsync("p-1")).Count == 2, "woken and notified");
        Assert.StartsWith("shard-", placedIn);
        Assert.Equal([TinyCommand.Charge, TinyCommand.Notify], (await runtime.ExecutionsAsync("p-1")).Order());
        Assert.Equal(runtime.Tables.TimerShard("p-1"), runtime.Tables.TimerEntity("p-1", runtime.Clock.GetUtcNow(), "shard-9").PartitionKey);
    }

    private static string InstanceOutside(RuntimeHarness runtime, string shard) =>
        Enumerable.Range(0, 100).Select(i => $"placed-{i}").First(id => runtime.Tables.TimerShard(id) != shard);

    /// <summary>A waiting instance's state and wake-up row, as the engine leaves them.</summary>
    private static async Task PlantWaitingAsync(RuntimeHarness runtime, string id, DateTimeOffset due, string? placedIn)
    {
        var row = runtime.Tables.TimerEntity(id, due, placedIn);
        await runtime.Tables.TimersIn(row.PartitionKey).UpsertEntityAsync(row);
        var waiting = JsonSerializer.Serialize(new TinyState(TinyStage.Waiting, Wait, due), DocumentTable.Json);
        await runtime.Tables.InstancesOf(id).AddEntityAsync(
            (await runtime.Tables.LayoutAsync(default)).StateEntity(id, waiting, 2, false, due, placedIn, runtime.Clock.GetUtcNow()));
    }

    private static async Task<bool> HoldsAsync(RuntimeHarness runtime, string shard, string id, DateTimeOffset due)
    {
        var row = runtime.Tables.TimerEntity(id, due, shard);
        return (await runtime.Tables.TimersIn(shard).GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, row.RowKey)).HasValue;
    }

    private static async Task<TableEntity> StateRowAsync(RuntimeHarness runtime, string id)
    {
        var layout = await runtime.Tables.LayoutAsync(default);
        return (await runtime.Tables.InstancesOf(id).GetEntityAsync<TableEntity>(layout.Partition(id), layout.StateRow(id))).Value;
    }
}
