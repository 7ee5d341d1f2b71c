using Azure.Data.Tables;
using Registrar.Storage.Lifecycle;
using Registrar.Storage.Metering;
using Registrar.Testing;

namespace Registrar.Storage.Tests;

/// <summary>The timer table's group commit on Azurite: deletes no one waits for ride with the shard's next write (issue 16).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class LifecycleTimerWriterTests(AzuriteFixture azurite)
{
    private static TableEntity Row(string rowKey) => new("shard-0", rowKey) { ["Instance"] = rowKey };

    private async Task<(TableClient Table, StorageMeter Meter)> TimersAsync()
    {
        var meter = new StorageMeter();
        var table = TestStorage.Clients(azurite, meter).Table("timers");
        await table.CreateIfNotExistsAsync();
        meter.Reset();
        return (table, meter);
    }

    [Fact]
    public async Task A_delete_no_one_waits_for_goes_out_with_the_shards_next_write_in_one_transaction()
    {
        var (table, meter) = await TimersAsync();
        var writer = new LifecycleTimerWriter(_ => table, ["shard-0"], deleteDelay: TimeSpan.FromMinutes(1));
        await writer.UpsertAsync(Row("a"), default);

        writer.DeleteLater(Row("a"));
        Assert.True(writer.DeletingIn("shard-0").Contains("a"));
        await writer.UpsertAsync(Row("b"), default);

        Assert.False(writer.DeletingIn("shard-0").Contains("a"));
        Assert.Equal(2, meter.Snapshot().GetValueOrDefault("table.batch"));
        Assert.Equal(["b"], table.Query<TableEntity>().Select(row => row.RowKey));
    }

    [Fact]
    public async Task A_delete_made_while_the_shard_commits_waits_for_the_shards_next_write()
    {
        var held = new HoldTransactionsPolicy("held");
        var meter = new StorageMeter();
        var table = TestStorage.Clients(azurite, meter, held).Table("timers");
        await table.CreateIfNotExistsAsync();
        var writer = new LifecycleTimerWriter(_ => table, ["shard-0"], deleteDelay: TimeSpan.FromMinutes(1));
        await writer.UpsertAsync(Row("a"), default);
        meter.Reset();

        var committing = writer.UpsertAsync(Row("held"), default);
        await held.Arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        writer.DeleteLater(Row("a"));
        held.Release.SetResult();
        await committing;

        Assert.True(writer.DeletingIn("shard-0").Contains("a"));
        await writer.UpsertAsync(Row("b"), default);
        Assert.Equal(2, meter.Snapshot().GetValueOrDefault("table.batch"));
        var rows = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>()) rows.Add(row.RowKey);
        Assert.Equal(["b", "held"], rows);
    }

    [Fact]
    public async Task Rows_placed_while_a_round_commits_go_out_together_as_the_next_round_to_the_next_shard()
    {
        var held = new HoldTransactionsPolicy("held");
        var meter = new StorageMeter();
        var clients = TestStorage.Clients(azurite, meter, held);
        var tables = new Dictionary<string, TableClient> { ["shard-0"] = clients.Table("timers"), ["shard-1"] = clients.Table("timers1") };
        foreach (var table in tables.Values) await table.CreateIfNotExistsAsync();
        var writer = new LifecycleTimerWriter(shard => tables[shard], ["shard-0", "shard-1"], deleteDelay: TimeSpan.FromMinutes(1));
        meter.Reset();

        var first = writer.PlaceAsync(Row("held"), default);
        await held.Arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var placed = Enumerable.Range(0, 30).Select(i => writer.PlaceAsync(Row($"row-{i:D2}"), default)).ToList();
        Assert.Equal(31, writer.Waiting);
        held.Release.SetResult();

        Assert.Equal("shard-0", await first);
        Assert.All(await Task.WhenAll(placed), shard => Assert.Equal("shard-1", shard));
        Assert.Equal(2, meter.Snapshot().GetValueOrDefault("table.batch"));
        Assert.Equal(["held"], await tables["shard-0"].QueryAsync<TableEntity>().Select(row => row.RowKey).ToListAsync());
        Assert.Equal(30, await tables["shard-1"].QueryAsync<TableEntity>(row => row.PartitionKey == "shard-1").CountAsync());
    }

    [Fact]
    public async Task A_delete_no_one_waits_for_goes_out_alone_once_its_delay_passed()
    {
        var (table, _) = await TimersAsync();
        var writer = new LifecycleTimerWriter(_ => table, ["shard-0"], deleteDelay: TimeSpan.FromMilliseconds(100));
        await writer.UpsertAsync(Row("a"), default);

        writer.DeleteLater(Row("a"));

        await TestStorage.EventuallyAsync(() => Task.FromResult(!writer.DeletingIn("shard-0").Contains("a")), "the delete went out", seconds: 10);
        Assert.Empty(table.Query<TableEntity>());
    }

    [Fact]
    public async Task A_row_deleted_later_and_written_again_meanwhile_is_kept_as_last_written()
    {
        var (table, _) = await TimersAsync();
        var writer = new LifecycleTimerWriter(_ => table, ["shard-0"], deleteDelay: TimeSpan.FromMinutes(1));
        await writer.UpsertAsync(Row("a"), default);

        writer.DeleteLater(Row("a"));
        await writer.UpsertAsync(Row("a"), default);

        Assert.Equal(["a"], table.Query<TableEntity>().Select(row => row.RowKey));
    }

    [Fact]
    public async Task A_row_deleted_later_is_known_as_being_deleted_until_its_delete_went_out_holding_up_no_one()
    {
        var (table, _) = await TimersAsync();
        var writer = new LifecycleTimerWriter(_ => table, ["shard-0"], deleteDelay: TimeSpan.FromMilliseconds(100));
        await writer.UpsertAsync(Row("a"), default);

        writer.DeleteLater(Row("a"));

        Assert.True(writer.DeletingIn("shard-0").Contains("a"));
        Assert.False(writer.DeletingIn("shard-1").Contains("a"));
        Assert.Equal(0, writer.Waiting);
        await TestStorage.EventuallyAsync(() => Task.FromResult(!writer.DeletingIn("shard-0").Contains("a")), "the delete went out", seconds: 10);
        Assert.Empty(table.Query<TableEntity>());
    }
}
