using Registrar.Core.Whois;
using Registrar.Storage.Configuration;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Stores;

/// <summary>UA-1.16 disclosure requests, one partition per request; each change presents the ETag it read,
/// so two people deciding the same request at once cannot both succeed.</summary>
public interface IDisclosureRequestStore
{
    Task<Stored<DisclosureRequest>?> GetAsync(string requestId, CancellationToken ct);

    Task<Stored<DisclosureRequest>> CreateAsync(DisclosureRequest request, CancellationToken ct);

    /// <exception cref="ConcurrencyConflictException">The request changed since it was read.</exception>
    Task<Stored<DisclosureRequest>> UpdateAsync(Stored<DisclosureRequest> current, DisclosureRequest changed, CancellationToken ct);
}

public sealed class DisclosureRequestStore(StorageClients clients) : IDisclosureRequestStore
{
    private readonly DocumentTable _table = new(clients.Table("disclosurerequests"));

    public Task<Stored<DisclosureRequest>?> GetAsync(string requestId, CancellationToken ct) =>
        _table.GetByIdAsync<DisclosureRequest>(requestId, ct);

    public Task<Stored<DisclosureRequest>> CreateAsync(DisclosureRequest request, CancellationToken ct) =>
        _table.InsertByIdAsync(request.RequestId, request, Columns(request), ct);

    public Task<Stored<DisclosureRequest>> UpdateAsync(Stored<DisclosureRequest> current, DisclosureRequest changed, CancellationToken ct) =>
        _table.UpdateAsync(current, changed, Columns(changed), ct);

    private static Dictionary<string, object?> Columns(DisclosureRequest request) => new() { ["Status"] = request.Status.ToString() };
}
