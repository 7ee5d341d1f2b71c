using System.Globalization;
using System.Net;
using Azure;
using Azure.Data.Tables;

namespace Registrar.Storage.Tables;

/// <summary>
/// How a table keyed by a natural key (an instance id, a bank reference) places its rows: in <see cref="Groups"/> partitions
/// <c>group-{n}</c> by a stable hash of the key, so that writes waiting at the same moment share one entity group transaction
/// (<see cref="PartitionGroupCommit"/>: Azurite's cost and Azure's bill are per request, not per row); or, with 0 groups, one
/// partition per key, as tables written before issue 16 are. A table keeps the layout it was first written with (its row in
/// partition <c>layout</c>), so a deploy never leaves a stored row where it is not looked for.
/// </summary>
public sealed record KeyGroups(int Groups)
{
    private const string LayoutPartition = "layout";

    public bool IsGrouped => Groups > 0;

    public string Partition(string key) =>
        IsGrouped ? "group-" + (StableHash.Of(key) % (uint)Groups).ToString(CultureInfo.InvariantCulture) : TableKeys.Escape(key);

    /// <summary>The layout the table was first written with: an empty table is given <paramref name="groups"/>; one holding
    /// rows but no layout row was written a partition per key.</summary>
    /// <param name="layoutRow">The layout row's key, naming the rows it is about ("layout|payments").</param>
    public static async Task<KeyGroups> LoadAsync(DocumentTable table, string layoutRow, int groups, CancellationToken ct)
    {
        while (true)
        {
            if (await ReadAsync(table, layoutRow, ct) is { } stored) return stored;
            var chosen = await table.HoldsAnyRowAsync(null, ct) ? 0 : groups;
            try
            {
                await table.Client.AddEntityAsync(new TableEntity(LayoutPartition, layoutRow) { ["Groups"] = chosen }, ct);
                return new(chosen);
            }
            catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.Conflict)
            {
                // Another process chose first; its choice stands.
            }
        }
    }

    /// <summary>The layout the table records; null before anything was written to it (or, for a table of an earlier version,
    /// before this version first wrote to it).</summary>
    public static async Task<KeyGroups?> ReadAsync(DocumentTable table, string layoutRow, CancellationToken ct)
    {
        var stored = await table.Client.GetEntityIfExistsAsync<TableEntity>(LayoutPartition, layoutRow, ["Groups"], ct);
        return stored.HasValue ? new(stored.Value!.GetInt32("Groups") ?? 0) : null;
    }
}
