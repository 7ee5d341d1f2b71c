using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Registrar.Api.Http;
using Registrar.Api.Security;
using Registrar.Payments.Camt054;
using Registrar.Payments.Notifications;
using Registrar.Payments.Signatures;
using Registrar.Storage.Stores;
using Registrar.Storage.Tables;

namespace Registrar.Api.Banks;

/// <summary>
/// The bank notification endpoints, one per format. Each checks authenticity and reads the message without
/// changing anything (a message not authentic changes nothing), records the bytes verbatim, and only then spends
/// the signature: a crash before the record leaves the bank's identical retry acceptable, a crash after it
/// leaves a recorded message the recovery pass applies. Entries are applied in the background; the bank is
/// answered with every outcome when they are done within <see cref="BankOptions.AnswerWithin"/> of the post's arrival, else 202.
/// </summary>
public sealed class BankNotificationHandlers(
    HmacSignatureVerifier hmac,
    HmacJsonNotificationReader hmacJson,
    EcdsaJsonNotificationReader ecdsaJson,
    Camt054Reader camt054,
    IOptions<BankOptions> banks,
    IBankMessageStore messages,
    BankMessageApplier applier,
    TimeProvider clock,
    ILogger<BankNotificationHandlers> logger)
{
    public const string HmacSignatureHeader = "X-Signature";
    public const string EcdsaSignatureHeader = "X-Sign";
    private const int MaxJsonBody = 1024 * 1024;

    /// <summary>ISO 20022 camt.054, signed like the JSON notifications (timestamped HMAC over the raw body).</summary>
    public async Task<IResult> Camt054Async(HttpRequest request, string bankId, CancellationToken ct)
    {
        var arrived = Stopwatch.GetTimestamp();
        var (body, problem) = await ReadBodyAsync(request, camt054.MaxBytes, ct, "application/xml", "text/xml");
        if (problem is not null) return problem;
        var charset = XmlCharset.Of(request.ContentType!);
        if (charset is not null && !XmlCharset.IsReadable(charset))
            return Problems.UnsupportedMediaType($"application/xml in a charset this system reads (UTF-8, UTF-16, windows-1251, ISO-8859-1); '{XmlCharset.Shown(charset)}' is not one");
        var verification = hmac.Verify(bankId, request.Headers[HmacSignatureHeader], body);
        if (verification.Rejection is { } rejected) return Rejected(rejected, Challenges.BankHmac);
        if (!banks.Value.TryTimeZone(bankId, out var timeZone))
            return Rejected(new(NotificationRejectionReason.UnknownBank, $"Bank '{bankId}' is not configured."), Challenges.BankHmac);

        var read = camt054.Read(bankId, body, timeZone, charset);
        return await RecordAndApplyAsync(new(bankId, BankNotificationFormats.Camt054, charset), body, new SignedRead(read, verification.Signature, Authentic: true), Challenges.BankHmac, arrived, ct);
    }

    public async Task<IResult> HmacJsonAsync(HttpRequest request, string bankId, CancellationToken ct)
    {
        var arrived = Stopwatch.GetTimestamp();
        var (body, problem) = await ReadBodyAsync(request, MaxJsonBody, ct, "application/json");
        if (problem is not null) return problem;
        var read = hmacJson.Read(bankId, request.Headers[HmacSignatureHeader], body);
        return await RecordAndApplyAsync(new(bankId, BankNotificationFormats.HmacJson), body, read, Challenges.BankHmac, arrived, ct);
    }

    public async Task<IResult> EcdsaJsonAsync(HttpRequest request, string bankId, CancellationToken ct)
    {
        var arrived = Stopwatch.GetTimestamp();
        var (body, problem) = await ReadBodyAsync(request, MaxJsonBody, ct, "application/json");
        if (problem is not null) return problem;
        var read = ecdsaJson.Read(bankId, request.Headers[EcdsaSignatureHeader], body);
        return await RecordAndApplyAsync(new(bankId, BankNotificationFormats.EcdsaJson), body, read, Challenges.BankEcdsa, arrived, ct);
    }

    /// <param name="challenge">How this endpoint authenticates the bank, sent with a 401.</param>
    private async Task<IResult> RecordAndApplyAsync(BankMessageOrigin origin, byte[] body, SignedRead read, string challenge, long arrived, CancellationToken ct)
    {
        if (read.Result.Rejection is { } rejection)
        {
            if (read.Authentic)
                await KeepUnreadableAsync(origin, body, read.Result, ct);
            return Rejected(rejection, challenge);
        }

        // Only an authentic signature is spent, so forgeries cannot fill storage with spent signatures.
        var spend = read.Signature is { } signature ? new SignatureToSpend(signature.Id, signature.ExpiresAt) : null;
        var recorded = await messages.RecordAsync(origin, body, clock.GetUtcNow(), spend, ct);
        if (recorded.Replayed) return Rejected(HmacSignatureVerifier.Replayed, challenge);

        // A message recorded before may have had its payers' data erased since (UA-Pre-6): only a first recording's bytes are the stored ones, so only
        // their read stands for the stored message.
        var applying = ApplyInBackground(recorded.Message, recorded.IsFirst ? read.Result : null);
        // The bank waits from its post: reading, checking and recording a large file already took part of the window.
        var wait = banks.Value.AnswerWithin - Stopwatch.GetElapsedTime(arrived);
        if (wait > TimeSpan.Zero) await Task.WhenAny(applying, Task.Delay(wait, CancellationToken.None));
        if (applying.IsCompleted && applying.Result is { Status: not BankNotificationReceipt.ApplyingStatus } receipt) return TypedResults.Ok(receipt);
        var entries = read.Result.Credits.Count + read.Result.Reversals.Count + read.Result.Refused.Count;
        return TypedResults.Accepted((string?)null, BankNotificationReceipt.Applying(recorded.Message.Document.MessageId, entries) with { Ignored = read.Result.Ignored });
    }

    /// <summary>
    /// Money is never lost (UA-3.2): an authentic file refused for what it holds (a version or kind not read yet, XML not
    /// well-formed, an encoding other than it declares, a DTD) may carry credits, so its bytes are recorded before it is refused
    /// and held for operations; they are kept, never parsed, so a DTD is still never processed. Its signature stays unspent, so the
    /// bank's retry is refused alike, never as a replay, and the same bytes are one record and one review item; left
    /// unprocessed, the recovery pass applies it once a reader can read it.
    /// </summary>
    private async Task KeepUnreadableAsync(BankMessageOrigin origin, byte[] body, NotificationReadResult read, CancellationToken ct)
    {
        var recorded = await messages.RecordAsync(origin, body, clock.GetUtcNow(), signature: null, ct);
        await applier.ApplyAsync(recorded.Message, recorded.IsFirst ? read : null, ct);
    }

    /// <summary>Not tied to the request: the bank may hang up once answered. A failure is left to the recovery pass.</summary>
    private Task<BankNotificationReceipt?> ApplyInBackground(Stored<BankMessage> message, NotificationReadResult? readFromRecordedBody) => Task.Run(async () =>
    {
        try
        {
            return await applier.ApplyAsync(message, readFromRecordedBody, CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Applying bank message {MessageId} failed; the recovery pass applies it", message.Document.MessageId);
            return null;
        }
    });

    /// <summary>Answered for a bank this endpoint has no key of, as for a signature that does not verify: the answer, given before
    /// anyone is authenticated, tells no one which banks are set up or how each signs (the log tells operations).</summary>
    private static readonly NotificationRejected NotAuthentic =
        new(NotificationRejectionReason.BadSignature, "No signature on this request verifies under a key this endpoint holds for the bank it names.");

    /// <summary>A message that is not the bank's own is a 401, and names the signature this endpoint checks (RFC 9110 section 11.6.1).</summary>
    private IResult Rejected(NotificationRejected rejection, string challenge)
    {
        if (rejection.Reason == NotificationRejectionReason.UnknownBank)
        {
            logger.LogWarning("A bank notification was refused: {Why}", rejection.Message);
            rejection = NotAuthentic;
        }
        var status = rejection.Reason switch
        {
            NotificationRejectionReason.BadSignature or NotificationRejectionReason.StaleTimestamp or NotificationRejectionReason.Replay
                or NotificationRejectionReason.UnknownBank => StatusCodes.Status401Unauthorized,
            NotificationRejectionReason.Oversize => StatusCodes.Status413PayloadTooLarge,
            _ => StatusCodes.Status400BadRequest,
        };
        var problem = Problems.NotificationRejected(rejection.Reason.ToString(), rejection.Message, status);
        return status == StatusCodes.Status401Unauthorized ? new ChallengeResult(problem, challenge) : problem;
    }

    /// <summary>The raw body (signatures are over these exact bytes), or the problem with its media type or size.</summary>
    private static async Task<(byte[] Body, IResult? Problem)> ReadBodyAsync(HttpRequest request, int maxBytes, CancellationToken ct, params string[] mediaTypes)
    {
        if (request.ContentType is not { } contentType || !mediaTypes.Any(t => contentType.StartsWith(t, StringComparison.OrdinalIgnoreCase)))
            return ([], Problems.UnsupportedMediaType(mediaTypes[0]));
        // RFC 8259 section 8.1: JSON between systems is UTF-8; text declared in another charset would be misread, not refused.
        if (mediaTypes[0] == "application/json" && MediaTypeHeaderValue.TryParse(contentType, out var media)
            && media.Charset.HasValue && !HeaderUtilities.RemoveQuotes(media.Charset).Equals("utf-8", StringComparison.OrdinalIgnoreCase))
            return ([], Problems.UnsupportedMediaType("application/json in UTF-8 (RFC 8259 section 8.1)"));
        var body = await RawBody.ReadAsync(request, maxBytes, ct);
        return body is null ? ([], Problems.BodyTooLarge(maxBytes)) : (body, null);
    }
}
