using Registrar.Core.Customers;
using Registrar.Core.Registrations;
using Registrar.Storage.Configuration;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Stores;

/// <summary>One row per registration whose registrant changed after its order (KZ-2.4, KZ-2.3), alone in its partition under
/// the registration id, kept by sequence so a late or redelivered record changes nothing.</summary>
public sealed class RegistrantRecordStore(StorageClients clients) : IRegistrantRecords
{
    private readonly DocumentTable _table = new(clients.Table("registrants"));

    public async Task RecordAsync(string registrationId, RegistrantData registrant, int sequence, CancellationToken cancellationToken)
    {
        var kept = new KeptRegistrant(registrant, sequence);
        while (true)
        {
            var current = await _table.GetByIdAsync<KeptRegistrant>(registrationId, cancellationToken);
            if (current?.Document.Sequence >= sequence) return;
            try
            {
                if (current is null) await _table.InsertByIdAsync(registrationId, kept, null, cancellationToken);
                else await _table.UpdateAsync(current, kept, null, cancellationToken);
                return;
            }
            catch (Exception e) when (e is DocumentAlreadyExistsException or ConcurrencyConflictException)
            {
                // Another delivery wrote first: read again and keep whichever is newer.
            }
        }
    }

    public async Task<RegistrantData?> GetAsync(string registrationId, CancellationToken cancellationToken) =>
        (await _table.GetByIdAsync<KeptRegistrant>(registrationId, cancellationToken))?.Document.Registrant;

    public async Task EraseAsync(string registrationId, CancellationToken cancellationToken)
    {
        while (await _table.GetByIdAsync<KeptRegistrant>(registrationId, cancellationToken) is { } current)
        {
            try
            {
                await _table.DeleteAsync(current, cancellationToken);
                return;
            }
            catch (ConcurrencyConflictException)
            {
                // A record written meanwhile goes too.
            }
        }
    }

    private sealed record KeptRegistrant(RegistrantData Registrant, int Sequence);
}
