using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Registrar.Storage.Configuration;
using Registrar.Storage.Lifecycle;
using Registrar.Storage.TestHost;
using Registrar.Testing;

namespace Registrar.Storage.Tests;

/// <summary>The lifecycle runtime with the tiny decider, running in the test process on a manual clock,
/// with its own table and queue names on the shared Azurite.</summary>
public sealed class RuntimeHarness : IAsyncDisposable
{
    private readonly IHost _host;

    private RuntimeHarness(IHost host, ManualClock clock)
    {
        _host = host;
        Clock = clock;
    }

    public ManualClock Clock { get; }

    /// <summary>The harness's <see cref="LifecycleRuntimeOptions.DispatchGrace"/>, shorter than any test's timer.</summary>
    public static readonly TimeSpan DispatchGrace = TimeSpan.FromSeconds(30);

    public LifecycleEngine<TinyState, TinyEvent, TinyCommand> Engine => Get<LifecycleEngine<TinyState, TinyEvent, TinyCommand>>();

    public ILifecycleClient<TinyEvent> Client => Get<ILifecycleClient<TinyEvent>>();

    public ILifecycleInspector<TinyState, TinyEvent, TinyCommand> Inspector => Get<ILifecycleInspector<TinyState, TinyEvent, TinyCommand>>();

    public LifecycleTimerSweeper<TinyState, TinyEvent, TinyCommand> Sweeper => Get<LifecycleTimerSweeper<TinyState, TinyEvent, TinyCommand>>();

    public LifecycleOutboxRecovery<TinyEvent, TinyCommand> Recovery => Get<LifecycleOutboxRecovery<TinyEvent, TinyCommand>>();

    public LifecycleTables<TinyEvent, TinyCommand> Tables => Get<LifecycleTables<TinyEvent, TinyCommand>>();

    /// <param name="settings">Configuration over the harness's own, such as "Lifecycle:BackgroundBatches".</param>
    /// <param name="logs">Where the runtime's log lines go; none are kept without it.</param>
    public static async Task<RuntimeHarness> StartAsync(AzuriteFixture azurite, HttpPipelinePolicy? faults = null,
        IReadOnlyDictionary<string, string?>? settings = null, ILoggerProvider? logs = null)
    {
        var clock = new ManualClock(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:NamePrefix"] = TestStorage.NewPrefix(),
            ["Lifecycle:SweepInterval"] = "00:00:00.200",
            ["Lifecycle:RecoveryInterval"] = "01:00:00",
            ["Lifecycle:Events:MaxPollInterval"] = "00:00:00.200",
            ["Lifecycle:Events:RetryDelay"] = "00:00:00.200",
            ["Lifecycle:Commands:MaxPollInterval"] = "00:00:00.200",
            ["Lifecycle:Commands:RetryDelay"] = "00:00:00.200",
        });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<TimeProvider>(clock);
        if (faults is not null) builder.Services.AddSingleton(faults);
        if (logs is not null) builder.Logging.AddProvider(logs);
        builder.Services.AddRegistrarStorage(builder.Configuration);
        builder.Services.AddLifecycleRuntime<TinyState, TinyEvent, TinyCommand, TinyDecider>(builder.Configuration);
        builder.Services.AddLifecycleCommandHandler<TinyCommand, RecordingCommandHandler>();
        var host = builder.Build();
        await host.StartAsync();
        return new RuntimeHarness(host, clock);
    }

    /// <summary>The command kinds the handler carried out for an instance, one entry per effect.</summary>
    public async Task<List<string>> ExecutionsAsync(string instanceId)
    {
        var table = Get<StorageClients>().Table("executions");
        await table.CreateIfNotExistsAsync();
        return await table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {instanceId}"))
            .Select(e => e.GetString("Kind")).ToListAsync();
    }

    /// <summary>Each delivery of the instance's commands, in the order made: its command id and whether the runtime
    /// called it a first attempt.</summary>
    public async Task<List<(string CommandId, bool FirstAttempt)>> DeliveriesAsync(string instanceId)
    {
        var table = Get<StorageClients>().Table("deliveries");
        await table.CreateIfNotExistsAsync();
        return await table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {instanceId}"))
            .OrderBy(e => e.GetDateTimeOffset("DeliveredAt"))
            .Select(e => (e.RowKey[..e.RowKey.LastIndexOf('|')], e.GetBoolean("FirstAttempt") ?? false)).ToListAsync();
    }

    /// <summary>The timers table of an instance's own shard: where rows written before wake-ups were placed are, and where
    /// the tests plant rows.</summary>
    public TableClient TimersOf(string instanceId) => Tables.TimersIn(Tables.TimerShard(instanceId));

    /// <summary>The rows of every shard's timers table.</summary>
    public async Task<List<TableEntity>> TimerRowsAsync(IEnumerable<string>? select = null)
    {
        var rows = new List<TableEntity>();
        foreach (var shard in Tables.ShardPartitions)
            rows.AddRange(await Tables.TimersIn(shard).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {shard}"), select: select).ToListAsync());
        return rows;
    }

    public async Task<TinyStage?> StageAsync(string instanceId) => (await Inspector.GetAsync(instanceId, default))?.State.Stage;

    /// <summary>Starts an instance that is charged and then waits <paramref name="wait"/> for its timer; returns once it
    /// waits and the runtime has settled.</summary>
    public async Task StartWaitingAsync(string instanceId, TimeSpan wait)
    {
        await Client.SendAsync(instanceId, "start", new Start(wait), default);
        await TestStorage.EventuallyAsync(async () => (await Get<LifecycleBacklog<TinyState, TinyEvent, TinyCommand>>().ReadAsync(default)).IsSettled
            && await StageAsync(instanceId) == TinyStage.Waiting, "charged, waiting and settled");
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();
}
