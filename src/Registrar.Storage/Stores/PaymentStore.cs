using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Registrar.Storage.Configuration;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Stores;

/// <summary>One credit a bank reported, then what processing made of it.</summary>
/// <param name="BankReference">The key it is kept under: the bank's reference, or that and its money when the reference came
/// first with other money, and its booking when it came with the same money on another day or for another purpose
/// (<see cref="IPaymentStore.RecordAsync"/>).</param>
/// <param name="MessageId">The recorded bank message that first carried it (<see cref="IBankMessageStore"/>).</param>
/// <param name="Money">The amount and currency the bank reported; none on rows of earlier versions.</param>
/// <param name="Entered">What operations entered, for a credit they read from a message that could not be read.</param>
/// <param name="Booking">The day the bank booked it and what its purpose said; none on rows of earlier versions.</param>
public sealed record PaymentNotification(
    string BankReference,
    string MessageId,
    string ContentType,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? ProcessedAt,
    JsonElement? Outcome,
    ReportedMoney? Money = null,
    EnteredCredit? Entered = null,
    CreditBooking? Booking = null)
{
    public bool IsProcessed => ProcessedAt is not null;

    /// <summary>Entered by operations and not yet audited: a host stopped before the end of their request.</summary>
    public bool IsEnteredUnfinished => Entered is { AuditedAt: null };
}

/// <summary>A credit operations read from a bank message the reader could not read (UA-3.2), kept with the credit before it is
/// applied, so that the recovery pass finishes one a host stopped in: its message is processed, so nothing else would.</summary>
/// <param name="PaymentPurpose">As entered (at most 500 characters); emptied once the credit is audited, as nothing needs it then.</param>
/// <param name="BankReference">The bank's own reference, as entered.</param>
public sealed record EnteredCredit(string ReviewItem, string BankId, string BankReference, string PaymentPurpose, DateTimeOffset BookedAt,
    string EnteredBy, string Reason, DateTimeOffset? AuditedAt = null);

/// <param name="Currency">As the bank wrote it (ISO 4217), including currencies no tariff is priced in.</param>
public sealed record ReportedMoney(decimal Amount, string Currency)
{
    /// <summary>"6000KZT": trailing zeros dropped, so 6000 and 6000.00 name the same money.</summary>
    public string Key => Amount.ToString("0.############################", CultureInfo.InvariantCulture) + Currency.ToUpperInvariant();
}

/// <summary>What tells a credit from another the bank gave the same reference and money (UA-3.2: money is never lost as a
/// repeat): the day it was booked, in the bank's own offset, and a digest of its purpose, blanks collapsed. A bank repeating a
/// credit repeats both; a payer's purpose is not kept for it, only its digest.</summary>
/// <param name="PurposeDigest">The first 16 hexadecimal digits of the purpose's SHA-256.</param>
public sealed record CreditBooking(DateOnly BookedOn, string PurposeDigest)
{
    public static CreditBooking Of(DateTimeOffset bookedAt, string purpose)
    {
        var collapsed = string.Join(' ', purpose.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(collapsed)))[..16];
        return new CreditBooking(DateOnly.FromDateTime(bookedAt.DateTime), digest);
    }

    public string Key => $"{BookedOn:yyyyMMdd}-{PurposeDigest}";
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
    /// nor applied twice when it comes again. So is one kept with the same money and another <paramref name="booking"/> (another
    /// day or purpose), under the reference, its money and its booking.</summary>
    Task<RecordedNotification> RecordAsync(string bankReference, ReportedMoney money, string messageId, string contentType,
        DateTimeOffset receivedAt, CancellationToken ct, EnteredCredit? entered = null, CreditBooking? booking = null);

    /// <summary>The credits operations entered whose audit entry is not known to be written.</summary>
    IAsyncEnumerable<Stored<PaymentNotification>> ListEnteredUnfinishedAsync(CancellationToken ct);

    /// <summary>The entered credit's audit entry is written: it leaves <see cref="ListEnteredUnfinishedAsync"/>, and its purpose is dropped.</summary>
    Task MarkEnteredAuditedAsync(Stored<PaymentNotification> current, DateTimeOffset auditedAt, CancellationToken ct);

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
        DateTimeOffset receivedAt, CancellationToken ct, EnteredCredit? entered = null, CreditBooking? booking = null)
    {
        var notification = new PaymentNotification(bankReference, messageId, contentType, receivedAt, null, null, money, entered, booking);
        var recorded = await RecordUnderAsync(bankReference, notification, ct);
        if (KeptWithOtherMoney(recorded.Notification, money))
            recorded = await RecordUnderAsync(KeptApart(bankReference, money), notification, ct);
        return booking is not null && recorded.Notification.Document.Booking is { } kept && kept != booking
            ? await RecordUnderAsync($"{KeptApart(bankReference, money)}~{booking.Key}", notification, ct)
            : recorded;
    }

    public async IAsyncEnumerable<Stored<PaymentNotification>> ListEnteredUnfinishedAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await _layout.RunAsync(ct);
        await foreach (var stored in _table.QueryAsync<PaymentNotification>("EnteredUnfinished eq true", null, ct)) yield return stored;
    }

    public Task MarkEnteredAuditedAsync(Stored<PaymentNotification> current, DateTimeOffset auditedAt, CancellationToken ct)
    {
        var audited = current.Document with { Entered = current.Document.Entered! with { PaymentPurpose = "", AuditedAt = auditedAt } };
        return _writes.UpdateAsync(current, audited, Columns(audited), ct);
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

    private async Task<RecordedNotification> RecordUnderAsync(string bankReference, PaymentNotification notification, CancellationToken ct)
    {
        notification = notification with { BankReference = bankReference };
        try
        {
            var stored = await _writes.InsertAsync((await KeysAsync(ct)).Partition(bankReference), TableKeys.Escape(bankReference), notification,
                Columns(notification), ct);
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
        return _writes.UpdateAsync(current, processed, Columns(processed), ct);
    }

    private async Task<KeyGroups> KeysAsync(CancellationToken ct)
    {
        await _layout.RunAsync(ct);
        return _keys!;
    }

    private static Dictionary<string, object?> Columns(PaymentNotification notification) => new()
    {
        ["Processed"] = notification.IsProcessed,
        ["EnteredUnfinished"] = notification.IsEnteredUnfinished,
    };
}
