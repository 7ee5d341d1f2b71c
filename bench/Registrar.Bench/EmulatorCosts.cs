using System.Diagnostics;
using Azure.Data.Tables;
using Registrar.Testing;

namespace Registrar.Bench;

/// <summary>What the emulator's one thread spends on a transaction: a fixed part per request and a part per row, from
/// transactions of two sizes committed 8 at a time (as the lifecycle's partition lines commit them). It tells how fast a
/// layout of rows and transactions per event can go at best beside a single insert, whatever the engine does around it.</summary>
public sealed record EmulatorCosts(double TransactionMilliseconds, double RowMilliseconds)
{
    private const int SmallRows = 3;
    private const int LargeRows = 24;

    public static async Task<EmulatorCosts> MeasureAsync(AzuriteFixture azurite, int rows)
    {
        var small = await MillisecondsPerTransactionAsync(azurite, "costsmall", rows, SmallRows);
        var large = await MillisecondsPerTransactionAsync(azurite, "costlarge", rows, LargeRows);
        var perRow = (large - small) / (LargeRows - SmallRows);
        return new EmulatorCosts(small - SmallRows * perRow, perRow);
    }

    /// <summary>Events per second at best when each writes <paramref name="rows"/> rows in <paramref name="transactions"/>
    /// transactions.</summary>
    public double EventsPerSecond(double rows, double transactions) => 1000 / (transactions * TransactionMilliseconds + rows * RowMilliseconds);

    private static async Task<double> MillisecondsPerTransactionAsync(AzuriteFixture azurite, string tableName, int rows, int rowsEach)
    {
        var table = azurite.Tables.GetTableClient(tableName);
        await table.CreateIfNotExistsAsync();
        var transactions = rows / rowsEach;
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, transactions), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (t, ct) =>
            await table.SubmitTransactionAsync(Enumerable.Range(0, rowsEach).Select(r => new TableTransactionAction(TableTransactionActionType.Add,
                new TableEntity($"group-{t % 8}", $"{t:D7}|{r:D3}") { ["Document"] = "{\"stage\":\"waiting\"}" })), ct));
        return watch.Elapsed.TotalMilliseconds / transactions;
    }
}
