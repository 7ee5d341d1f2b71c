using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Registrar.Core.Zones;
using Registrar.Storage.Configuration;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Stores;

/// <summary>The number an invoice is to take: the next of its series and month, claimed under <paramref name="Key"/> so that
/// asking again (a retry) finds the same one.</summary>
public sealed record InvoiceClaim(string Series, int Year, int Month, string Key);

/// <summary>An invoice to be stored under the number it was made with.</summary>
public sealed record NewInvoice<TInvoice>(string Number, string AccountId, TInvoice Invoice, string Status);

/// <summary>Invoices, found by number: a bank notification names only the number in its payment purpose, so matching is a
/// point read. An account's invoices are listed from its entries in each series (<see cref="InvoiceAccountIndex"/>).</summary>
public interface IInvoiceStore<TInvoice>
{
    Task<Stored<TInvoice>?> GetAsync(string invoiceNumber, CancellationToken ct);

    /// <summary>The invoices of one series whose numbers sort from <paramref name="firstNumber"/> to <paramref name="lastNumber"/>,
    /// both included, in one range query: a bank file's credits naming invoices issued close together are read at once instead
    /// of a point read each (issue 16). Invoices earlier versions stored apart are not among them.</summary>
    IAsyncEnumerable<Stored<TInvoice>> ListRangeAsync(string firstNumber, string lastNumber, CancellationToken ct);

    Task<Stored<TInvoice>> CreateAsync(string invoiceNumber, string accountId, TInvoice invoice, string status, CancellationToken ct);

    /// <summary>Takes the number <paramref name="claim"/> names and stores the invoice <paramref name="build"/> makes of it in
    /// the same transaction, so the number is spent exactly when its invoice is stored (issue 16: one transaction, not two).
    /// Asked again for the same claim, it returns the invoice stored then.</summary>
    Task<Stored<TInvoice>> IssueAsync(InvoiceClaim claim, Func<int, NewInvoice<TInvoice>> build, CancellationToken ct);

    /// <summary>Gives back the number of an invoice <see cref="IssueAsync"/> stored for <paramref name="claim"/>, with the invoice,
    /// when no later number was taken meanwhile: what it was issued for could not be stored, and the series keeps no gap.</summary>
    /// <returns>False when a later number was taken, so the invoice stays, spending its number.</returns>
    Task<bool> WithdrawAsync(InvoiceClaim claim, Stored<TInvoice> issued, CancellationToken ct);

    Task<Stored<TInvoice>> UpdateAsync(Stored<TInvoice> current, TInvoice changed, string accountId, string status, CancellationToken ct);

    /// <summary>The account's invoices as they are now; to change one, read it by its number.</summary>
    IAsyncEnumerable<TInvoice> ListByAccountAsync(string accountId, CancellationToken ct);
}

/// <summary>An invoice lives in its series' partition of the sequence table, row <c>invoice|{number}</c>, beside the counter
/// that numbered it: an invoice number begins with its series and a hyphen ("KZ-2611-00042-7"). Invoices stored by earlier
/// versions stay in the <c>invoices</c> table, one partition per number, and are read and changed there.</summary>
/// <remarks>Nothing stores an invoice in the earlier table any more. Until every invoice has its account's entry, a listing
/// filters on the AccountId column, and looks in the earlier table only while it holds any.</remarks>
public sealed class InvoiceStore<TInvoice> : IInvoiceStore<TInvoice>
{
    private const string RowPrefix = InvoiceAccountIndex.InvoiceRowPrefix;

    private readonly InvoiceSequenceStore _sequence;
    private readonly DocumentTable _series;
    private readonly PartitionGroupCommit _seriesWrites;
    private readonly DocumentTable _earlier;
    private readonly RetiredRows _earlierLeft;
    private readonly InvoiceAccountIndex _accounts;
    private readonly IReadOnlyList<string> _seriesPartitions;

