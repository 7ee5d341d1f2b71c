using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Stores;

/// <summary>An account's entries beside the invoices of a series: row <c>account|{account}|{invoice key}</c> in the series'
/// partition, holding a copy of the invoice's document. An entry is written, rewritten and deleted in the transaction that
/// writes, changes or deletes its invoice, so it never differs from it, and a customer's invoice list is one range query per
/// series, not a scan of every invoice (issue 16).</summary>
/// <remarks>Invoices stored before the entries existed get theirs from a backfill, run in the background by the first
/// listing of a process that finds the index not yet complete; until a row <c>layout|account-index</c> says it is, a
/// listing filters every invoice on its account as before. An entry the backfill writes records the ETag of the invoice it
/// copied. A backfill that found invoices without an entry runs a second pass <see cref="RetiredRows.Recheck"/> later, for
/// a process of an earlier version still storing or changing invoices during a deploy: it writes what is still missing and
/// copies again each invoice changed since its entry was copied (unless this version has rewritten the entry since). An
/// invoice an earlier version stored apart, in the <c>invoices</c> table, is changed there alone, so its entry holds no
/// copy, only the invoice's key.</remarks>
public sealed class InvoiceAccountIndex
{
    public const string InvoiceRowPrefix = "invoice|";
    private const string EntryPrefix = "account|";
    private const string LayoutPartition = "layout";
    private const string CompleteRow = "account-index";
    private const string EarlierColumn = "Earlier";
    private const string CopiedETagColumn = "InvoiceETag";

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

    /// <summary>The entry of <paramref name="invoice"/> (a series invoice's row), to be written in the invoice's transaction.</summary>
    public static TableTransactionAction Write(TableEntity invoice, string accountId) =>
        new(TableTransactionActionType.UpsertReplace, CopyOf(invoice, accountId));

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

    /// <summary>The entries of <paramref name="accountId"/> in one series partition: each holds a copy of its invoice
    /// (<see cref="DocumentTable.DocumentColumn"/>), or names the key of one an earlier version stored apart.</summary>
    public async Task<IReadOnlyList<(TableEntity? Copy, string? EarlierKey)>> FindAsync(string partition, string accountId, CancellationToken ct)
    {
        var prefix = EntryPrefix + AccountKey(accountId) + "|";
        // '}' follows '|': every row key that begins with the prefix sorts below the prefix ending in '}'.
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {prefix} and RowKey lt {prefix[..^1] + "}"}");
        var found = new List<(TableEntity?, string?)>();
        await _series.EnsureCreatedAsync(ct);
        await foreach (var entry in _series.Client.QueryAsync<TableEntity>(filter, cancellationToken: ct))
            found.Add(entry.GetBoolean(EarlierColumn) is true ? (null, entry.RowKey[prefix.Length..]) : (entry, null));
        return found;
    }

    /// <summary>Writes an entry for every invoice stored so far without one; with any such found (an earlier version stored
    /// invoices), looks again after <see cref="RetiredRows.Recheck"/>; then records the index complete.</summary>
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
        // Entries first: one read after its invoice could miss that this version rewrote both meanwhile.
        var entries = new Dictionary<(string, string), TableEntity>();
        var entryRows = TableClient.CreateQueryFilter($"RowKey gt {EntryPrefix} and RowKey lt {"account}"}");
        await foreach (var entry in _series.Client.QueryAsync<TableEntity>(entryRows, select: ["PartitionKey", "RowKey", CopiedETagColumn], cancellationToken: ct))
            entries[(entry.PartitionKey, entry.RowKey)] = entry;

        var written = 0;
        var invoiceRows = TableClient.CreateQueryFilter($"RowKey gt {InvoiceRowPrefix} and RowKey lt {"invoice}"}");
        await foreach (var invoice in _series.Client.QueryAsync<TableEntity>(invoiceRows, cancellationToken: ct))
        {
            if (invoice.GetString("AccountId") is not { Length: > 0 } account) continue;
            var copy = CopyOf(invoice, account);
            copy[CopiedETagColumn] = invoice.ETag.ToString();
            if (!entries.TryGetValue((copy.PartitionKey, copy.RowKey), out var entry))
                written += await WriteAsync(() => _series.Client.AddEntityAsync(copy, ct));
            else if (entry.GetString(CopiedETagColumn) is { } copied && copied != invoice.ETag.ToString())
                await WriteAsync(() => _series.Client.UpdateEntityAsync(copy, entry.ETag, TableUpdateMode.Replace, ct));
        }
        await foreach (var invoice in _earlier.Client.QueryAsync<TableEntity>(select: ["PartitionKey", "AccountId"], cancellationToken: ct))
        {
            if (invoice.GetString("AccountId") is not { Length: > 0 } account || SeriesPartitionOfKey(invoice.PartitionKey) is not { } partition) continue;
            var pointer = new TableEntity(partition, EntryRow(account, invoice.PartitionKey)) { [EarlierColumn] = true };
            if (!entries.ContainsKey((pointer.PartitionKey, pointer.RowKey))) written += await WriteAsync(() => _series.Client.AddEntityAsync(pointer, ct));
        }
        return written;
    }

    /// <summary>1 when written; 0 when this version wrote the entry meanwhile (409 on adding, 412 on copying again), which
    /// then holds the invoice as it is now.</summary>
    private static async Task<int> WriteAsync(Func<Task<Azure.Response>> write)
    {
        try
        {
            await write();
            return 1;
        }
        catch (Azure.RequestFailedException e) when (e.Status is 409 or 412)
        {
            return 0;
        }
    }

    private static TableEntity CopyOf(TableEntity invoice, string accountId) =>
        new(invoice.PartitionKey, EntryRow(accountId, InvoiceKey(invoice.RowKey)))
        {
            // The document only: a listing that filters on AccountId, before the index is complete, must not find the entry.
            [DocumentTable.DocumentColumn] = invoice.GetString(DocumentTable.DocumentColumn),
        };

    private static string EntryRow(string accountId, string invoiceKey) => EntryPrefix + AccountKey(accountId) + "|" + invoiceKey;

    private static string InvoiceKey(string invoiceRow) => invoiceRow[InvoiceRowPrefix.Length..];

    /// <summary>The series partition of an invoice key (an escaped number: its series, a hyphen, the rest).</summary>
    private static string? SeriesPartitionOfKey(string invoiceKey) =>
        invoiceKey.IndexOf('-') is > 0 and var end ? invoiceKey[..end] : null;

    // '|' ends the account's part of the key, so an account id holding one must not read as a shorter id's entries.
    private static string AccountKey(string accountId) => TableKeys.Escape(accountId).Replace("|", "%7C", StringComparison.Ordinal);
}
