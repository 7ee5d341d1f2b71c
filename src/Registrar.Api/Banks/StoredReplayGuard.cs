using Registrar.Payments.Notifications;
using Registrar.Storage.Configuration;
using Registrar.Storage.Tables;

namespace Registrar.Api.Banks;

/// <summary>Signatures already seen, per bank: a replayed notification is refused even inside the tolerance window.</summary>
public sealed class StoredReplayGuard(StorageClients clients) : IReplayGuard
{
    private readonly DocumentTable _table = new(clients.Table("seensignatures"));

    public async Task<bool> TryRecordAsync(string bankId, string signatureId, DateTimeOffset expiresAt)
    {
        try
        {
            await _table.InsertAsync(TableKeys.Escape(bankId), TableKeys.Escape(signatureId), new SeenSignature(expiresAt), null, CancellationToken.None);
            return true;
        }
        catch (DocumentAlreadyExistsException)
        {
            return false;
        }
    }

    private sealed record SeenSignature(DateTimeOffset ExpiresAt);
}
