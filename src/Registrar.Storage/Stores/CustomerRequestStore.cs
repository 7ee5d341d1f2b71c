using Azure.Data.Tables;
using Registrar.Core.Requests;
using Registrar.Storage.Configuration;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Stores;

/// <summary>Customer requests, one partition per request (KZ-5.3, UA-1.5.8); proving one presents the ETag it read,
/// so a confirmation and an operations proof arriving together cannot both be recorded, nor two consents (UA-4.7).</summary>
public sealed class CustomerRequestStore(StorageClients clients) : ICustomerRequestStore
{
    private readonly DocumentTable _table = new(clients.Table("customerrequests"));

    public async Task<CustomerRequestRecord?> GetAsync(string requestId, CancellationToken ct) =>
        (await _table.GetByIdAsync<CustomerRequestRecord>(requestId, ct))?.Document;

    public Task CreateAsync(CustomerRequestRecord request, CancellationToken ct) =>
        _table.InsertByIdAsync(request.RequestId, request, Columns(request), ct);

    public Task<bool> TryProveAsync(CustomerRequestRecord proved, CancellationToken ct) =>
        TryAdvanceAsync(proved, CustomerRequestStatus.AwaitingProof, ct);

    public Task<bool> TryDecideAsync(CustomerRequestRecord decided, CancellationToken ct) =>
        TryAdvanceAsync(decided, CustomerRequestStatus.Proved, ct);

    public async Task KeepTransferCodeSetByAsync(string requestId, string setBy, CancellationToken ct)
    {
        while (await _table.GetByIdAsync<CustomerRequestRecord>(requestId, ct) is { } current && current.Document.TransferCodeSetBy != setBy)
        {
            try
            {
                await _table.UpdateAsync(current, current.Document with { TransferCodeSetBy = setBy }, Columns(current.Document), ct);
                return;
            }
            catch (ConcurrencyConflictException)
            {
                // Rewritten meanwhile (an erasure): read it again.
            }
        }
    }

    public IAsyncEnumerable<CustomerRequestRecord> ListAwaitingProofAsync(int max, CancellationToken ct) =>
        ListAsync(TableClient.CreateQueryFilter($"Status eq {nameof(CustomerRequestStatus.AwaitingProof)}"), max, ct);

    public IAsyncEnumerable<CustomerRequestRecord> ListAwaitingConsentAsync(int max, CancellationToken ct) =>
        ListAsync(TableClient.CreateQueryFilter($"Status eq {nameof(CustomerRequestStatus.Proved)} and NeedsConsent eq {true}"), max, ct);

    /// <summary>UA-Pre-6: a scan filtered on the indexed RegistrationId column; erasure runs once per registration.</summary>
    public Task EraseForRegistrationAsync(string registrationId, Func<CustomerRequestRecord, CustomerRequestRecord> erase, CancellationToken ct) =>
        _table.RewriteDocumentsAsync(TableClient.CreateQueryFilter($"RegistrationId eq {registrationId}"), erase, ct);

    /// <summary>A scan filtered on the indexed columns: requests wait for a person rarely and briefly.</summary>
    private async IAsyncEnumerable<CustomerRequestRecord> ListAsync(string filter, int max,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var stored in _table.QueryAsync<CustomerRequestRecord>(filter, max, ct)) yield return stored.Document;
    }

    private async Task<bool> TryAdvanceAsync(CustomerRequestRecord next, CustomerRequestStatus from, CancellationToken ct)
    {
        var current = await _table.GetByIdAsync<CustomerRequestRecord>(next.RequestId, ct);
        if (current is null || current.Document.Status != from) return false;
        try
        {
            await _table.UpdateAsync(current, next, Columns(next), ct);
            return true;
        }
        catch (ConcurrencyConflictException)
        {
            return false;
        }
    }

    private static Dictionary<string, object?> Columns(CustomerRequestRecord request) => new()
    {
        ["RegistrationId"] = request.RegistrationId,
        ["Status"] = request.Status.ToString(),
        ["NeedsConsent"] = request.NeedsConsent,
    };
}
