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
        if (!IsMediaType(request, "application/xml", "text/xml")) return Problems.UnsupportedMediaType("application/xml");
        var body = await RawBody.ReadAsync(request, MaxBody, ct);
        if (body is null) return Problems.BodyTooLarge(MaxBody);
        if (await hmac.VerifyAsync(bankId, request.Headers[HmacSignatureHeader], body) is { } rejected) return Rejected(rejected);
        if (!banks.Value.Banks.TryGetValue(bankId, out var bank)) return Rejected(new(NotificationRejectionReason.UnknownBank, $"Bank '{bankId}' is not configured."));

        var read = camt054.Read(bankId, body, TimeZoneInfo.FindSystemTimeZoneById(bank.TimeZone));
        return await ApplyAsync(read, body, BankNotificationFormats.Camt054, ct);
    }

    public async Task<IResult> HmacJsonAsync(HttpRequest request, string bankId, CancellationToken ct)
    {
        if (!IsMediaType(request, "application/json")) return Problems.UnsupportedMediaType("application/json");
        var body = await RawBody.ReadAsync(request, MaxBody, ct);
        if (body is null) return Problems.BodyTooLarge(MaxBody);
        var read = await hmacJson.ReadAsync(bankId, request.Headers[HmacSignatureHeader], body);
        return await ApplyAsync(read, body, BankNotificationFormats.HmacJson, ct);
    }

    public async Task<IResult> EcdsaJsonAsync(HttpRequest request, string bankId, CancellationToken ct)
    {
        if (!IsMediaType(request, "application/json")) return Problems.UnsupportedMediaType("application/json");
        var body = await RawBody.ReadAsync(request, MaxBody, ct);
        if (body is null) return Problems.BodyTooLarge(MaxBody);
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

    private static bool IsMediaType(HttpRequest request, params string[] types) =>
        request.ContentType is { } contentType && types.Any(t => contentType.StartsWith(t, StringComparison.OrdinalIgnoreCase));
}

/// <param name="Ignored">Entries the bank reported that are not credits to apply (debits, pending), with why.</param>
public sealed record BankNotificationReceipt(IReadOnlyList<PaymentOutcome> Payments, IReadOnlyList<string> Ignored);
