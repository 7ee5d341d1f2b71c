using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Registrar.Storage.Configuration;
using Registrar.Storage.Lifecycle;
using Registrar.Storage.Metering;
using Registrar.Storage.TestHost;
using Registrar.Testing;
using Xunit.Abstractions;

namespace Registrar.Storage.Tests;

/// <summary>The runtime survives its host being killed mid-work and its storage restarting under load:
/// every instance reaches its end state, every event is applied once, every command takes effect once.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReliabilityTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Killing_the_host_at_random_points_loses_and_repeats_nothing_for_200_instances()
    {
        var prefix = TestStorage.NewPrefix();
        var instances = Enumerable.Range(1, 200).Select(i => $"kill-{i:D3}").ToList();
        var seed = int.TryParse(Environment.GetEnvironmentVariable("RELIABILITY_SEED"), out var given) ? given : Environment.TickCount;
        var random = new Random(seed);
        output.WriteLine($"Random seed {seed}.");

        await using var host = new TestHostProcess(azurite.ConnectionString, prefix);
        await StartInstancesAsync(azurite.ConnectionString, prefix, instances);
        await host.StartAsync();
        // Kills land anywhere: while events, commands or timers of different instances are mid-flight.
        for (var kill = 1; kill <= 6 && await CountDoneAsync(azurite.ConnectionString, prefix) < instances.Count; kill++)
        {
            await Task.Delay(random.Next(500, 4000));
            await host.KillAsync();
            output.WriteLine($"Kill {kill}: {await CountDoneAsync(azurite.ConnectionString, prefix)} of 200 done.");
            await host.StartAsync();
        }

        await AssertAllDoneExactlyOnceAsync(azurite.ConnectionString, prefix, instances, () => host.Output);
    }

    [Fact]
    public async Task Restarting_storage_under_load_loses_nothing_once_the_host_reconnects()
    {
        var folder = Directory.CreateTempSubdirectory("azurite-");
        try
        {
            var storage = new AzuriteFixture { Location = folder.FullName };
            await storage.InitializeAsync();
            try
            {
                var prefix = TestStorage.NewPrefix();
                var instances = Enumerable.Range(1, 100).Select(i => $"restart-{i:D3}").ToList();
                await using var host = new TestHostProcess(storage.ConnectionString, prefix);
                await StartInstancesAsync(storage.ConnectionString, prefix, instances);
                await host.StartAsync();

                await Task.Delay(3000);
                output.WriteLine($"Before the restart: {await CountDoneAsync(storage.ConnectionString, prefix)} of 100 done.");
                await storage.RestartAsync(graceful: true);

                await AssertAllDoneExactlyOnceAsync(storage.ConnectionString, prefix, instances, () => host.Output);
            }
            finally
            {
                await storage.DisposeAsync();
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static StorageClients Clients(string connectionString, string prefix) =>
        new(new StorageOptions { ConnectionString = connectionString, NamePrefix = prefix }, new StorageMeter());

    private static async Task StartInstancesAsync(string connectionString, string prefix, IEnumerable<string> instances)
    {
        var client = new LifecycleClient<TinyEvent, TinyCommand>(
            new LifecycleTables<TinyEvent, TinyCommand>(Clients(connectionString, prefix), Options.Create(new LifecycleRuntimeOptions())));
        await Parallel.ForEachAsync(instances, new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (id, ct) => await client.SendAsync(id, "start", new Start(WaitOf(id)), ct));
    }

    /// <summary>Half the instances end on their charge's answer, whose decision's notify a command worker carries out in the
    /// charge's own delivery with no dispatch marker; the other half wait for a timer first.</summary>
    private static TimeSpan WaitOf(string instanceId) => instanceId[^1] % 2 == 0 ? TimeSpan.Zero : Wait;

    private static async Task<int> CountDoneAsync(string connectionString, string prefix)
    {
        try
        {
            return await StatesAsync(connectionString, prefix, "Terminal eq true").CountAsync();
        }
        catch (Azure.RequestFailedException)
        {
            return 0;
        }
    }

    /// <summary>The state rows of every instances table the layout spreads them over.</summary>
    private static async IAsyncEnumerable<TableEntity> StatesAsync(string connectionString, string prefix, string? where = null)
    {
        var clients = Clients(connectionString, prefix);
        var first = clients.Table("lifecycleinstances");
        if (await LifecycleInstanceLayout.ReadAsync(first, default) is not { } layout) yield break;
        foreach (var name in layout.TableNames("lifecycleinstances"))
        {
            await foreach (var row in clients.Table(name).QueryAsync<TableEntity>("RowKey ge 'state|' and RowKey lt 'state}'" + (where is null ? "" : " and " + where)))
                yield return row;
        }
    }

    /// <summary>Every stored row of each instance not finished, its wake-up and dispatch rows and its effects: what a
    /// failure in CI is read from.</summary>
    private static async Task<string> DescribeUnfinishedAsync(string connectionString, string prefix, List<string> instances)
    {
        var clients = Clients(connectionString, prefix);
        var first = clients.Table("lifecycleinstances");
        if (await LifecycleInstanceLayout.ReadAsync(first, default) is not { } layout) return "No instance stored yet.";
        var done = await StatesAsync(connectionString, prefix, "Terminal eq true").Select(e => e.GetString("InstanceId")).ToHashSetAsync();
        var timers = new List<TableEntity>();
        var timerTables = clients.Names.Table("lifecycletimers");
        await foreach (var table in clients.Tables.QueryAsync($"TableName ge '{timerTables}' and TableName lt '{timerTables}~'"))
            timers.AddRange(await clients.Tables.GetTableClient(table.Name).QueryAsync<TableEntity>().ToListAsync());
        var text = new System.Text.StringBuilder();
        foreach (var id in instances.Where(id => !done.Contains(id)).Take(10))
        {
            text.AppendLine($"{id}:");
            var rows = clients.Table(layout.TableName("lifecycleinstances", id)).QueryAsync<TableEntity>(layout.InstanceRowsFilter(id));
            await foreach (var row in rows)
                text.AppendLine($"  {row.RowKey} {string.Join(", ", row.Where(p => p.Key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")).Select(p => $"{p.Key}={p.Value}"))}");
            foreach (var timer in timers.Where(t => t.GetString("InstanceId") == id))
                text.AppendLine($"  timer {timer.PartitionKey}/{timer.RowKey} DueAt={timer.GetDateTimeOffset("DueAt"):O}");
            var executed = await clients.Table("executions").QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {id}")).Select(e => e.RowKey).ToListAsync();
            text.AppendLine($"  executed: {string.Join(", ", executed)}");
        }
        foreach (var queue in new[] { "lifecycle-events", "lifecycle-commands" }.Select(name => clients.Queue(name)))
        {
            var poison = clients.Queues.GetQueueClient(StorageNames.PoisonQueue(queue.Name));
            var parked = await poison.ExistsAsync() ? (await poison.PeekMessagesAsync(32)).Value : [];
            text.AppendLine($"{poison.Name}: {string.Join("; ", parked.Select(m => m.Body.ToString()))}");
        }
        return text.ToString();
    }

    private async Task AssertAllDoneExactlyOnceAsync(string connectionString, string prefix, List<string> instances, Func<string> hostOutput)
    {
        // A stuck instance shows as no progress; a busy machine only as slow progress, so the wait runs from the last instance done.
        var (done, deadline, cap) = (0, DateTime.UtcNow.AddSeconds(90), DateTime.UtcNow.AddMinutes(5));
        while (await CountDoneAsync(connectionString, prefix) is var now && now < instances.Count)
        {
            if (now > done) (done, deadline) = (now, DateTime.UtcNow.AddSeconds(90));
            if (DateTime.UtcNow > deadline || DateTime.UtcNow > cap)
                Assert.Fail($"Only {await CountDoneAsync(connectionString, prefix)} of {instances.Count} instances finished.\n"
                    + $"{await DescribeUnfinishedAsync(connectionString, prefix, instances)}\nHost: {hostOutput()}");
            await Task.Delay(250);
        }

        var clients = Clients(connectionString, prefix);
        // Commands are dispatched after the state commits, so the last notify may still be in flight.
        await TestStorage.EventuallyAsync(async () =>
            await clients.Table("executions").QueryAsync<TableEntity>(select: ["RowKey"]).CountAsync() >= 2 * instances.Count,
            "every notify executed", seconds: 60);

        var states = await StatesAsync(connectionString, prefix).ToDictionaryAsync(e => e.GetString("InstanceId"));
        var executions = (await clients.Table("executions").QueryAsync<TableEntity>().ToListAsync())
            .ToLookup(e => e.PartitionKey, e => e.RowKey);
        var deliveries = await clients.Table("deliveries").QueryAsync<TableEntity>(select: ["RowKey"]).CountAsync();
        output.WriteLine($"{deliveries} command deliveries for {2 * instances.Count} commands.");

        Assert.All(instances, id =>
        {
            Assert.Equal(WaitOf(id) == TimeSpan.Zero ? 2 : 3, states[id].GetInt64("Version"));
            Assert.True(states[id].GetBoolean("Terminal"));
            Assert.Equal([$"{id}:charge", $"{id}:notify"], executions[id].Order());
        });
    }
}
