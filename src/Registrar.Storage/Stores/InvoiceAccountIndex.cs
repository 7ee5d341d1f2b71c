using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Stores;

/// <summary>An account's entries beside the invoices of a series: row <c>account|{account}|{invoice key}</c> in the series'
/// partition, written and deleted in the transaction that writes or deletes the invoice, so a customer's invoice list is a
/// range query per series and a point read per invoice, not a scan of every invoice (issue 16). An entry holds no copy of
/// the invoice, so nothing in it goes stale.</summary>
/// <remarks>Invoices stored before the entries existed get theirs from a backfill, run in the background by the first
/// listing of a process that finds the index not yet complete; until a row <c>layout|account-index</c> says it is, a
/// listing filters every invoice on its account as before. A backfill that found invoices runs a second pass
/// <see cref="RetiredRows.Recheck"/> later, for a process of an earlier version still storing invoices during a deploy.
/// Writing an entry again changes nothing, so backfills of several processes at once do no harm.</remarks>
public sealed class InvoiceAccountIndex
{
    public const string InvoiceRowPrefix = "invoice|";
    private const string EntryPrefix = "account|";
    private const string LayoutPartition = "layout";
    private const string CompleteRow = "account-index";
    private const string EarlierColumn = "Earlier";
    private const int RowsPerTransaction = 100;

    private readonly DocumentTable _series;
    private readonly DocumentTable _earlier;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly object _gate = new();
    private Task? _backfill;
    private volatile bool _complete;

    public InvoiceAccountIndex(DocumentTable series, DocumentTable earlier, TimeProvider clock, ILogger? logger = null)
    {
        (_series, _earlier, _clock) = (series, earlier, clock);
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The entry of the invoice stored as <paramref name="invoiceRow"/> of the series partition <paramref name="partition"/>.</summary>
    public static TableTransactionAction Write(string partition, string invoiceRow, string accountId) =>
        new(TableTransactionActionType.UpsertReplace, new TableEntity(partition, EntryRow(accountId, InvoiceKey(invoiceRow))));

    /// <summary>The row of the entry that deletes with the invoice stored as <paramref name="invoiceRow"/>.</summary>
    public static string EntryRowOf(string invoiceRow, string accountId) => EntryRow(accountId, InvoiceKey(invoiceRow));

    /// <summary>Whether listings may read the entries: every invoice stored so far has one.</summary>
    public async Task<bool> IsCompleteAsync(CancellationToken ct)
    {
        if (_complete) return true;
        // This process's backfill writes the row when it is done; until then another's could only repeat it.
        if (_backfill is { IsCompleted: false }) return false;
        await _series.EnsureCreatedAsync(ct);
        if ((await _series.Client.GetEntityIfExistsAsync<TableEntity>(LayoutPartition, CompleteRow, cancellationToken: ct)).HasValue)
            return _complete = true;
        lock (_gate)
        {
            if (_backfill is null || _backfill.IsFaulted) _backfill = Task.Run(BackfillInBackgroundAsync, CancellationToken.None);
        }
        return false;
    }

    /// <summary>The keys of the invoices of <paramref name="accountId"/> in one series partition: a series invoice's row, or
    /// the key of one an earlier version stored apart.</summary>
    public async Task<IReadOnlyList<(string InvoiceRow, string? EarlierKey)>> FindAsync(string partition, string accountId, CancellationToken ct)
    {
        var prefix = EntryPrefix + AccountKey(accountId) + "|";
        // '}' follows '|': every row key that begins with the prefix sorts below the prefix ending in '}'.
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {prefix} and RowKey lt {prefix[..^1] + "}"}");
        var found = new List<(string, string?)>();
        await _series.EnsureCreatedAsync(ct);
        await foreach (var entry in _series.Client.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            var key = entry.RowKey[prefix.Length..];
            found.Add(entry.GetBoolean(EarlierColumn) is true ? (string.Empty, key) : (InvoiceRowPrefix + key, null));
        }
        return found;
    }

    /// <summary>Writes an entry for every invoice stored so far without one; with any such found (an earlier version stored
    /// invoices), again after <see cref="RetiredRows.Recheck"/>; then records the index complete.</summary>
    public async Task BackfillAsync(CancellationToken ct)
    {
        var written = await BackfillPassAsync(ct);
        if (written > 0)
        {
            _logger.LogInformation("Indexed {Invoices} invoices stored without an entry; looking again in {Recheck}.", written, RetiredRows.Recheck);
            await Task.Delay(RetiredRows.Recheck, _clock, ct);
            await BackfillPassAsync(ct);
        }
        await _series.Client.UpsertEntityAsync(new TableEntity(LayoutPartition, CompleteRow), TableUpdateMode.Replace, ct);
        _complete = true;
    }

    private async Task BackfillInBackgroundAsync()
    {
        try
        {
            await BackfillAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "Indexing invoices by account failed; the next listing starts it again.");
            throw;
        }
    }

