using Azure.Data.Tables;
using Registrar.Storage.Configuration;
using Registrar.Storage.Lifecycle;
using Registrar.Storage.Metering;
using Registrar.Storage.Tables;
using Registrar.Storage.TestHost;
using Registrar.Testing;

namespace Registrar.Storage.Tests;

/// <summary>Issue 16: instances share partitions so their decisions share transactions, and tables of earlier versions keep
/// the layout their running instances were written with.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class LifecycleInstanceLayoutTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Wait = TimeSpan.FromDays(30);

    [Fact]
    public async Task Decisions_of_one_partition_waiting_at_the_same_moment_go_out_in_shared_transactions()
    {
        await using var runtime = await RuntimeHarness.StartAsync(azurite, settings: Groups(1));
        var instances = Enumerable.Range(1, 20).Select(i => $"g-{i}").ToList();
        foreach (var id in instances) await runtime.Client.SendAsync(id, "start", new Start(Wait), default);
        await TestStorage.EventuallyAsync(async () => (await runtime.Get<LifecycleBacklog<TinyState, TinyEvent, TinyCommand>>().ReadAsync(default)).IsSettled
            && (await Task.WhenAll(instances.Select(runtime.StageAsync))).All(stage => stage == TinyStage.Waiting), "all charged and waiting");
        var meter = runtime.Get<StorageMeter>();
        meter.Reset();

        // An event the waiting stage ignores: each decision writes its state and its event row, and nothing else.
        var outcomes = await Task.WhenAll(instances.Select(id => runtime.Engine.ApplyAsync(id, "ignored", new GaveUp("audit"), default)));

        Assert.All(outcomes, outcome => Assert.Equal(LifecycleApplyOutcome.Applied, outcome));
        // One transaction per decision before instances shared partitions.
        Assert.InRange(meter.Snapshot().GetValueOrDefault("table.batch"), 1, 10);
        var events = await runtime.Tables.Instances.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {"group-0"} and EventId eq {"ignored"}")).ToListAsync();
        Assert.Equal(20, events.Count);
    }

    [Fact]
    public async Task A_repeated_event_in_a_shared_transaction_fails_alone_and_the_decisions_beside_it_are_stored()
    {
        await using var runtime = await RuntimeHarness.StartAsync(azurite, settings: Groups(1));
        Assert.Equal(LifecycleApplyOutcome.Applied, await runtime.Engine.ApplyAsync("r-0", "start", new Start(Wait), default));

        var again = runtime.Engine.ApplyAsync("r-0", "start", new Start(Wait), default);
        var others = Enumerable.Range(1, 10).Select(i => runtime.Engine.ApplyAsync($"r-{i}", "start", new Start(Wait), default)).ToList();

        Assert.Equal(LifecycleApplyOutcome.Duplicate, await again);
        Assert.All(await Task.WhenAll(others), outcome => Assert.Equal(LifecycleApplyOutcome.Applied, outcome));
        foreach (var i in Enumerable.Range(0, 11))
            Assert.Single((await runtime.Inspector.GetAsync($"r-{i}", default))!.History, entry => entry.EventId == "start");
    }

    [Fact]
    public async Task A_table_an_earlier_version_wrote_keeps_each_instance_in_its_own_partition_and_knows_its_events()
    {
        var prefix = TestStorage.NewPrefix();
        await using (var earlier = await RuntimeHarness.StartAsync(azurite, settings: Groups(0, prefix)))
        {
            await earlier.Client.SendAsync("old-1", "start", new Start(Wait), default);
            await TestStorage.EventuallyAsync(async () => await earlier.StageAsync("old-1") == TinyStage.Waiting, "charged and waiting");
            // Earlier versions wrote no layout row.
            await earlier.Tables.Instances.DeleteEntityAsync("layout", "layout|instances");
        }

        await using var runtime = await RuntimeHarness.StartAsync(azurite, settings: Groups(8, prefix));
        Assert.Equal(LifecycleApplyOutcome.Duplicate, await runtime.Engine.ApplyAsync("old-1", "start", new Start(Wait), default));
        await runtime.Client.SendAsync("new-1", "start", new Start(Wait), default);
        runtime.Clock.Advance(Wait);
        await TestStorage.EventuallyAsync(async () => await runtime.StageAsync("old-1") == TinyStage.Done, "the old instance's timer fired");
        // The decision is stored before its commands are carried out.
        await TestStorage.EventuallyAsync(async () => (await runtime.ExecutionsAsync("old-1")).Count >= 2, "the timer's command was carried out");

        Assert.Equal(LifecycleInstanceLayout.PerInstance, await runtime.Tables.LayoutAsync(default));
        Assert.Equal([TinyCommand.Charge, TinyCommand.Notify], (await runtime.ExecutionsAsync("old-1")).Order());
        var partitions = await runtime.Tables.Instances.QueryAsync<TableEntity>(select: ["PartitionKey"]).Select(r => r.PartitionKey).Distinct().ToListAsync();
        Assert.Equal(["layout", "new-1", "old-1"], partitions.Order());
    }

    [Fact]
    public async Task A_new_table_gives_each_group_of_instances_a_table_of_its_own()
    {
        await using var runtime = await RuntimeHarness.StartAsync(azurite, settings: Groups(4, TestStorage.NewPrefix()));
        var instances = Enumerable.Range(1, 12).Select(i => $"t-{i}").ToList();
        foreach (var id in instances) await runtime.Client.SendAsync(id, "start", new Start(Wait), default);
        await TestStorage.EventuallyAsync(async () => (await Task.WhenAll(instances.Select(runtime.StageAsync))).All(stage => stage == TinyStage.Waiting),
            "all charged and waiting");

        var layout = await runtime.Tables.LayoutAsync(default);
        Assert.Equal(new KeyGroups(4, TablePerGroup: true), layout.Keys);
        foreach (var id in instances)
        {
            var group = layout.Partition(id);
            Assert.Equal(group == "group-0" ? runtime.Tables.Instances.Name : runtime.Tables.Instances.Name + group[^1], runtime.Tables.InstancesOf(id).Name);
            var rows = await runtime.Tables.InstancesOf(id).QueryAsync<TableEntity>(layout.InstanceRowsFilter(id)).ToListAsync();
            Assert.Contains(rows, row => row.RowKey == layout.StateRow(id));
            Assert.Contains(rows, row => row.GetString("EventId") == "start");
        }
        var firstTable = await runtime.Tables.Instances.QueryAsync<TableEntity>(select: ["PartitionKey"]).Select(r => r.PartitionKey).Distinct().ToListAsync();
        Assert.Equal(["group-0", "layout"], firstTable.Order());
    }

    [Fact]
    public async Task A_grouped_table_an_earlier_version_wrote_keeps_every_group_in_it()
    {
        var prefix = TestStorage.NewPrefix();
        var first = new StorageClients(new StorageOptions { ConnectionString = azurite.ConnectionString, NamePrefix = prefix }, new StorageMeter())
            .Table("lifecycleinstances");
        await first.CreateIfNotExistsAsync();
        // Versions before the groups' own tables recorded the count alone.
        await first.AddEntityAsync(new TableEntity("layout", "layout|instances") { ["Groups"] = 4 });

        await using var runtime = await RuntimeHarness.StartAsync(azurite, settings: Groups(4, prefix));
        var instances = Enumerable.Range(1, 8).Select(i => $"e-{i}").ToList();
        foreach (var id in instances) await runtime.Client.SendAsync(id, "start", new Start(Wait), default);
        await TestStorage.EventuallyAsync(async () => (await Task.WhenAll(instances.Select(runtime.StageAsync))).All(stage => stage == TinyStage.Waiting),
            "all charged and waiting");

        Assert.Equal(new KeyGroups(4), (await runtime.Tables.LayoutAsync(default)).Keys);
        Assert.All(instances, id => Assert.Equal(first.Name, runtime.Tables.InstancesOf(id).Name));
        var partitions = await first.QueryAsync<TableEntity>(select: ["PartitionKey"]).Select(r => r.PartitionKey).Distinct().CountAsync();
        Assert.True(partitions > 2, "the instances are in several groups of the first table");
    }

    private static Dictionary<string, string?> Groups(int groups, string? prefix = null)
    {
        var settings = new Dictionary<string, string?> { ["Lifecycle:InstanceGroups"] = groups.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (prefix is not null) settings["Storage:NamePrefix"] = prefix;
        return settings;
    }
}
