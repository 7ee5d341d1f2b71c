using Azure.Data.Tables;
using Registrar.Storage.Configuration;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Stores;

/// <summary>Customer accounts and their contacts. One partition per account: the account row and its
/// contacts change together in one entity group transaction.</summary>
public interface IAccountStore<TAccount, TContact>
{
    Task<Stored<TAccount>?> GetAccountAsync(string accountId, CancellationToken ct);

    /// <summary>Creates the account with its first contacts atomically. Throws <see cref="DocumentAlreadyExistsException"/>.</summary>
    Task CreateAsync(string accountId, TAccount account, IReadOnlyDictionary<string, TContact> contacts, CancellationToken ct);

    Task<Stored<TAccount>> UpdateAccountAsync(Stored<TAccount> current, TAccount changed, CancellationToken ct);

    Task<Stored<TContact>?> GetContactAsync(string accountId, string contactId, CancellationToken ct);

    Task<Stored<TContact>> AddContactAsync(string accountId, string contactId, TContact contact, CancellationToken ct);

    Task<Stored<TContact>> UpdateContactAsync(Stored<TContact> current, TContact changed, CancellationToken ct);

    IAsyncEnumerable<Stored<TContact>> ListContactsAsync(string accountId, CancellationToken ct);
}

public sealed class AccountStore<TAccount, TContact>(StorageClients clients) : IAccountStore<TAccount, TContact>
{
    // "account|{id}" rather than "account": Azurite finds rows by row key first, so one key shared by
    // every partition would make each point read scan the whole table on the local host.
    private const string AccountPrefix = "account|";
    private const string ContactPrefix = "contact|";

    private readonly DocumentTable _table = new(clients.Table("accounts"));

    public Task<Stored<TAccount>?> GetAccountAsync(string accountId, CancellationToken ct) =>
        _table.GetAsync<TAccount>(TableKeys.Escape(accountId), AccountPrefix + TableKeys.Escape(accountId), ct);

    public Task CreateAsync(string accountId, TAccount account, IReadOnlyDictionary<string, TContact> contacts, CancellationToken ct)
    {
        var partition = TableKeys.Escape(accountId);
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Add, DocumentTable.Entity(partition, AccountPrefix + partition, account, null)),
        };
        actions.AddRange(contacts.Select(c => new TableTransactionAction(TableTransactionActionType.Add,
            DocumentTable.Entity(partition, ContactPrefix + TableKeys.Escape(c.Key), c.Value, null))));
        return _table.SubmitAsync(actions, ct);
    }

    public Task<Stored<TAccount>> UpdateAccountAsync(Stored<TAccount> current, TAccount changed, CancellationToken ct) =>
        _table.UpdateAsync(current, changed, null, ct);

    public Task<Stored<TContact>?> GetContactAsync(string accountId, string contactId, CancellationToken ct) =>
        _table.GetAsync<TContact>(TableKeys.Escape(accountId), ContactPrefix + TableKeys.Escape(contactId), ct);

    public Task<Stored<TContact>> AddContactAsync(string accountId, string contactId, TContact contact, CancellationToken ct) =>
        _table.InsertAsync(TableKeys.Escape(accountId), ContactPrefix + TableKeys.Escape(contactId), contact, null, ct);

    public Task<Stored<TContact>> UpdateContactAsync(Stored<TContact> current, TContact changed, CancellationToken ct) =>
        _table.UpdateAsync(current, changed, null, ct);

    public IAsyncEnumerable<Stored<TContact>> ListContactsAsync(string accountId, CancellationToken ct) =>
        _table.QueryAsync<TContact>(
            TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(accountId)} and RowKey ge {ContactPrefix} and RowKey lt {"contact}"}"),
            null, ct);
}
