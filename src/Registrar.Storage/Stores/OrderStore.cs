using Azure.Data.Tables;
using Registrar.Storage.Configuration;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Stores;

/// <summary>Orders, one partition per account: a customer lists and changes their own orders, and an
/// invoice carries the account and order ids needed for a point read.</summary>
public interface IOrderStore<TOrder>
{
    Task<Stored<TOrder>?> GetAsync(string accountId, string orderId, CancellationToken ct);

    Task<Stored<TOrder>> CreateAsync(string accountId, string orderId, TOrder order, string status, CancellationToken ct);

    Task<Stored<TOrder>> UpdateAsync(Stored<TOrder> current, TOrder changed, string status, CancellationToken ct);

    /// <summary>Replaces the order's document and keeps its status (UA-Pre-6: erasing personal data changes nothing else).</summary>
    Task<Stored<TOrder>> ReplaceDocumentAsync(Stored<TOrder> current, TOrder changed, CancellationToken ct);

    IAsyncEnumerable<Stored<TOrder>> ListByAccountAsync(string accountId, CancellationToken ct);
}

public sealed class OrderStore<TOrder>(StorageClients clients) : IOrderStore<TOrder>
{
    private readonly DocumentTable _table = new(clients.Table("orders"));

    public Task<Stored<TOrder>?> GetAsync(string accountId, string orderId, CancellationToken ct) =>
        _table.GetAsync<TOrder>(TableKeys.Escape(accountId), TableKeys.Escape(orderId), ct);

    public Task<Stored<TOrder>> CreateAsync(string accountId, string orderId, TOrder order, string status, CancellationToken ct) =>
        _table.InsertAsync(TableKeys.Escape(accountId), TableKeys.Escape(orderId), order, Columns(status), ct);

    public Task<Stored<TOrder>> UpdateAsync(Stored<TOrder> current, TOrder changed, string status, CancellationToken ct) =>
        _table.UpdateAsync(current, changed, Columns(status), ct);

    public Task<Stored<TOrder>> ReplaceDocumentAsync(Stored<TOrder> current, TOrder changed, CancellationToken ct) =>
        _table.UpdateAsync(current, changed, null, ct);

    public IAsyncEnumerable<Stored<TOrder>> ListByAccountAsync(string accountId, CancellationToken ct) =>
        _table.QueryAsync<TOrder>(TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(accountId)}"), null, ct);

    private static Dictionary<string, object?> Columns(string status) => new() { ["Status"] = status };
}
