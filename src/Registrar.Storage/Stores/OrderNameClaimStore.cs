using Azure;
using Registrar.Storage.Configuration;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Stores;

/// <summary>The order of a customer's that last took a domain name, and when.</summary>
public sealed record OrderNameClaim(string OrderId, DateTimeOffset ClaimedAt);

/// <summary>KZ-3.2: one row per customer and domain name naming the order that took it, so a second order of the name is
/// found by a point read rather than by reading every order of the customer, and two orders placed at once cannot both take
/// it: the first write wins (Add, or a replace on the ETag read), the other finds it written.</summary>
public interface IOrderNameClaimStore
{
    Task<Stored<OrderNameClaim>?> GetAsync(string accountId, string domainName, CancellationToken ct);

    /// <summary>Writes the claim over <paramref name="replacing"/> (null: where none was); null when another was written first.</summary>
    Task<Stored<OrderNameClaim>?> TryClaimAsync(string accountId, string domainName, Stored<OrderNameClaim>? replacing, OrderNameClaim claim, CancellationToken ct);

    /// <summary>Gives the name back if the claim is still the one written: the order that took it was not stored.</summary>
    Task ReleaseAsync(Stored<OrderNameClaim> claimed, CancellationToken ct);
}

public sealed class OrderNameClaimStore(StorageClients clients) : IOrderNameClaimStore
{
    private readonly DocumentTable _table = new(clients.Table("ordernames"));

    public Task<Stored<OrderNameClaim>?> GetAsync(string accountId, string domainName, CancellationToken ct) =>
        _table.GetAsync<OrderNameClaim>(TableKeys.Escape(accountId), Row(accountId, domainName), ct);

    public async Task<Stored<OrderNameClaim>?> TryClaimAsync(string accountId, string domainName, Stored<OrderNameClaim>? replacing,
        OrderNameClaim claim, CancellationToken ct)
    {
        try
        {
            return replacing is null
                ? await _table.InsertAsync(TableKeys.Escape(accountId), Row(accountId, domainName), claim, null, ct)
                : await _table.UpdateAsync(replacing, claim, null, ct);
        }
        catch (Exception e) when (e is DocumentAlreadyExistsException or ConcurrencyConflictException)
        {
            return null;
        }
    }

    public async Task ReleaseAsync(Stored<OrderNameClaim> claimed, CancellationToken ct)
    {
        try
        {
            await _table.DeleteAsync(claimed, ct);
        }
        catch (ConcurrencyConflictException)
        {
            // Taken since by another order: that claim stands.
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Released already.
        }
    }

    // The account in the row key too: Azurite finds rows by row key first, and a name two customers ordered would share one.
    private static string Row(string accountId, string domainName) => TableKeys.Escape($"{accountId}|{domainName}");
}
