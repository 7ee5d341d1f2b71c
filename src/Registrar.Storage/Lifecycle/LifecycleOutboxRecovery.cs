using Azure.Data.Tables;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Registrar.Storage.Lifecycle;

/// <summary>Dispatches outbox rows that the engine wrote before it marked undispatched commands with dispatch
/// markers (see <see cref="LifecycleOutboxDispatcher{TEvent, TCommand}"/>), so that a deploy finishes what the
/// version before it left. At start every row found is dispatched, since the process that wrote it is gone;
/// afterwards a row is dispatched once two sweeps in a row have seen it. The scan filters on the row-key prefix
/// across partitions.</summary>
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
            $"RowKey ge {LifecycleInstanceLayout.OutboxPrefix} and RowKey lt {LifecycleInstanceLayout.OutboxEnd}");
        await foreach (var row in tables.Instances.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            var key = row.PartitionKey + "/" + row.RowKey;
            if (!dispatchAll && !_seenLastSweep.Contains(key))
            {
                seenNow.Add(key);
                continue;
            }
            var batch = new LifecycleCommandBatch<TCommand>(
                row.GetString("InstanceId"), row.GetInt64("Sequence") ?? 0, LifecycleOutboxDispatcher<TEvent, TCommand>.Commands(row));
            if (await dispatcher.TryDispatchOutboxRowAsync(batch, row.PartitionKey, row.RowKey, ct)) dispatched++;
            else seenNow.Add(key);
        }
        _seenLastSweep = seenNow;
        return dispatched;
    }
}
