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

    private async Task<bool> TryAdvanceAsync(CustomerRequestRecord next, CustomerRequestStatus from, CancellationToken ct)
    {
        var current = await _table.GetByIdAsync<CustomerRequestRecord>(next.RequestId, ct);
        if (current is null || current.Document.Status != from) return false;
        try
        {
            await _table.ReplaceAsync(current, next, Columns(next), ct);
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
    };
}
