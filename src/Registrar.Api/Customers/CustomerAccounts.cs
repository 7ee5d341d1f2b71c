using Registrar.Core.Customers;
using Registrar.Core.Privacy;
using Registrar.Core.Registrations;
using Registrar.Mail;
using Registrar.Storage.Stores;
using Registrar.Storage.Tables;

namespace Registrar.Api.Customers;

/// <summary>
/// KZ-2.2: the customer's one contact e-mail, kept in the customer's account row. Orders and notices read it here; a
/// customer whose data predate accounts has no row, and then each registration's stored address is used as it was.
/// </summary>
public sealed class CustomerAccounts(IAccountStore<CustomerAccount, RegistrantData> accounts) : IContactAddresses
{
    /// <summary>The address the account's links are good for (KZ-5.3, UA-4.7, UA-2.1.2); an erased one is good for none.</summary>
    public async Task<string?> CurrentAsync(string customerId, CancellationToken ct) => (await accounts.GetAccountAsync(customerId, ct))?.Document.ContactEmail;

    public Task<Stored<CustomerAccount>?> ReadAsync(string customerId, CancellationToken ct) => accounts.GetAccountAsync(customerId, ct);

    /// <summary>KZ-2.2: <paramref name="account"/> holds a contact e-mail other than <paramref name="orderedEmail"/>; false when the
    /// order names the account's address, or will open the account, or the account's address was erased (UA-Pre-6).</summary>
    public static bool HoldsAnotherContactEmail(Stored<CustomerAccount>? account, string orderedEmail) =>
        account is not null && account.Document.ContactEmail != ErasedPersonalData.Erased && !account.Document.HasContactEmail(orderedEmail);

    /// <summary>The account's contact e-mail; the first order opens the account with <paramref name="orderedEmail"/>.
    /// An account whose address was erased (UA-Pre-6) ended with its contract: a new order opens it again.</summary>
    /// <param name="read">The account as the order's checks read it (null: there was none), so that the common case costs no second read.</param>
    public async Task<string> OpenOrReadAsync(string customerId, string orderedEmail, Stored<CustomerAccount>? read, DateTimeOffset now, CancellationToken ct)
    {
        var existing = read;
        while (true)
        {
            if (existing is not null && existing.Document.ContactEmail != ErasedPersonalData.Erased) return existing.Document.ContactEmail;
            try
            {
                var opened = CustomerAccount.Open(customerId, orderedEmail, now);
                if (existing is null) await accounts.CreateAsync(customerId, opened, new Dictionary<string, RegistrantData>(), ct);
                else await accounts.UpdateAccountAsync(existing, opened, ct);
                return orderedEmail;
            }
            catch (Exception e) when (e is DocumentAlreadyExistsException or ConcurrencyConflictException)
            {
                // Another order of the same customer opened it first: that address holds (KZ-2.2).
                existing = await accounts.GetAccountAsync(customerId, ct);
            }
        }
    }

    /// <summary>UA-4.7, KZ-2.2: a change operations approved, or one proved where no contract asks their consent (KZ-2.6), moves
    /// every registration's notices; applying it again changes nothing.</summary>
    public async Task ApplyApprovedChangeAsync(string customerId, string requestId, string email, DateTimeOffset now, CancellationToken ct)
    {
        while (true)
        {
            var current = await accounts.GetAccountAsync(customerId, ct);
            try
            {
                if (current is null)
                    await accounts.CreateAsync(customerId, CustomerAccount.Open(customerId, email, now) with { ChangedByRequest = requestId },
                        new Dictionary<string, RegistrantData>(), ct);
                else if (current.Document.WithApprovedChange(requestId, email) is var changed && changed != current.Document)
                    await accounts.UpdateAccountAsync(current, changed, ct);
                return;
            }
            catch (Exception e) when (e is DocumentAlreadyExistsException or ConcurrencyConflictException)
            {
                // Changed meanwhile: apply it to the account as it is now.
            }
        }
    }

    /// <summary>KZ-2.2: <paramref name="notice"/> addressed to the account's contact e-mail, or as it is without an account
    /// (or once either was erased).</summary>
    public async Task<SendNotice> AddressAsync(SendNotice notice, CancellationToken ct) =>
        notice.To == ErasedPersonalData.Erased || await accounts.GetAccountAsync(notice.CustomerId, ct) is not { } account
            || account.Document.ContactEmail == ErasedPersonalData.Erased
            ? notice
            : account.Document.Address(notice);

    /// <summary>UA-Pre-6: a written erasure request erases the account's addresses with the rest of the customer's data.</summary>
    public async Task EraseAsync(string customerId, CancellationToken ct)
    {
        while (await accounts.GetAccountAsync(customerId, ct) is { } current && current.Document.ContactEmail != ErasedPersonalData.Erased)
        {
            try
            {
                await accounts.UpdateAccountAsync(current, ErasedPersonalData.Erase(current.Document), ct);
                return;
            }
            catch (ConcurrencyConflictException)
            {
                // Changed meanwhile: erase it as it is now.
            }
        }
    }
}
