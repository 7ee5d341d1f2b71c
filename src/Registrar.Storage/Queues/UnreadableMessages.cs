using System.Security.Cryptography;
using System.Text;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using Registrar.Core.Operations;
using Registrar.Storage.Configuration;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Queues;

/// <summary>
/// Nothing is lost: a message on a poison queue that no reader here can read (a contract version this code does not know,
/// sent during a deploy's overlap, say) is kept byte for byte in a blob and put before operations, instead of being moved to
/// a poison queue of the poison queue, which nothing reads and which tells nobody. The review item names the queue and the
/// blob, never the text, which may carry personal data.
/// </summary>
public sealed class UnreadableMessages
{
    private readonly BlobContainerClient _kept;
    private readonly EnsureOnce _containerCreated;
    private readonly IReviewList _review;
    private readonly TimeProvider _clock;
    private readonly ILogger<UnreadableMessages> _logger;

    public UnreadableMessages(StorageClients clients, IReviewList review, TimeProvider clock, ILogger<UnreadableMessages> logger)
    {
        _kept = clients.Container("unreadablemessages");
        _containerCreated = new EnsureOnce(ct => _kept.CreateIfNotExistsAsync(cancellationToken: ct));
        (_review, _clock, _logger) = (review, clock, logger);
    }

    /// <summary>The message <paramref name="text"/> holds, or null when it cannot be read, in which case it is kept.</summary>
    public async Task<TMessage?> ReadOrKeepAsync<TMessage>(MessageContract<TMessage> contract, string queue, string text, CancellationToken ct)
        where TMessage : class
    {
        try
        {
            return contract.Deserialize(text);
        }
        catch (UnreadableMessageException e)
        {
            await KeepAsync(queue, text, e.Message, ct);
            return null;
        }
    }

    /// <summary>Keeps <paramref name="text"/> under its SHA-256, so a redelivery of it writes the same blob and the same item.</summary>
    /// <param name="reason">Why it could not be read: the type and version it claims, never its content.</param>
    public async Task KeepAsync(string queue, string text, string reason, CancellationToken ct)
    {
        var blob = $"{queue}/{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))}.json";
        await _containerCreated.RunAsync(ct);
        await _kept.GetBlobClient(blob).UploadAsync(BinaryData.FromString(text), overwrite: true, ct);
        await _review.AddAsync(new ReviewItem($"unreadable-message:{blob}", "queue", queue, "UnreadableQueueMessage",
            $"A message on {queue} could not be read ({reason}) and was taken off the queue. It is kept, unread, in the blob "
            + $"{_kept.Name}/{blob}: a newer release may read it; until then, what it was to do has not been done.", _clock.GetUtcNow()), ct);
        _logger.LogError("A message on {Queue} could not be read and is kept in blob {Blob}: {Reason}", queue, blob, reason);
    }
}