    /// <param name="zones">Their series (each zone's country) are the partitions an account's invoices are looked for in.</param>
    public InvoiceStore(StorageClients clients, InvoiceSequenceStore sequence, ZoneCatalog zones, TimeProvider clock,
        ILogger<InvoiceStore<TInvoice>> logger)
    {
        _sequence = sequence;
        _series = new(clients.Table("invoicesequences"));
        _seriesWrites = new(_series);
        _earlier = new(clients.Table("invoices"));
        _earlierLeft = new RetiredRows(ct => _earlier.HoldsAnyRowAsync(null, ct), clock);
        _accounts = new InvoiceAccountIndex(_series, _earlier, clock, logger);
        _seriesPartitions = [.. zones.All.Select(zone => InvoiceSequenceStore.Partition(zone.CalendarCountry)).Distinct(StringComparer.Ordinal)];
    }

    public InvoiceStore(StorageClients clients, InvoiceSequenceStore sequence, TimeProvider clock)
        : this(clients, sequence, ZoneCatalog.LoadEmbedded(), clock, NullLogger<InvoiceStore<TInvoice>>.Instance)
    {
    }

    public InvoiceStore(StorageClients clients) : this(clients, new InvoiceSequenceStore(clients), TimeProvider.System)
    {
    }

    public async Task<Stored<TInvoice>?> GetAsync(string invoiceNumber, CancellationToken ct) =>
        (SeriesPartition(invoiceNumber) is { } partition ? await _series.GetAsync<TInvoice>(partition, Row(invoiceNumber), ct) : null)
        ?? await _earlier.GetAsync<TInvoice>(TableKeys.Escape(invoiceNumber), TableKeys.Escape(invoiceNumber), ct);

    public IAsyncEnumerable<Stored<TInvoice>> ListRangeAsync(string firstNumber, string lastNumber, CancellationToken ct)
    {
        var partition = SeriesPartition(firstNumber) ?? throw NotANumber(firstNumber);
        if (SeriesPartition(lastNumber) != partition) throw new ArgumentException($"Invoice {lastNumber} is not of the series of {firstNumber}.", nameof(lastNumber));
        return _series.QueryAsync<TInvoice>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {Row(firstNumber)} and RowKey le {Row(lastNumber)}"), null, ct);
    }

    public async Task<Stored<TInvoice>> CreateAsync(string invoiceNumber, string accountId, TInvoice invoice, string status, CancellationToken ct)
    {
        var partition = SeriesPartition(invoiceNumber) ?? throw NotANumber(invoiceNumber);
        var answers = await _series.SubmitAsync(WithAccountEntry(partition, Row(invoiceNumber), invoice, accountId, status), ct);
        return new Stored<TInvoice>(partition, Row(invoiceNumber), invoice, answers[0].Headers.ETag ?? default);
    }

    public async Task<Stored<TInvoice>> IssueAsync(InvoiceClaim claim, Func<int, NewInvoice<TInvoice>> build, CancellationToken ct)
    {
        var partition = InvoiceSequenceStore.Partition(claim.Series);
        NewInvoice<TInvoice>? issued = null;
        var (number, taken, etag) = await _sequence.TakeAsync(claim.Series, claim.Year, claim.Month, claim.Key, taken =>
        {
            issued = build(taken);
            if (SeriesPartition(issued.Number) != partition) throw new ArgumentException($"Invoice {issued.Number} is not of series {claim.Series}.", nameof(build));
            return WithAccountEntry(partition, Row(issued.Number), issued.Invoice, issued.AccountId, issued.Status);
        }, ct);
        if (taken) return new Stored<TInvoice>(partition, Row(issued!.Number), issued.Invoice, etag);

        // Claimed before: by an attempt that stored the invoice with it, or by an earlier version, which stored it apart (or
        // crashed before it could).
        var again = build(number);
        if (await GetAsync(again.Number, ct) is { } stored) return stored;
        try
        {
            return await CreateAsync(again.Number, again.AccountId, again.Invoice, again.Status, ct);
        }
        catch (DocumentAlreadyExistsException)
        {
            return (await GetAsync(again.Number, ct))!;
        }
    }

