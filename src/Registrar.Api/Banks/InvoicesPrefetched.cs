using System.Collections.Concurrent;
using Registrar.Core.Orders;
using Registrar.Payments.Invoices;
using Registrar.Payments.Notifications;
using Registrar.Storage.Stores;
using Registrar.Storage.Tables;

namespace Registrar.Api.Banks;

/// <summary>
/// The invoices a bank message's credits name, read before its entries are judged (issue 16: a point read per credit was
/// half the storage requests of a bank file). Invoices issued close together, as those paid in one file mostly are, are
/// read by one range query per run of numbers. Each copy is taken once, by the first credit naming it; the write that pays
/// it is conditional on its ETag, so an invoice changed since costs only a read then. Ambient for the message's async flow,
/// as <see cref="InvoicesJustRead"/> is, because the read happens inside the matcher, which knows nothing of storage.
/// </summary>
public sealed class InvoicesPrefetched : IDisposable
{
    /// <summary>A run reads at most this many rows per number it holds: numbers further apart are read on their own.</summary>
    public const int RowsReadPerNumber = 2;

    private const int RunsReadAtOnce = 4;

    private static readonly AsyncLocal<InvoicesPrefetched?> Ambient = new();

    private readonly InvoicesPrefetched? _outer;
    private readonly ConcurrentDictionary<string, Stored<Invoice>> _read = new(StringComparer.Ordinal);

    private InvoicesPrefetched()
    {
        _outer = Ambient.Value;
        Ambient.Value = this;
    }

    /// <summary>Opens the scope in the caller's async flow; <see cref="ReadAsync"/> then fills it.</summary>
    public static InvoicesPrefetched Begin() => new();

    public async Task ReadAsync(IInvoiceStore<Invoice> invoices, IEnumerable<BankCreditNotification> credits, CancellationToken ct)
    {
        var runs = Runs(credits.SelectMany(credit => InvoiceNumber.FindIn(credit.PaymentPurpose)));
        await Parallel.ForEachAsync(runs, new ParallelOptions { MaxDegreeOfParallelism = RunsReadAtOnce, CancellationToken = ct }, async (run, token) =>
        {
            await foreach (var stored in invoices.ListRangeAsync(run.First.ToString(), run.Last.ToString(), token))
                _read[stored.Document.Number] = stored;
        });
    }

    /// <summary>The copy prefetched of <paramref name="invoiceNumber"/>, once; null when none was.</summary>
    public static Stored<Invoice>? Take(string invoiceNumber) =>
        Ambient.Value is { } prefetched && prefetched._read.TryRemove(invoiceNumber, out var stored) ? stored : null;

    /// <summary>Numbers of one series and month, in runs whose span is at most <see cref="RowsReadPerNumber"/> rows per number
    /// in it. A number alone is left to its point read, which costs less than a query.</summary>
    public static IReadOnlyList<(InvoiceNumber First, InvoiceNumber Last)> Runs(IEnumerable<InvoiceNumber> numbers)
    {
        var runs = new List<(InvoiceNumber First, InvoiceNumber Last)>();
        foreach (var month in numbers.Distinct().GroupBy(number => (number.Prefix, number.Year, number.Month)))
        {
            var run = new List<InvoiceNumber>();
            foreach (var number in month.OrderBy(number => number.Sequence))
            {
                if (run.Count > 0 && number.Sequence - run[0].Sequence + 1 > RowsReadPerNumber * (run.Count + 1))
                {
                    if (run.Count > 1) runs.Add((run[0], run[^1]));
                    run.Clear();
                }
                run.Add(number);
            }
            if (run.Count > 1) runs.Add((run[0], run[^1]));
        }
        return runs;
    }

    public void Dispose() => Ambient.Value = _outer;
}
