using Azure.Data.Tables;
using Registrar.Storage.Configuration;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Stores;

/// <summary>Invoices, one partition per invoice number: a bank notification names only the number in
/// its payment purpose, so matching is a point read. Listing an account's invoices filters on the
/// indexed AccountId column (a scan, for operations screens only).</summary>
public interface IInvoiceStore<TInvoice>
{
    Task<Stored<TInvoice>?> GetAsync(string invoiceNumber, CancellationToken ct);

    Task<Stored<TInvoice>> CreateAsync(string invoiceNumber, string accountId, TInvoice invoice, string status, CancellationToken ct);

    Task<Stored<TInvoice>> UpdateAsync(Stored<TInvoice> current, TInvoice changed, string accountId, string status, CancellationToken ct);

    IAsyncEnumerable<Stored<TInvoice>> ListByAccountAsync(string accountId, CancellationToken ct);
}

public sealed class InvoiceStore<TInvoice>(StorageClients clients) : IInvoiceStore<TInvoice>
{
    // The row key repeats the partition key: Azurite finds rows by row key first, so one key shared by
    // every partition would make each point read scan the whole table on the local host.

    private readonly DocumentTable _table = new(clients.Table("invoices"));

    public Task<Stored<TInvoice>?> GetAsync(string invoiceNumber, CancellationToken ct) =>
        _table.GetAsync<TInvoice>(TableKeys.Escape(invoiceNumber), TableKeys.Escape(invoiceNumber), ct);

    public Task<Stored<TInvoice>> CreateAsync(string invoiceNumber, string accountId, TInvoice invoice, string status, CancellationToken ct) =>
        _table.InsertAsync(TableKeys.Escape(invoiceNumber), TableKeys.Escape(invoiceNumber), invoice, Columns(accountId, status), ct);

    public Task<Stored<TInvoice>> UpdateAsync(Stored<TInvoice> current, TInvoice changed, string accountId, string status, CancellationToken ct) =>
        _table.ReplaceAsync(current, changed, Columns(accountId, status), ct);

    public IAsyncEnumerable<Stored<TInvoice>> ListByAccountAsync(string accountId, CancellationToken ct) =>
        _table.QueryAsync<TInvoice>(TableClient.CreateQueryFilter($"AccountId eq {accountId}"), null, ct);

    private static Dictionary<string, object?> Columns(string accountId, string status) =>
        new() { ["AccountId"] = accountId, ["Status"] = status };
}
