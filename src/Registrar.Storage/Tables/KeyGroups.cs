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
/// <param name="TablePerGroup">Each group past the first lives in a table of its own (the table's name and the group's
/// number), chosen by the table's owner for a new table only: Azurite keeps a table's rows in one in-memory collection whose
/// cost per changed row grows with the rows it holds, while Azure's does not.</param>
public sealed record KeyGroups(int Groups, bool TablePerGroup = false)
{
    private const string LayoutPartition = "layout";

    public bool IsGrouped => Groups > 0;

    public string Partition(string key) =>
        IsGrouped ? "group-" + Group(key).ToString(CultureInfo.InvariantCulture) : TableKeys.Escape(key);

    /// <summary>The table holding a key's rows: 0, the table the layout row is in, unless each group has its own.</summary>
    public int Table(string key) => TablePerGroup ? (int)Group(key) : 0;

    /// <summary>How many tables the rows are spread over.</summary>
    public int Tables => TablePerGroup ? Groups : 1;

    private uint Group(string key) => StableHash.Of(key) % (uint)Groups;

    /// <summary>The layout the table was first written with: an empty table is given <paramref name="groups"/>; one holding
    /// rows but no layout row was written a partition per key.</summary>
    /// <param name="layoutRow">The layout row's key, naming the rows it is about ("layout|payments").</param>
    /// <param name="tablePerGroup">Whether a new table's groups each get a table of their own.</param>
    public static async Task<KeyGroups> LoadAsync(DocumentTable table, string layoutRow, int groups, bool tablePerGroup,
        CancellationToken ct)
    {
        while (true)
        {
            if (await ReadAsync(table, layoutRow, ct) is { } stored) return stored;
            var chosen = await table.HoldsAnyRowAsync(null, ct) ? new KeyGroups(0) : new KeyGroups(groups, tablePerGroup && groups > 1);
            try
            {
                await table.Client.AddEntityAsync(
                    new TableEntity(LayoutPartition, layoutRow) { ["Groups"] = chosen.Groups, ["TablePerGroup"] = chosen.TablePerGroup }, ct);
                return chosen;
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
        var stored = await table.Client.GetEntityIfExistsAsync<TableEntity>(LayoutPartition, layoutRow, ["Groups", "TablePerGroup"], ct);
        return stored.HasValue ? new(stored.Value!.GetInt32("Groups") ?? 0, stored.Value.GetBoolean("TablePerGroup") ?? false) : null;
    }
}
