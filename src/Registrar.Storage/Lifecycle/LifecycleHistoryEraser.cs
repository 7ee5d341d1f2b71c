using System.Text.Json;
using Azure.Data.Tables;
using Registrar.Core.Lifecycle;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Lifecycle;

/// <summary>
/// UA-Pre-6: rewrites every row of one instance (state, applied events, outbox) with the personal data the
/// erase functions replace, so the history keeps its shape, ids and instants. Each row is replaced under the ETag it was
/// read with; a row changed meanwhile is read and rewritten again.
/// </summary>
public sealed class LifecycleHistoryEraser<TState, TEvent, TCommand>(
    LifecycleTables<TEvent, TCommand> tables,
    Func<TState, TState> eraseState,
    Func<TEvent, TEvent> eraseEvent,
    Func<TCommand, TCommand> eraseCommand) : ILifecycleHistoryEraser
{
    private static JsonSerializerOptions Json => DocumentTable.Json;

    /// <returns>Always true: the rows are rewritten in place whatever the instance is doing.</returns>
    public async Task<bool> EraseAsync(string instanceId, CancellationToken cancellationToken)
    {
        var layout = await tables.LayoutAsync(cancellationToken);
        var table = tables.InstancesOf(instanceId);
        await foreach (var row in table.QueryAsync<TableEntity>(layout.InstanceRowsFilter(instanceId), cancellationToken: cancellationToken))
            await EraseRowAsync(table, row, cancellationToken);
        return true;
    }

    private async Task EraseRowAsync(TableClient table, TableEntity row, CancellationToken ct)
    {
        while (true)
        {
            Rewrite(row, "State", eraseState);
            Rewrite(row, "Event", eraseEvent);
            Rewrite<List<LifecycleCommand<TCommand>>>(row, "Commands", commands => [.. commands.Select(c => c with { Command = eraseCommand(c.Command) })]);
            try
            {
                await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, ct);
                return;
            }
            catch (Azure.RequestFailedException e) when (e.Status == 412)
            {
                var again = await table.GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, row.RowKey, cancellationToken: ct);
                if (!again.HasValue) return;
                row = again.Value!;
            }
        }
    }

    private static void Rewrite<T>(TableEntity row, string column, Func<T, T> erase)
    {
        if (row.GetString(column) is not { } json) return;
        row[column] = JsonSerializer.Serialize(erase(JsonSerializer.Deserialize<T>(json, Json)!), Json);
    }
}
