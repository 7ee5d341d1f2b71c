using System.Security.Cryptography;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Registrar.Storage.Configuration;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Stores;

/// <summary>A bank message as it arrived, never decoded: a small one's bytes in <see cref="Body"/>, a larger one's in the
/// blob named <see cref="BodyBlob"/>. The row says whether its entries were applied, and <see cref="Outcome"/> what became
/// of them, or <see cref="OutcomeBlob"/> when that is above what the row holds (a file of thousands of credits).</summary>
/// <param name="MessageId">The bank and the SHA-256 of the bytes: the same file sent again is the same message.</param>
/// <param name="Format">How the bytes are to be read (camt.054, a JSON format).</param>
/// <param name="PayerDataErasedAt">UA-Pre-6: when payers' names and accounts in the body were replaced; the body is no
/// longer the bank's bytes then, while the id still recognises the bank sending those bytes again.</param>
/// <param name="BodyBlob">Null when the bytes are in <see cref="Body"/>; earlier versions kept every body in a blob.</param>
/// <param name="Charset">The charset the bank's media type named for the bytes (RFC 7303 section 3.2), null when it named none.</param>
public sealed record BankMessage(
    string MessageId,
    string BankId,
    string Format,
    string? BodyBlob,
    long Length,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? ProcessedAt,
    string? OutcomeBlob,
    DateTimeOffset? PayerDataErasedAt = null,
    byte[]? Body = null,
    JsonElement? Outcome = null,
    string? Charset = null)
{
    public bool IsProcessed => ProcessedAt is not null;
}

/// <summary>Where a bank message came from and how its bytes are read.</summary>
/// <param name="Format">camt.054 or a JSON format.</param>
/// <param name="Charset">The charset its media type named, if any: the bytes are read in it ever after.</param>
public sealed record BankMessageOrigin(string BankId, string Format, string? Charset = null);

/// <param name="IsFirst">False when these exact bytes had been recorded already.</param>
/// <param name="Replayed">The signature to spend with the message had been spent already: a captured request posted again.</param>
public sealed record RecordedBankMessage(Stored<BankMessage> Message, bool IsFirst, bool Replayed = false);

/// <summary>An authentic signature over a message's bytes, spent once when the message is recorded.</summary>
/// <param name="ExpiresAt">After this instant the signature's timestamp alone refuses it.</param>
public sealed record SignatureToSpend(string Id, DateTimeOffset ExpiresAt);

/// <summary>Bank messages kept byte for byte before anything may refuse the bank's retry of them.</summary>
public interface IBankMessageStore
{
    /// <summary>Keeps the bytes and the message's row, unless these bytes from this bank were recorded already, and spends
    /// <paramref name="signature"/> over them.</summary>
    Task<RecordedBankMessage> RecordAsync(BankMessageOrigin origin, ReadOnlyMemory<byte> body, DateTimeOffset receivedAt,
        SignatureToSpend? signature, CancellationToken ct);

    Task<Stored<BankMessage>?> GetAsync(string messageId, CancellationToken ct);

    /// <summary>The bytes exactly as the bank sent them.</summary>
    Task<byte[]> ReadBodyAsync(BankMessage message, CancellationToken ct);

    Task<Stored<BankMessage>> MarkProcessedAsync<TOutcome>(Stored<BankMessage> current, TOutcome outcome, DateTimeOffset processedAt, CancellationToken ct);

    /// <summary>What became of a processed message's entries, as <see cref="MarkProcessedAsync"/> kept it.</summary>
    Task<TOutcome> ReadOutcomeAsync<TOutcome>(BankMessage message, CancellationToken ct);

    /// <summary>Messages recorded but not yet applied in full: a crash, or a file still being applied.</summary>
    IAsyncEnumerable<Stored<BankMessage>> ListUnprocessedAsync(CancellationToken ct);

    /// <summary>UA-Pre-6: replaces the body with <paramref name="body"/> (the same entries, with payers' data replaced) and
    /// notes when on the row.</summary>
    /// <exception cref="ConcurrencyConflictException">The row changed since it was read.</exception>
    Task<Stored<BankMessage>> ReplacePayerDataAsync(Stored<BankMessage> current, ReadOnlyMemory<byte> body, DateTimeOffset erasedAt, CancellationToken ct);
}

