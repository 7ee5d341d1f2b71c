using Registrar.Payments.Signatures;

namespace Registrar.Payments.Notifications;

/// <summary>The ECDSA-signed acquiring webhook endpoint's work (monobank style): signature first, then the body.</summary>
public sealed class EcdsaJsonNotificationReader(EcdsaSignatureVerifier verifier)
{
    /// <param name="signatureHeader">The <c>X-Sign</c> header's value (base64 signature).</param>
    /// <param name="rawBody">The body exactly as received: the signature covers these bytes.</param>
    public SignedRead Read(string bankId, string? signatureHeader, ReadOnlySpan<byte> rawBody)
    {
        var rejection = verifier.Verify(bankId, signatureHeader, rawBody);
        return rejection is not null
            ? new SignedRead(NotificationReadResult.Rejected(rejection), null, Authentic: false)
            : new SignedRead(MonobankWebhookParser.Parse(bankId, rawBody), null, Authentic: true);
    }
}
