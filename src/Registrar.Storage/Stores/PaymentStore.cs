using System.Globalization;
using System.Text.Json;
using Registrar.Storage.Configuration;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Stores;

/// <summary>One credit a bank reported, then what processing made of it.</summary>
/// <param name="BankReference">The key it is kept under: the bank's reference, or that and its money when the reference came
/// first with other money (<see cref="IPaymentStore.RecordAsync"/>).</param>
/// <param name="MessageId">The recorded bank message that first carried it (<see cref="IBankMessageStore"/>).</param>
/// <param name="Money">The amount and currency the bank reported; none on rows of earlier versions.</param>
public sealed record PaymentNotification(
    string BankReference,
    string MessageId,
    string ContentType,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? ProcessedAt,
    JsonElement? Outcome,
    ReportedMoney? Money = null)
{
    public bool IsProcessed => ProcessedAt is not null;
}

/// <param name="Currency">As the bank wrote it (ISO 4217), including currencies no tariff is priced in.</param>
public sealed record ReportedMoney(decimal Amount, string Currency)
{
    /// <summary>"6000KZT": trailing zeros dropped, so 6000 and 6000.00 name the same money.</summary>
    public string Key => Amount.ToString("0.############################", CultureInfo.InvariantCulture) + Currency.ToUpperInvariant();
}

/// <param name="IsFirst">False when the bank repeated a notification already recorded.</param>
public sealed record RecordedNotification(Stored<PaymentNotification> Notification, bool IsFirst);

/// <summary>Payment notifications keyed by the bank transaction reference: the bank repeats its webhooks, and the reference
/// is the natural key that makes recording them idempotent.</summary>
public interface IPaymentStore
{
    /// <summary>Keeps the credit, naming the message that carried it, unless one with this bank reference and money exists
    /// already. A reference kept with other money names another credit (a bank reusing its references, or an EndToEndId two
    /// payers chose alike): this one is kept under the reference and its money, so it is neither taken for a repeat and lost
    /// nor applied twice when it comes again.</summary>
    Task<RecordedNotification> RecordAsync(string bankReference, ReportedMoney money, string messageId, string contentType,
        DateTimeOffset receivedAt, CancellationToken ct);

    Task<Stored<PaymentNotification>?> GetAsync(string bankReference, CancellationToken ct);

    /// <summary>The credit <see cref="RecordAsync"/> kept for this reference and money: the one recorded apart when the
    /// reference came first with other money, else the one under the reference.</summary>
    Task<Stored<PaymentNotification>?> FindAsync(string bankReference, ReportedMoney money, CancellationToken ct);

    Task<Stored<PaymentNotification>> MarkProcessedAsync<TOutcome>(Stored<PaymentNotification> current, TOutcome outcome,
        DateTimeOffset processedAt, CancellationToken ct);
}

/// <remarks>References hash to <see cref="Groups"/> partitions (<see cref="KeyGroups"/>), so the credits of one bank file,
/// recorded and marked side by side, share transactions; tables of earlier versions keep a partition per reference. The row
/// key is the reference: Azurite finds rows by row key first, so one key shared by every row would make each point read
/// scan the whole table on the local host.</remarks>
public sealed class PaymentStore : IPaymentStore
{
    // One transaction in flight per partition: 4 made a 5,000-credit file 0.57 transactions per credit, 8 made it 1.00 (issue 16).
    private const int Groups = 4;

    private readonly DocumentTable _table;
    private readonly PartitionGroupCommit _writes;
    private readonly EnsureOnce _layout;
    private KeyGroups? _keys;

    public PaymentStore(StorageClients clients)
    {
        _table = new(clients.Table("payments"));
        _writes = new(_table);
        _layout = new(async ct =>
        {
            await _table.EnsureCreatedAsync(ct);
            _keys = await KeyGroups.LoadAsync(_table, "layout|payments", Groups, tablePerGroup: false, ct);
        });
    }

    public async Task<RecordedNotification> RecordAsync(string bankReference, ReportedMoney money, string messageId, string contentType,
        DateTimeOffset receivedAt, CancellationToken ct)
    {
        var recorded = await RecordUnderAsync(bankReference, money, messageId, contentType, receivedAt, ct);
        return KeptWithOtherMoney(recorded.Notification, money)
            ? await RecordUnderAsync(KeptApart(bankReference, money), money, messageId, contentType, receivedAt, ct)
            : recorded;
    }

    public async Task<Stored<PaymentNotification>?> FindAsync(string bankReference, ReportedMoney money, CancellationToken ct)
    {
        var kept = await GetAsync(bankReference, ct);
        return kept is not null && KeptWithOtherMoney(kept, money) ? await GetAsync(KeptApart(bankReference, money), ct) ?? kept : kept;
    }

    // Rows of earlier versions carry no money: whatever comes under their reference is the credit they kept.
    private static bool KeptWithOtherMoney(Stored<PaymentNotification> kept, ReportedMoney money) =>
        kept.Document.Money is { } keptMoney && keptMoney.Key != money.Key;

    private static string KeptApart(string bankReference, ReportedMoney money) => $"{bankReference}~{money.Key}";

    private async Task<RecordedNotification> RecordUnderAsync(string bankReference, ReportedMoney money, string messageId, string contentType,
        DateTimeOffset receivedAt, CancellationToken ct)
    {
        var notification = new PaymentNotification(bankReference, messageId, contentType, receivedAt, null, null, money);
        try
        {
            var stored = await _writes.InsertAsync((await KeysAsync(ct)).Partition(bankReference), TableKeys.Escape(bankReference), notification,
                Columns(false), ct);
            return new RecordedNotification(stored, IsFirst: true);
        }
        catch (DocumentAlreadyExistsException)
        {
            var existing = await GetAsync(bankReference, ct)
                ?? throw new InvalidOperationException($"Payment notification {bankReference} vanished while being recorded.");
            return new RecordedNotification(existing, IsFirst: false);
        }
    }

    public async Task<Stored<PaymentNotification>?> GetAsync(string bankReference, CancellationToken ct) =>
        await _table.GetAsync<PaymentNotification>((await KeysAsync(ct)).Partition(bankReference), TableKeys.Escape(bankReference), ct);

    public Task<Stored<PaymentNotification>> MarkProcessedAsync<TOutcome>(Stored<PaymentNotification> current, TOutcome outcome,
        DateTimeOffset processedAt, CancellationToken ct)
    {
        var processed = current.Document with
        {
            ProcessedAt = processedAt,
            Outcome = JsonSerializer.SerializeToElement(outcome, DocumentTable.Json),
        };
        return _writes.UpdateAsync(current, processed, Columns(true), ct);
    }

    private async Task<KeyGroups> KeysAsync(CancellationToken ct)
    {
        await _layout.RunAsync(ct);
        return _keys!;
    }

    private static Dictionary<string, object?> Columns(bool processed) => new() { ["Processed"] = processed };
}
