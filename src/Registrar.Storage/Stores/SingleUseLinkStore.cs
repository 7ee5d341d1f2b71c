using Registrar.Core.Notices;
using Registrar.Storage.Configuration;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Stores;

/// <summary>The first use of each single-use link, one row per link id: the insert fails when the row exists,
/// so of two uses racing each other exactly one is recorded and the other is refused.</summary>
public sealed class SingleUseLinkStore(StorageClients clients) : ISingleUseLinkStore
{
    private readonly DocumentTable _table = new(clients.Table("usedlinks"));

    public async Task<bool> TryUseAsync(string linkId, DateTimeOffset usedAt, CancellationToken ct)
    {
        try
        {
            await _table.InsertByIdAsync(linkId, new LinkUseRecord(linkId, usedAt), null, ct);
            return true;
        }
        catch (DocumentAlreadyExistsException)
        {
            return false;
        }
    }

    public async Task<bool> WasUsedAsync(string linkId, CancellationToken ct) =>
        await _table.GetByIdAsync<LinkUseRecord>(linkId, ct) is not null;

    private sealed record LinkUseRecord(string LinkId, DateTimeOffset UsedAt);
}
