using Registrar.Payments.Signatures;

namespace Registrar.Payments.Notifications;

/// <summary>The HMAC-signed JSON notification endpoint's work: authenticity first, then the strict body.</summary>
public sealed class HmacJsonNotificationReader(HmacSignatureVerifier verifier)
{
    /// <param name="signatureHeader">The signature header's value, e.g. <c>t=1732400000,v1=…</c>.</param>
    /// <param name="rawBody">The body exactly as received: the signature covers these bytes.</param>
    public async Task<NotificationReadResult> ReadAsync(string bankId, string? signatureHeader, ReadOnlyMemory<byte> rawBody)
    {
        var rejection = await verifier.VerifyAsync(bankId, signatureHeader, rawBody);
        return rejection is not null
            ? NotificationReadResult.Rejected(rejection)
            : StrictJsonCreditParser.Parse(bankId, rawBody.Span);
    }
}
