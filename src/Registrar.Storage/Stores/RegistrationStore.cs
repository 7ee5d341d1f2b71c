using Azure.Data.Tables;
using Registrar.Storage.Configuration;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Stores;

/// <summary>Registrations, one partition per domain name (A-label, lowercase): every flow and the
/// registry's answers address a registration by its name.</summary>
public interface IRegistrationStore<TRegistration>
{
    Task<Stored<TRegistration>?> GetAsync(string domainName, CancellationToken ct);

    Task<Stored<TRegistration>> CreateAsync(string domainName, string accountId, TRegistration registration, CancellationToken ct);

    Task<Stored<TRegistration>> UpdateAsync(Stored<TRegistration> current, TRegistration changed, string accountId, CancellationToken ct);

    /// <summary>Filters on the indexed AccountId column: a scan, for an account's dashboard and operations.</summary>
    IAsyncEnumerable<Stored<TRegistration>> ListByAccountAsync(string accountId, CancellationToken ct);
}

public sealed class RegistrationStore<TRegistration>(StorageClients clients) : IRegistrationStore<TRegistration>
{
    // The row key repeats the partition key: Azurite finds rows by row key first, so one key shared by
    // every partition would make each point read scan the whole table on the local host.

    private readonly DocumentTable _table = new(clients.Table("registrations"));

    public Task<Stored<TRegistration>?> GetAsync(string domainName, CancellationToken ct) =>
        _table.GetAsync<TRegistration>(Key(domainName), Key(domainName), ct);

    public Task<Stored<TRegistration>> CreateAsync(string domainName, string accountId, TRegistration registration, CancellationToken ct) =>
        _table.InsertAsync(Key(domainName), Key(domainName), registration, Columns(accountId), ct);

    public Task<Stored<TRegistration>> UpdateAsync(Stored<TRegistration> current, TRegistration changed, string accountId, CancellationToken ct) =>
        _table.ReplaceAsync(current, changed, Columns(accountId), ct);

    public IAsyncEnumerable<Stored<TRegistration>> ListByAccountAsync(string accountId, CancellationToken ct) =>
        _table.QueryAsync<TRegistration>(TableClient.CreateQueryFilter($"AccountId eq {accountId}"), null, ct);

    private static string Key(string domainName) => TableKeys.Escape(domainName.ToLowerInvariant());

    private static Dictionary<string, object?> Columns(string accountId) => new() { ["AccountId"] = accountId };
}
