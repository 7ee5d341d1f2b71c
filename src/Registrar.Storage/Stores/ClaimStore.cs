using Azure.Data.Tables;
using Registrar.Core.Contracts;
using Registrar.Storage.Configuration;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Stores;

/// <summary>Registrants' claims (UA-5.1, UA-5.2), one partition per claim; an answer presents the ETag it read, so two
/// people answering at once cannot both succeed. Listing is a scan, for the operations screen and the overdue check:
/// claims are few, and the indexed Status and AnswerBy columns let the check ask only for the unanswered, unflagged ones
/// past their deadline.</summary>
public interface IClaimStore
{
    Task<Stored<Claim>?> GetAsync(string claimId, CancellationToken ct);

    Task<Stored<Claim>> CreateAsync(Claim claim, CancellationToken ct);

    /// <exception cref="ConcurrencyConflictException">The claim changed since it was read.</exception>
    Task<Stored<Claim>> UpdateAsync(Stored<Claim> current, Claim changed, CancellationToken ct);

    IAsyncEnumerable<Claim> ListAsync(CancellationToken ct);

    /// <summary>Unanswered claims whose answer deadline has passed at <paramref name="now"/> and that are not yet flagged.</summary>
    IAsyncEnumerable<Stored<Claim>> ListOverdueUnflaggedAsync(DateTimeOffset now, CancellationToken ct);

    /// <summary>Up to <paramref name="max"/> unanswered claims whose answer deadline has passed at <paramref name="now"/>, flagged or not.</summary>
    IAsyncEnumerable<Claim> ListOverdueAsync(DateTimeOffset now, int max, CancellationToken ct);

    /// <summary>UA-Pre-6: rewrites every claim about one registration with <paramref name="erase"/>; status and deadline stay.
    /// A scan filtered on the indexed RegistrationId column, as claims are few.</summary>
    Task EraseForRegistrationAsync(string registrationId, Func<Claim, Claim> erase, CancellationToken ct);
}

public sealed class ClaimStore(StorageClients clients) : IClaimStore
{
    private const string Open = "open";
    private const string Flagged = "flagged";
    private const string Answered = "answered";

    private readonly DocumentTable _table = new(clients.Table("claims"));

    public Task<Stored<Claim>?> GetAsync(string claimId, CancellationToken ct) =>
        _table.GetByIdAsync<Claim>(claimId, ct);

    public Task<Stored<Claim>> CreateAsync(Claim claim, CancellationToken ct) =>
        _table.InsertByIdAsync(claim.ClaimId, claim, Columns(claim), ct);

    public Task<Stored<Claim>> UpdateAsync(Stored<Claim> current, Claim changed, CancellationToken ct) =>
        _table.UpdateAsync(current, changed, Columns(changed), ct);

    public async IAsyncEnumerable<Claim> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var stored in _table.QueryAsync<Claim>("PartitionKey ne ''", null, ct))
            yield return stored.Document;
    }

    public IAsyncEnumerable<Stored<Claim>> ListOverdueUnflaggedAsync(DateTimeOffset now, CancellationToken ct) =>
        _table.QueryAsync<Claim>(TableClient.CreateQueryFilter($"Status eq {Open} and AnswerBy le {now}"), null, ct);

    public async IAsyncEnumerable<Claim> ListOverdueAsync(DateTimeOffset now, int max,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"(Status eq {Open} or Status eq {Flagged}) and AnswerBy le {now}");
        await foreach (var stored in _table.QueryAsync<Claim>(filter, max, ct)) yield return stored.Document;
    }

    public Task EraseForRegistrationAsync(string registrationId, Func<Claim, Claim> erase, CancellationToken ct) =>
        _table.RewriteDocumentsAsync(TableClient.CreateQueryFilter($"RegistrationId eq {registrationId}"), erase, ct);

    private static Dictionary<string, object?> Columns(Claim claim) => new()
    {
        ["Status"] = claim.IsAnswered ? Answered : claim.OverdueFlaggedAt is null ? Open : Flagged,
        ["AnswerBy"] = claim.AnswerBy,
        ["RegistrationId"] = claim.RegistrationId,
    };
}
