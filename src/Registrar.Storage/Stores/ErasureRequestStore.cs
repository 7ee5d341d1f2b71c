using Registrar.Core.Privacy;
using Registrar.Storage.Configuration;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Stores;

/// <summary>UA-Pre-6 erasure requests as operations recorded them, one partition per request: a retried request reads the one
/// its first attempt stored. Such requests are rare.</summary>
public interface IErasureRequestStore
{
    Task<Stored<ErasureRequest>?> GetAsync(string requestId, CancellationToken ct);

    /// <exception cref="DocumentAlreadyExistsException">A request with that id was recorded before.</exception>
    Task<Stored<ErasureRequest>> CreateAsync(ErasureRequest request, CancellationToken ct);
}

public sealed class ErasureRequestStore(StorageClients clients) : IErasureRequestStore
{
    private readonly DocumentTable _table = new(clients.Table("erasurerequests"));

    public Task<Stored<ErasureRequest>?> GetAsync(string requestId, CancellationToken ct) =>
        _table.GetByIdAsync<ErasureRequest>(requestId, ct);

    public Task<Stored<ErasureRequest>> CreateAsync(ErasureRequest request, CancellationToken ct) =>
        _table.InsertByIdAsync(request.RequestId, request, null, ct);
}
