using Azure;
using Azure.Data.Tables;
using Registrar.Core.Contracts;
using Registrar.Storage.Configuration;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Stores;

/// <summary>The refunds decided for one registration as read, with the version a new decision is written against.</summary>
public sealed record RefundLedgerRead(string RegistrationId, RefundsDecided Decided, ETag? Tally);

/// <summary>UA-1.5.5, UA-6.3, KZ-2.1: the refunds operations decided, per registration, so that each cap holds for all of
/// them together.</summary>
public interface IRefundLedger
{
    Task<RefundLedgerRead> ReadAsync(string registrationId, CancellationToken ct);

    /// <summary>Records <paramref name="decision"/> unless <paramref name="read"/> holds it already (a retry).</summary>
    /// <returns>The decision as stored: a retry gets its first attempt's.</returns>
    /// <exception cref="ConcurrencyConflictException">Another decision was recorded since <paramref name="read"/>: judge again.</exception>
    Task<RefundDecided> RecordAsync(RefundLedgerRead read, RefundDecided decision, CancellationToken ct);
}

/// <summary>One partition per registration: a row per decision and a tally row every decision rewrites on the ETag it was
/// judged against, in the decision's transaction, so two decisions judged side by side cannot both pass one cap.</summary>
public sealed class RefundLedgerStore(StorageClients clients) : IRefundLedger
{
    private sealed record Tally(int Decisions);

    private readonly DocumentTable _table = new(clients.Table("refunds"));

    public async Task<RefundLedgerRead> ReadAsync(string registrationId, CancellationToken ct)
    {
        var decisions = new List<RefundDecided>();
        ETag? tally = null;
        await _table.EnsureCreatedAsync(ct);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(registrationId)}");
        await foreach (var row in _table.Client.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            if (row.RowKey == TallyRow(registrationId)) tally = row.ETag;
            else decisions.Add(DocumentTable.Read<RefundDecided>(row).Document);
        }
        return new(registrationId, new(decisions.OrderBy(d => d.RecordedAt).ToList()), tally);
    }

    public async Task<RefundDecided> RecordAsync(RefundLedgerRead read, RefundDecided decision, CancellationToken ct)
    {
        if (read.Decided.Find(decision.DecisionId) is { } recorded) return recorded;
        var partition = TableKeys.Escape(read.RegistrationId);
        var tally = DocumentTable.Entity(partition, TallyRow(read.RegistrationId), new Tally(read.Decided.Decisions.Count + 1), null);
        try
        {
            await _table.SubmitAsync(
            [
                new(TableTransactionActionType.Add, DocumentTable.Entity(partition, $"decision|{partition}|{decision.DecisionId}", decision, null)),
                read.Tally is { } etag ? new(TableTransactionActionType.UpdateReplace, tally, etag) : new(TableTransactionActionType.Add, tally),
            ], ct);
            return decision;
        }
        catch (DocumentAlreadyExistsException e)
        {
            // The same decision recorded by a concurrent attempt of its request is done; a first decision of another is not.
            return (await ReadAsync(read.RegistrationId, ct)).Decided.Find(decision.DecisionId)
                ?? throw new ConcurrencyConflictException(_table.Name, partition, tally.RowKey, e);
        }
    }

    /// <summary>Row keys hold the registration id: Azurite looks rows up by row key first (StorageDesign.md).</summary>
    private static string TallyRow(string registrationId) => $"tally|{TableKeys.Escape(registrationId)}";
}
