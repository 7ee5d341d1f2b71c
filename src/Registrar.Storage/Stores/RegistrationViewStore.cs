using System.Runtime.CompilerServices;
using Registrar.Core.Registrations;
using Registrar.Storage.Configuration;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Stores;

/// <summary>Registration views, one partition per customer (the storefront lists a customer's
/// registrations in one query); the row key is the registration id, unique across partitions.</summary>
public sealed class RegistrationViewStore(StorageClients clients) : IRegistrationViews
{
    private readonly DocumentTable _table = new(clients.Table("registrationviews"));

    public async Task RecordAsync(RegistrationView view, int sequence, CancellationToken cancellationToken)
    {
        var (partition, row) = (TableKeys.Escape(view.CustomerId), TableKeys.Escape(view.RegistrationId));
        var kept = new KeptView(view, sequence);
        while (true)
        {
            var current = await _table.GetAsync<KeptView>(partition, row, cancellationToken);
            if (current is not null && current.Document.Sequence >= sequence) return;
            try
            {
                if (current is null) await _table.InsertAsync(partition, row, kept, null, cancellationToken);
                else await _table.ReplaceAsync(current, kept, null, cancellationToken);
                return;
            }
            catch (Exception e) when (e is ConcurrencyConflictException or DocumentAlreadyExistsException)
            {
                // Another command of the same registration wrote meanwhile: compare sequences again.
            }
        }
    }

    public async IAsyncEnumerable<RegistrationView> ListAsync(string customerId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = $"PartitionKey eq '{TableKeys.Escape(customerId).Replace("'", "''")}'";
        await foreach (var kept in _table.QueryAsync<KeptView>(filter, null, cancellationToken))
            yield return kept.Document.View;
    }

    public async Task<RegistrationView?> GetAsync(string customerId, string registrationId, CancellationToken cancellationToken) =>
        (await _table.GetAsync<KeptView>(TableKeys.Escape(customerId), TableKeys.Escape(registrationId), cancellationToken))?.Document.View;

    /// <summary>A filter on the row key across customers: a registration id is unique, and operations ask rarely.</summary>
    public async Task<RegistrationView?> FindAsync(string registrationId, CancellationToken cancellationToken)
    {
        var filter = $"RowKey eq '{TableKeys.Escape(registrationId).Replace("'", "''")}'";
        await foreach (var kept in _table.QueryAsync<KeptView>(filter, 1, cancellationToken)) return kept.Document.View;
        return null;
    }

    private sealed record KeptView(RegistrationView View, int Sequence);
}