/// <summary>
/// A message of one credit (a bank's webhook) is kept in its row, and its outcome with it: recording and applying it
/// then write the row twice and no blob (issue 16). A file too large for the row keeps its bytes, and an outcome too
/// large, in blobs.
/// </summary>
/// <remarks>A spent signature is a row of its message's partition: a timestamped HMAC over the bytes names those bytes, so
/// a signature can only ever be spent in one partition, and the first recording spends it in the message's own
/// transaction (issue 16). Earlier versions kept spent signatures in the <c>seensignatures</c> table; those expire within
/// the signatures' tolerance window, and a replay of one is answered as the duplicate it is.</remarks>
public sealed class BankMessageStore : IBankMessageStore
{
    // Base64 makes 4 characters of every 3 bytes: 16 KiB of body is under 22 K of the row's 32 K characters, which
    // leaves room for the rest of the row and, mostly, the outcome.
    public const int MaxBytesInRow = 16 * 1024;

    private readonly DocumentTable _table;
    private readonly BlobContainerClient _bodies;
    private readonly EnsureOnce _containerCreated;

    public BankMessageStore(StorageClients clients)
    {
        _table = new DocumentTable(clients.Table("bankmessages"));
        _bodies = clients.Container("bankmessages");
        _containerCreated = new EnsureOnce(ct => _bodies.CreateIfNotExistsAsync(cancellationToken: ct));
    }

    public async Task<RecordedBankMessage> RecordAsync(BankMessageOrigin origin, ReadOnlyMemory<byte> body, DateTimeOffset receivedAt,
        SignatureToSpend? signature, CancellationToken ct)
    {
        var (bankId, format, charset) = origin;
        var hash = Convert.ToHexStringLower(SHA256.HashData(body.Span));
        var messageId = $"{bankId}:{hash}";

        // A blob's bytes first: a row never points at a body that is not there. A crash after the upload leaves
        // an unreferenced blob, and the bank's retry (its signature not yet spent) records the row. A message
        // recorded before is found by the insert that fails, not by a read every message would pay.
        var inRow = body.Length <= MaxBytesInRow;
        var blobName = inRow ? null : BodyBlobName(bankId, hash);
        if (blobName is not null) await UploadOnceAsync(blobName, body, ct);
        var message = new BankMessage(messageId, bankId, format, blobName, body.Length, receivedAt, null, null, Body: inRow ? body.ToArray() : null,
            Charset: charset);
        var key = TableKeys.Escape(messageId);
        List<TableTransactionAction> actions = [new(TableTransactionActionType.Add, DocumentTable.Entity(key, key, message, Columns(false)))];
        if (signature is not null)
            actions.Add(new(TableTransactionActionType.Add, DocumentTable.Entity(key, SignatureRow(signature), new SpentSignature(signature.ExpiresAt), null)));
        try
        {
            var answers = await _table.SubmitAsync(actions, ct);
            return new RecordedBankMessage(new Stored<BankMessage>(key, key, message, answers[0].Headers.ETag ?? default), IsFirst: true);
        }
        catch (DocumentAlreadyExistsException)
        {
            var replayed = signature is not null && !await TrySpendAsync(key, signature, ct);
            var existing = await GetAsync(messageId, ct)
                ?? throw new InvalidOperationException($"Bank message {messageId} vanished while being recorded.");
            return new RecordedBankMessage(existing, IsFirst: false, replayed);
        }
    }

    private static string SignatureRow(SignatureToSpend signature) => "signature|" + TableKeys.Escape(signature.Id);

    /// <summary>Spends a signature over bytes recorded before.</summary>
    /// <returns>False when the signature had been spent.</returns>
    private async Task<bool> TrySpendAsync(string partition, SignatureToSpend signature, CancellationToken ct)
    {
        try
        {
            await _table.InsertAsync(partition, SignatureRow(signature), new SpentSignature(signature.ExpiresAt), null, ct);
            return true;
        }
        catch (DocumentAlreadyExistsException)
        {
            return false;
        }
    }

    public Task<Stored<BankMessage>?> GetAsync(string messageId, CancellationToken ct) =>
        _table.GetAsync<BankMessage>(TableKeys.Escape(messageId), TableKeys.Escape(messageId), ct);