    private async Task<int> BackfillPassAsync(CancellationToken ct)
    {
        await _series.EnsureCreatedAsync(ct);
        await _earlier.EnsureCreatedAsync(ct);
        var existing = new HashSet<(string, string)>();
        var entryRows = TableClient.CreateQueryFilter($"RowKey gt {EntryPrefix} and RowKey lt {"account}"}");
        await foreach (var entry in _series.Client.QueryAsync<TableEntity>(entryRows, select: ["PartitionKey", "RowKey"], cancellationToken: ct))
            existing.Add((entry.PartitionKey, entry.RowKey));
        var entries = new List<TableEntity>();
        var invoiceRows = TableClient.CreateQueryFilter($"RowKey gt {InvoiceRowPrefix} and RowKey lt {"invoice}"}");
        await foreach (var invoice in _series.Client.QueryAsync<TableEntity>(invoiceRows, select: ["PartitionKey", "RowKey", "AccountId"], cancellationToken: ct))
        {
            if (invoice.GetString("AccountId") is { Length: > 0 } account)
                entries.Add(new TableEntity(invoice.PartitionKey, EntryRow(account, InvoiceKey(invoice.RowKey))));
        }
        await foreach (var invoice in _earlier.Client.QueryAsync<TableEntity>(select: ["PartitionKey", "AccountId"], cancellationToken: ct))
        {
            if (invoice.GetString("AccountId") is { Length: > 0 } account && SeriesPartitionOfKey(invoice.PartitionKey) is { } partition)
                entries.Add(new TableEntity(partition, EntryRow(account, invoice.PartitionKey)) { [EarlierColumn] = true });
        }
        entries.RemoveAll(entry => existing.Contains((entry.PartitionKey, entry.RowKey)));
        foreach (var partition in entries.GroupBy(entry => entry.PartitionKey))
            foreach (var chunk in partition.Chunk(RowsPerTransaction))
                await _series.Client.SubmitTransactionAsync(chunk.Select(entry => new TableTransactionAction(TableTransactionActionType.UpsertReplace, entry)), ct);
        return entries.Count;
    }

    private static string EntryRow(string accountId, string invoiceKey) => EntryPrefix + AccountKey(accountId) + "|" + invoiceKey;

    private static string InvoiceKey(string invoiceRow) => invoiceRow[InvoiceRowPrefix.Length..];

    /// <summary>The series partition of an invoice key (an escaped number: its series, a hyphen, the rest).</summary>
    private static string? SeriesPartitionOfKey(string invoiceKey) =>
        invoiceKey.IndexOf('-') is > 0 and var end ? invoiceKey[..end] : null;

    // '|' ends the account's part of the key, so an account id holding one must not read as a shorter id's entries.
    private static string AccountKey(string accountId) => TableKeys.Escape(accountId).Replace("|", "%7C", StringComparison.Ordinal);
}