    public async Task<bool> WithdrawAsync(InvoiceClaim claim, Stored<TInvoice> issued, CancellationToken ct)
    {
        // An invoice an earlier version stored apart from its claim is not the claim's to delete.
        if (issued.PartitionKey != InvoiceSequenceStore.Partition(claim.Series))
            return await _sequence.ReleaseAsync(claim.Series, claim.Year, claim.Month, claim.Key, rowsWithIt: null, ct);
        var stored = await _series.Client.GetEntityIfExistsAsync<TableEntity>(issued.PartitionKey, issued.RowKey, select: ["AccountId"], cancellationToken: ct);
        string[] rows = stored.HasValue && stored.Value!.GetString("AccountId") is { Length: > 0 } account
            ? [issued.RowKey, InvoiceAccountIndex.EntryRowOf(issued.RowKey, account)]
            : [issued.RowKey];
        return await _sequence.ReleaseAsync(claim.Series, claim.Year, claim.Month, claim.Key, rows, ct);
    }

    /// <summary>Invoices of one series share its partition, so changes waiting at the same moment (a bank file paying many)
    /// go out as one transaction.</summary>
    public async Task<Stored<TInvoice>> UpdateAsync(Stored<TInvoice> current, TInvoice changed, string accountId, string status, CancellationToken ct)
    {
        if (!current.RowKey.StartsWith(RowPrefix, StringComparison.Ordinal)) return await _earlier.UpdateAsync(current, changed, Columns(accountId, status), ct);
        var invoice = DocumentTable.Entity(current.PartitionKey, current.RowKey, changed, Columns(accountId, status));
        var answers = await _seriesWrites.SubmitAsync(
            [new(TableTransactionActionType.UpdateMerge, invoice, current.ETag), InvoiceAccountIndex.Write(invoice, accountId)], ct);
        return current with { Document = changed, ETag = answers[0].Headers.ETag ?? default };
    }

    public async IAsyncEnumerable<TInvoice> ListByAccountAsync(string accountId,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        if (await _accounts.IsCompleteAsync(ct))
        {
            foreach (var partition in _seriesPartitions)
            {
                foreach (var (copy, earlierKey) in await _accounts.FindAsync(partition, accountId, ct))
                {
                    if (copy is not null) yield return DocumentTable.Read<TInvoice>(copy).Document;
                    else if (await _earlier.GetAsync<TInvoice>(earlierKey!, earlierKey!, ct) is { } earlier) yield return earlier.Document;
                }
            }
            yield break;
        }
        var filter = TableClient.CreateQueryFilter($"AccountId eq {accountId}");
        await foreach (var invoice in _series.QueryAsync<TInvoice>(filter, null, ct)) yield return invoice.Document;
        if (!await _earlierLeft.MayBeLeftAsync(ct)) yield break;
        await foreach (var invoice in _earlier.QueryAsync<TInvoice>(filter, null, ct)) yield return invoice.Document;
    }

    private static TableTransactionAction[] WithAccountEntry(string partition, string row, TInvoice invoice, string accountId, string status)
    {
        var entity = DocumentTable.Entity(partition, row, invoice, Columns(accountId, status));
        return [new(TableTransactionActionType.Add, entity), InvoiceAccountIndex.Write(entity, accountId)];
    }

    private static string? SeriesPartition(string invoiceNumber) =>
        invoiceNumber.IndexOf('-') is > 0 and var end ? InvoiceSequenceStore.Partition(invoiceNumber[..end]) : null;

    // Row keys never repeat across partitions: the number names its series.
    private static string Row(string invoiceNumber) => RowPrefix + TableKeys.Escape(invoiceNumber);

    private static ArgumentException NotANumber(string invoiceNumber) =>
        new($"'{invoiceNumber}' does not begin with an invoice series and a hyphen.", nameof(invoiceNumber));

    private static Dictionary<string, object?> Columns(string accountId, string status) =>
        new() { ["AccountId"] = accountId, ["Status"] = status };
}
