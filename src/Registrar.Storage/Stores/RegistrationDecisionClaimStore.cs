using Registrar.Core.Registrations;
using Registrar.Storage.Configuration;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Stores;

/// <summary>One row per registration and kind of decision, alone in its partition: the first insert wins, and a later one reads
/// the row that stands.</summary>
public sealed class RegistrationDecisionClaimStore(StorageClients clients) : IRegistrationDecisionClaims
{
    private readonly DocumentTable _table = new(clients.Table("decisionclaims"));

    public async Task<T> ClaimAsync<T>(string registrationId, string kind, T decision, CancellationToken ct)
    {
        var id = $"{kind}|{registrationId}";
        try
        {
            return (await _table.InsertByIdAsync(id, decision, null, ct)).Document;
        }
        catch (DocumentAlreadyExistsException)
        {
            // A row is never removed, so the one that refused this insert is there to read.
            return (await _table.GetByIdAsync<T>(id, ct))!.Document;
        }
    }
}
