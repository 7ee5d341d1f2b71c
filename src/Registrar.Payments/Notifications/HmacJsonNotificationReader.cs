using Registrar.Payments.Signatures;

namespace Registrar.Payments.Notifications;

/// <summary>The HMAC-signed JSON notification endpoint's work: authenticity first, then the strict body.
/// The signature is left unspent: the caller spends it once the message is recorded.</summary>
public sealed class HmacJsonNotificationReader(HmacSignatureVerifier verifier)
{
    /// <param name="signatureHeader">The signature header's value, e.g. <c>t=1732400000,v1=…</c>.</param>
    /// <param name="rawBody">The body exactly as received: the signature covers these bytes.</param>
    public SignedRead Read(string bankId, string? signatureHeader, ReadOnlySpan<byte> rawBody)
    {
        var verification = verifier.Verify(bankId, signatureHeader, rawBody);
        return verification.Rejection is { } rejection
            ? new SignedRead(NotificationReadResult.Rejected(rejection), null, Authentic: false)
            : new SignedRead(StrictJsonCreditParser.Parse(bankId, rawBody), verification.Signature, Authentic: true);
    }
}

/// <summary>What a message says, and, when authentic, its signature to spend once the message is recorded (none for a scheme
/// without replay windows, such as the acquirer's ECDSA).</summary>
/// <param name="Authentic">The signature verified: a refusal after that is of the bank's own message, which is kept (UA-3.2).</param>
public sealed record SignedRead(NotificationReadResult Result, HmacSignature? Signature, bool Authentic);
