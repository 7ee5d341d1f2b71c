using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Lifecycle;

/// <summary>Dispatches outbox rows a crash (or an unreachable queue) left behind. At start every row
/// found is dispatched, since the process that wrote it may be gone; afterwards a row is dispatched
/// once two sweeps in a row have seen it, so rows the engine is dispatching right now are left alone.
/// The scan filters on the row-key prefix across partitions: it reads only outbox rows, which exist
/// for moments unless something failed.</summary>
public sealed class LifecycleOutboxRecovery<TEvent, TCommand>(
    LifecycleTables<TEvent, TCommand> tables,
    LifecycleOutboxDispatcher<TEvent, TCommand> dispatcher,
    IOptions<LifecycleRuntimeOptions> options,
    TimeProvider time,
    ILogger<LifecycleOutboxRecovery<TEvent, TCommand>> logger) : BackgroundService
{
    private HashSet<string> _seenLastSweep = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var atStart = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var recovered = await RecoverAsync(dispatchAll: atStart, stoppingToken);
                if (recovered > 0) logger.LogInformation("Recovered {Count} outbox rows.", recovered);
                atStart = false;
                await Task.Delay(options.Value.RecoveryInterval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Outbox recovery failed; trying again in {Interval}.", options.Value.RecoveryInterval);
                await Task.Delay(options.Value.RecoveryInterval, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Dispatches left-behind outbox rows; returns how many.</summary>
    public async Task<int> RecoverAsync(bool dispatchAll, CancellationToken ct)
    {
        await tables.EnsureCreatedAsync(ct);
        var seenNow = new HashSet<string>();
        var dispatched = 0;
        var filter = TableClient.CreateQueryFilter(
            $"RowKey ge {LifecycleTables<TEvent, TCommand>.OutboxPrefix} and RowKey lt {LifecycleTables<TEvent, TCommand>.OutboxEnd}");
        await foreach (var row in tables.Instances.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            var key = row.PartitionKey + "/" + row.RowKey;
            if (!dispatchAll && !_seenLastSweep.Contains(key))
            {
                seenNow.Add(key);
                continue;
            }
            var batch = new LifecycleCommandBatch<TCommand>(
                row.GetString("InstanceId"),
                row.GetInt64("Sequence") ?? 0,
                JsonSerializer.Deserialize<List<LifecycleCommand<TCommand>>>(row.GetString("Commands"), DocumentTable.Json)!);
            if (await dispatcher.TryDispatchAsync(batch, ct)) dispatched++;
            else seenNow.Add(key);
        }
        _seenLastSweep = seenNow;
        return dispatched;
    }
}
