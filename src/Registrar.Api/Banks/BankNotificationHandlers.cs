using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Registrar.Api.Http;
using Registrar.Payments.Camt054;
using Registrar.Payments.Notifications;
using Registrar.Payments.Signatures;

namespace Registrar.Api.Banks;

/// <summary>
/// The bank notification endpoints, one per format. Each verifies authenticity before anything
/// else, then records and applies every credit; a rejected notification changes nothing.
/// </summary>
public sealed class BankNotificationHandlers(
    HmacSignatureVerifier hmac,
    HmacJsonNotificationReader hmacJson,
    EcdsaJsonNotificationReader ecdsaJson,
    Camt054Reader camt054,
    IOptions<BankOptions> banks,
    PaymentProcessor processor)
{
    public const string HmacSignatureHeader = "X-Signature";
    public const string EcdsaSignatureHeader = "X-Sign";
    private const int MaxBody = 1024 * 1024;

    /// <summary>ISO 20022 camt.054, signed like the JSON notifications (timestamped HMAC over the raw body).</summary>
    public async Task<IResult> Camt054Async(HttpRequest request, string bankId, CancellationToken ct)
    {
        var (body, problem) = await ReadBodyAsync(request, ct, "application/xml", "text/xml");
        if (problem is not null) return problem;
        if (await hmac.VerifyAsync(bankId, request.Headers[HmacSignatureHeader], body) is { } rejected) return Rejected(rejected);
        if (!banks.Value.TryTimeZone(bankId, out var timeZone)) return Rejected(new(NotificationRejectionReason.UnknownBank, $"Bank '{bankId}' is not configured."));

        var read = camt054.Read(bankId, body, timeZone);
        return await ApplyAsync(read, body, BankNotificationFormats.Camt054, ct);
    }

    public async Task<IResult> HmacJsonAsync(HttpRequest request, string bankId, CancellationToken ct)
    {
        var (body, problem) = await ReadBodyAsync(request, ct, "application/json");
        if (problem is not null) return problem;
        var read = await hmacJson.ReadAsync(bankId, request.Headers[HmacSignatureHeader], body);
        return await ApplyAsync(read, body, BankNotificationFormats.HmacJson, ct);
    }

    public async Task<IResult> EcdsaJsonAsync(HttpRequest request, string bankId, CancellationToken ct)
    {
        var (body, problem) = await ReadBodyAsync(request, ct, "application/json");
        if (problem is not null) return problem;
        var read = ecdsaJson.Read(bankId, request.Headers[EcdsaSignatureHeader], body);
        return await ApplyAsync(read, body, BankNotificationFormats.EcdsaJson, ct);
    }

    private async Task<IResult> ApplyAsync(NotificationReadResult read, byte[] body, string format, CancellationToken ct)
    {
        if (read.Rejection is { } rejection) return Rejected(rejection);
        var raw = Encoding.UTF8.GetString(body);
        var outcomes = new List<PaymentOutcome>();
        foreach (var credit in read.Credits) outcomes.Add(await processor.ApplyAsync(credit, raw, format, ct));
        return TypedResults.Ok(new BankNotificationReceipt(outcomes, read.Ignored));
    }

    private static IResult Rejected(NotificationRejected rejection) => Problems.NotificationRejected(rejection.Reason.ToString(), rejection.Message,
        rejection.Reason switch
        {
            NotificationRejectionReason.BadSignature or NotificationRejectionReason.StaleTimestamp or NotificationRejectionReason.Replay
                or NotificationRejectionReason.UnknownBank => StatusCodes.Status401Unauthorized,
            NotificationRejectionReason.Oversize => StatusCodes.Status413PayloadTooLarge,
            _ => StatusCodes.Status400BadRequest,
        });

    /// <summary>The raw body (signatures are over these exact bytes), or the problem with its media type or size.</summary>
    private static async Task<(byte[] Body, IResult? Problem)> ReadBodyAsync(HttpRequest request, CancellationToken ct, params string[] mediaTypes)
    {
        if (request.ContentType is not { } contentType || !mediaTypes.Any(t => contentType.StartsWith(t, StringComparison.OrdinalIgnoreCase)))
            return ([], Problems.UnsupportedMediaType(mediaTypes[0]));
        var body = await RawBody.ReadAsync(request, MaxBody, ct);
        return body is null ? ([], Problems.BodyTooLarge(MaxBody)) : (body, null);
    }
}

/// <param name="Ignored">Entries the bank reported that are not credits to apply (debits, pending), with why.</param>
public sealed record BankNotificationReceipt(IReadOnlyList<PaymentOutcome> Payments, IReadOnlyList<string> Ignored);
