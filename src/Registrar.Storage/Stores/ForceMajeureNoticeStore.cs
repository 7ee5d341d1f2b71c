using Registrar.Core.Contracts;
using Registrar.Storage.Configuration;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Stores;

/// <summary>Force majeure notices (KZ-5.6, UA-7.2, UA-7.3) as operations record them, one partition per notice.
/// Listing is a scan, for the operations screen: such notices are rare.</summary>
public interface IForceMajeureNoticeStore
{
    Task<Stored<ForceMajeureNotice>?> GetAsync(string noticeId, CancellationToken ct);

    Task<Stored<ForceMajeureNotice>> CreateAsync(ForceMajeureNotice notice, CancellationToken ct);

    /// <exception cref="ConcurrencyConflictException">The notice changed since it was read.</exception>
    Task<Stored<ForceMajeureNotice>> UpdateAsync(Stored<ForceMajeureNotice> current, ForceMajeureNotice changed, CancellationToken ct);

    IAsyncEnumerable<ForceMajeureNotice> ListAsync(CancellationToken ct);
}

public sealed class ForceMajeureNoticeStore(StorageClients clients) : IForceMajeureNoticeStore
{
    private readonly DocumentTable _table = new(clients.Table("forcemajeurenotices"));

    public Task<Stored<ForceMajeureNotice>?> GetAsync(string noticeId, CancellationToken ct) =>
        _table.GetByIdAsync<ForceMajeureNotice>(noticeId, ct);

    public Task<Stored<ForceMajeureNotice>> CreateAsync(ForceMajeureNotice notice, CancellationToken ct) =>
        _table.InsertByIdAsync(notice.NoticeId, notice, null, ct);

    public Task<Stored<ForceMajeureNotice>> UpdateAsync(Stored<ForceMajeureNotice> current, ForceMajeureNotice changed, CancellationToken ct) =>
        _table.UpdateAsync(current, changed, null, ct);

    public async IAsyncEnumerable<ForceMajeureNotice> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var stored in _table.QueryAsync<ForceMajeureNotice>("PartitionKey ne ''", null, ct))
            yield return stored.Document;
    }
}
