using System.Text.Json;
using Registrar.Storage.Configuration;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Stores;

/// <summary>One credit a bank reported, then what processing made of it.</summary>
/// <param name="MessageId">The recorded bank message that first carried it (<see cref="IBankMessageStore"/>).</param>
public sealed record PaymentNotification(
    string BankReference,
    string MessageId,
    string ContentType,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? ProcessedAt,
    JsonElement? Outcome)
{
    public bool IsProcessed => ProcessedAt is not null;
}

/// <param name="IsFirst">False when the bank repeated a notification already recorded.</param>
public sealed record RecordedNotification(Stored<PaymentNotification> Notification, bool IsFirst);

/// <summary>Payment notifications, one partition per bank transaction reference: the bank repeats its
/// webhooks, and the reference is the natural key that makes recording them idempotent.</summary>
public interface IPaymentStore
{
    /// <summary>Keeps the credit, naming the message that carried it, unless one with this bank reference exists already.</summary>
    Task<RecordedNotification> RecordAsync(string bankReference, string messageId, string contentType,
        DateTimeOffset receivedAt, CancellationToken ct);

    Task<Stored<PaymentNotification>?> GetAsync(string bankReference, CancellationToken ct);

    Task<Stored<PaymentNotification>> MarkProcessedAsync<TOutcome>(Stored<PaymentNotification> current, TOutcome outcome,
        DateTimeOffset processedAt, CancellationToken ct);
}

public sealed class PaymentStore(StorageClients clients) : IPaymentStore
{
    // The row key repeats the partition key: Azurite finds rows by row key first, so one key shared by
    // every partition would make each point read scan the whole table on the local host.

    private readonly DocumentTable _table = new(clients.Table("payments"));

    public async Task<RecordedNotification> RecordAsync(string bankReference, string messageId, string contentType,
        DateTimeOffset receivedAt, CancellationToken ct)
    {
        var notification = new PaymentNotification(bankReference, messageId, contentType, receivedAt, null, null);
        try
        {
            var stored = await _table.InsertAsync(TableKeys.Escape(bankReference), TableKeys.Escape(bankReference), notification, Columns(false), ct);
            return new RecordedNotification(stored, IsFirst: true);
        }
        catch (DocumentAlreadyExistsException)
        {
            var existing = await GetAsync(bankReference, ct)
                ?? throw new InvalidOperationException($"Payment notification {bankReference} vanished while being recorded.");
            return new RecordedNotification(existing, IsFirst: false);
        }
    }

    public Task<Stored<PaymentNotification>?> GetAsync(string bankReference, CancellationToken ct) =>
        _table.GetAsync<PaymentNotification>(TableKeys.Escape(bankReference), TableKeys.Escape(bankReference), ct);

    public Task<Stored<PaymentNotification>> MarkProcessedAsync<TOutcome>(Stored<PaymentNotification> current, TOutcome outcome,
        DateTimeOffset processedAt, CancellationToken ct)
    {
        var processed = current.Document with
        {
            ProcessedAt = processedAt,
            Outcome = JsonSerializer.SerializeToElement(outcome, DocumentTable.Json),
        };
        return _table.ReplaceAsync(current, processed, Columns(true), ct);
    }

    private static Dictionary<string, object?> Columns(bool processed) => new() { ["Processed"] = processed };
}
