using Azure;
using Azure.Data.Tables;
using Registrar.Core.Contracts;
using Registrar.Storage.Configuration;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Stores;

/// <summary>The refunds decided for one registration as read, with the version a new decision is written against.</summary>
/// <param name="Held">KZ-2.1: the money held for the customer's new order instead, once the customer chose another name.</param>
public sealed record RefundLedgerRead(string RegistrationId, RefundsDecided Decided, ETag? Tally, HeldForAnotherName? Held = null);

/// <summary>UA-1.5.5, UA-6.3, KZ-2.1: the refunds operations decided, per registration, so that each cap holds for all of
/// them together.</summary>
public interface IRefundLedger
{
    Task<RefundLedgerRead> ReadAsync(string registrationId, CancellationToken ct);

    /// <summary>Records <paramref name="decision"/> unless <paramref name="read"/> holds it already (a retry).</summary>
    /// <returns>The decision as stored: a retry gets its first attempt's.</returns>
    /// <exception cref="ConcurrencyConflictException">Another decision was recorded since <paramref name="read"/>: judge again.</exception>
    Task<RefundDecided> RecordAsync(RefundLedgerRead read, RefundDecided decision, CancellationToken ct);

    /// <summary>KZ-2.1: records that <paramref name="held"/> is held for another name, unless <paramref name="read"/> holds a
    /// hold already (a repeated command), on the same tally as the decisions: a refund judged before it must be judged again.</summary>
    /// <returns>The hold as stored: a repeat gets the first one's.</returns>
    /// <exception cref="ConcurrencyConflictException">A refund was decided since <paramref name="read"/>: work out the hold again.</exception>
    Task<HeldForAnotherName> HoldAsync(RefundLedgerRead read, HeldForAnotherName held, CancellationToken ct);
}

/// <summary>One partition per registration: a row per decision and a tally row every decision rewrites on the ETag it was
/// judged against, in the decision's transaction, so two decisions judged side by side cannot both pass one cap. A hold for
/// another name (KZ-2.1) rewrites the tally the same way, so of a hold and a refund judged side by side the second sees the
/// first: never both the whole payment held and a refund decided.</summary>
public sealed class RefundLedgerStore(StorageClients clients) : IRefundLedger
{
    private sealed record Tally(int Decisions);

    private readonly DocumentTable _table = new(clients.Table("refunds"));

    public async Task<RefundLedgerRead> ReadAsync(string registrationId, CancellationToken ct)
    {
        var decisions = new List<RefundDecided>();
        ETag? tally = null;
        HeldForAnotherName? held = null;
        await _table.EnsureCreatedAsync(ct);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(registrationId)}");
        await foreach (var row in _table.Client.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            if (row.RowKey == TallyRow(registrationId)) tally = row.ETag;
            else if (row.RowKey == HeldRow(registrationId)) held = DocumentTable.Read<HeldForAnotherName>(row).Document;
            else decisions.Add(DocumentTable.Read<RefundDecided>(row).Document);
        }
        return new(registrationId, new(decisions.OrderBy(d => d.RecordedAt).ToList()), tally, held);
    }

    public async Task<RefundDecided> RecordAsync(RefundLedgerRead read, RefundDecided decision, CancellationToken ct)
    {
        if (read.Decided.Find(decision.DecisionId) is { } recorded) return recorded;
        var partition = TableKeys.Escape(read.RegistrationId);
        try
        {
            await AddWithTallyAsync(read, DocumentTable.Entity(partition, $"decision|{partition}|{decision.DecisionId}", decision, null),
                read.Decided.Decisions.Count + 1, ct);
            return decision;
        }
        catch (DocumentAlreadyExistsException e)
        {
            // The same decision recorded by a concurrent attempt of its request is done; a first decision of another is not.
            return (await ReadAsync(read.RegistrationId, ct)).Decided.Find(decision.DecisionId)
                ?? throw new ConcurrencyConflictException(_table.Name, partition, TallyRow(read.RegistrationId), e);
        }
    }

    public async Task<HeldForAnotherName> HoldAsync(RefundLedgerRead read, HeldForAnotherName held, CancellationToken ct)
    {
        if (read.Held is { } earlier) return earlier;
        var partition = TableKeys.Escape(read.RegistrationId);
        try
        {
            await AddWithTallyAsync(read, DocumentTable.Entity(partition, HeldRow(read.RegistrationId), held, null), read.Decided.Decisions.Count, ct);
            return held;
        }
        catch (DocumentAlreadyExistsException e)
        {
            // A concurrent delivery of the same command held first, and its amount stands; a first refund decision is not that.
            return (await ReadAsync(read.RegistrationId, ct)).Held
                ?? throw new ConcurrencyConflictException(_table.Name, partition, TallyRow(read.RegistrationId), e);
        }
    }

    /// <summary>Adds <paramref name="row"/> in one transaction with the tally rewritten on the ETag <paramref name="read"/> found.</summary>
    private Task AddWithTallyAsync(RefundLedgerRead read, TableEntity row, int decisions, CancellationToken ct)
    {
        var tally = DocumentTable.Entity(row.PartitionKey, TallyRow(read.RegistrationId), new Tally(decisions), null);
        return _table.SubmitAsync(
        [
            new(TableTransactionActionType.Add, row),
            read.Tally is { } etag ? new(TableTransactionActionType.UpdateReplace, tally, etag) : new(TableTransactionActionType.Add, tally),
        ], ct);
    }

    /// <summary>Row keys hold the registration id: Azurite looks rows up by row key first (StorageDesign.md).</summary>
    private static string TallyRow(string registrationId) => $"tally|{TableKeys.Escape(registrationId)}";

    private static string HeldRow(string registrationId) => $"held|{TableKeys.Escape(registrationId)}";
}
