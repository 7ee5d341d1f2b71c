using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;

namespace Registrar.Storage.Lifecycle;

/// <summary>Keeps every timer row in the shard and table the sweep reads it from. The first timers table records the shard
/// count it was last written with and that each shard has its table (<see cref="LifecycleTables{TEvent, TCommand}.TimerTable"/>).
/// Before its first sweep, a process moves the rows of the shards above its configured count into the shards their
/// instances map to now, and the rows an earlier version kept in the first table for every shard into their shards'
/// tables. A row is written to its new place before it is deleted from the old one, so a crash in between leaves a timer
/// twice, and its second firing is a stale timer or a duplicate event: nothing happens twice. Every process sharing a
/// runtime uses the same count.</summary>
public sealed class LifecycleTimerShards<TEvent, TCommand>(
    LifecycleTables<TEvent, TCommand> tables,
    ILogger<LifecycleTimerShards<TEvent, TCommand>> logger)
{
    private const string RecordPartition = "layout";
    private const string RecordRow = "shards";
    private const int RowsPerTransaction = 100;

    /// <summary>Shards looked into when the table holds no record: earlier versions kept none (and wrote 8 by default).</summary>
    private const int ShardsWithoutRecord = 64;

    private static readonly HashSet<string> KeyProperties = ["PartitionKey", "RowKey", "Timestamp", "odata.etag"];

    /// <summary>Moves the rows of shards above the configured count and those not yet in their shard's table, then records
    /// the count.</summary>
    public async Task MoveRetiredAsync(CancellationToken ct)
    {
        var record = await tables.Timers.GetEntityIfExistsAsync<TableEntity>(RecordPartition, RecordRow, cancellationToken: ct);
        var writtenWith = record.HasValue ? record.Value!.GetInt32("Shards") ?? 0 : ShardsWithoutRecord;
        var tablePerShard = record.HasValue && (record.Value!.GetBoolean("TablePerShard") ?? false);
        var moved = 0;
        for (var shard = 1; shard < Math.Max(writtenWith, tables.Shards); shard++)
        {
            var partition = LifecycleTables<TEvent, TCommand>.ShardPartition(shard);
            // An earlier version kept every shard in the first table.
            if (!tablePerShard) moved += await MoveAsync(tables.Timers, partition, ct);
            // Looked into also without a record: a process of this version may have written there and stopped before its
            // first sweep recorded anything.
            if (shard >= tables.Shards) moved += await MoveAsync(tables.TimerTable(shard), partition, ct);
        }
        if (moved > 0) logger.LogInformation("Moved {Rows} timer rows into {Shards} shards.", moved, tables.Shards);
        if (writtenWith != tables.Shards || !tablePerShard)
            await tables.Timers.UpsertEntityAsync(new TableEntity(RecordPartition, RecordRow) { ["Shards"] = tables.Shards, ["TablePerShard"] = true },
                TableUpdateMode.Replace, ct);
    }

    private async Task<int> MoveAsync(TableClient from, string partition, CancellationToken ct)
    {
        var moved = 0;
        while (await FirstRowsAsync(from, partition, ct) is { Count: > 0 } rows)
        {
            foreach (var shard in rows.GroupBy(row => tables.TimerShard(row.GetString("InstanceId"))))
                await tables.TimersIn(shard.Key).SubmitTransactionAsync(
                    shard.Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, InShard(row, shard.Key))), ct);
            try
            {
                await from.SubmitTransactionAsync(rows.Select(row => new TableTransactionAction(TableTransactionActionType.Delete, row, row.ETag)), ct);
                moved += rows.Count;
            }
            catch (TableTransactionFailedException e) when (e.Status is 404 or 412)
            {
                // Another process starting with the same count moved a row first, or an earlier version's process changed
                // it: read what is left and move that (writing a row to its shard again changes nothing).
            }
        }
        return moved;
    }

    private static async Task<IReadOnlyList<TableEntity>> FirstRowsAsync(TableClient table, string partition, CancellationToken ct)
    {
        var query = table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"),
            maxPerPage: RowsPerTransaction, cancellationToken: ct);
        try
        {
            await foreach (var page in query.AsPages().WithCancellation(ct))
            {
                if (page.Values.Count > 0) return page.Values;
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // A retired shard's table that was never created holds nothing.
        }
        return [];
    }

    private static TableEntity InShard(TableEntity row, string shard)
    {
        var copy = new TableEntity(shard, row.RowKey);
        foreach (var (name, value) in row)
        {
            if (!KeyProperties.Contains(name)) copy[name] = value;
        }
        return copy;
    }
}