    public async Task<byte[]> ReadBodyAsync(BankMessage message, CancellationToken ct)
    {
        if (message.Body is { } inRow) return inRow;
        var content = await _bodies.GetBlobClient(message.BodyBlob).DownloadContentAsync(ct);
        return content.Value.Content.ToArray();
    }

    public async Task<Stored<BankMessage>> MarkProcessedAsync<TOutcome>(Stored<BankMessage> current, TOutcome outcome, DateTimeOffset processedAt, CancellationToken ct)
    {
        var processed = current.Document with { ProcessedAt = processedAt, Outcome = JsonSerializer.SerializeToElement(outcome, DocumentTable.Json) };
        if (!DocumentLimits.Fits(processed))
        {
            // The outcome first, so a processed row always points at it; a concurrent or repeated application
            // writes the same outcome again, which is why it may overwrite.
            var outcomeBlob = BlobNameOf(current.Document) + ".outcome.json";
            await _containerCreated.RunAsync(ct);
            await _bodies.GetBlobClient(outcomeBlob).UploadAsync(BinaryData.FromObjectAsJson(outcome, DocumentTable.Json), overwrite: true, ct);
            processed = processed with { Outcome = null, OutcomeBlob = outcomeBlob };
        }
        return await _table.UpdateAsync(current, processed, Columns(true), ct);
    }

    public async Task<TOutcome> ReadOutcomeAsync<TOutcome>(BankMessage message, CancellationToken ct)
    {
        var outcome = message switch
        {
            { Outcome: { } inRow } => inRow.Deserialize<TOutcome>(DocumentTable.Json),
            { OutcomeBlob: { } blob } => (await _bodies.GetBlobClient(blob).DownloadContentAsync(ct)).Value.Content.ToObjectFromJson<TOutcome>(DocumentTable.Json),
            _ => throw new InvalidOperationException($"Bank message {message.MessageId} has not been processed."),
        };
        return outcome ?? throw new InvalidOperationException($"The outcome of bank message {message.MessageId} is empty.");
    }

    public IAsyncEnumerable<Stored<BankMessage>> ListUnprocessedAsync(CancellationToken ct) =>
        _table.QueryAsync<BankMessage>(TableClient.CreateQueryFilter($"Processed eq {false}"), null, ct);

    public async Task<Stored<BankMessage>> ReplacePayerDataAsync(Stored<BankMessage> current, ReadOnlyMemory<byte> body, DateTimeOffset erasedAt, CancellationToken ct)
    {
        var erased = current.Document with { PayerDataErasedAt = erasedAt, Length = body.Length };
        if (current.Document.BodyBlob is null)
        {
            var inRow = erased with { Body = body.ToArray() };
            if (DocumentLimits.Fits(inRow)) return await _table.UpdateAsync(current, inRow, null, ct);
        }
        // The body first: a crash before the row is noted leaves a body already replaced, which erasing again finds so.
        var blobName = BlobNameOf(current.Document);
        await _containerCreated.RunAsync(ct);
        await _bodies.GetBlobClient(blobName).UploadAsync(BinaryData.FromBytes(body), overwrite: true, ct);
        return await _table.UpdateAsync(current, erased with { BodyBlob = blobName, Body = null }, null, ct);
    }

    private async Task UploadOnceAsync(string blobName, ReadOnlyMemory<byte> body, CancellationToken ct)
    {
        await _containerCreated.RunAsync(ct);
        try
        {
            // Named by its hash: an existing blob holds these same bytes, so it is never overwritten.
            await _bodies.GetBlobClient(blobName).UploadAsync(BinaryData.FromBytes(body),
                new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, ct);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // Already there: an earlier attempt, or a concurrent delivery of the same bytes.
        }
    }

    private static string BodyBlobName(string bankId, string hash) => $"{Uri.EscapeDataString(bankId)}/{hash}";

    /// <summary>The body's blob, or the name it would have: the hash is what follows the message id's last colon.</summary>
    private static string BlobNameOf(BankMessage message) =>
        message.BodyBlob ?? BodyBlobName(message.BankId, message.MessageId[(message.MessageId.LastIndexOf(':') + 1)..]);

    private sealed record SpentSignature(DateTimeOffset ExpiresAt);

    private static Dictionary<string, object?> Columns(bool processed) => new() { ["Processed"] = processed };
}
