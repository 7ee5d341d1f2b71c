using System.Security.Cryptography;
using System.Text;
using Registrar.Payments.Notifications;

namespace Registrar.Payments.Signatures;

/// <summary>
/// Verifies an ECDSA / SHA-256 signature over the raw body bytes, sent base64-encoded in a header
/// (monobank's <c>X-Sign</c>). monobank documents an ASN.1 DER signature (Go's <c>ecdsa.VerifyASN1</c>);
/// a 64-byte IEEE P1363 r‖s signature, as some acquirers send, is accepted too.
/// </summary>
public sealed class EcdsaSignatureVerifier(EcdsaSignatureOptions options)
{
    private const int P1363P256Bytes = 64;

    public NotificationRejected? Verify(string bankId, string? signatureHeader, ReadOnlySpan<byte> rawBody)
    {
        if (rawBody.Length > options.MaxBodyBytes)
            return new(NotificationRejectionReason.Oversize, $"The body is {rawBody.Length} bytes; at most {options.MaxBodyBytes} bytes are accepted.");
        if (!options.PublicKeysByBank.TryGetValue(bankId, out var configuredKey) || string.IsNullOrWhiteSpace(configuredKey))
            return new(NotificationRejectionReason.UnknownBank, $"No public key is configured for bank '{bankId}'.");
        if (string.IsNullOrWhiteSpace(signatureHeader) || !TryFromBase64(signatureHeader.Trim(), out var signature))
            return new(NotificationRejectionReason.BadSignature, "The signature header is missing or not base64.");

        using var key = LoadKey(bankId, configuredKey);
        var valid = key.VerifyData(rawBody, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence)
                    || (signature.Length == P1363P256Bytes
                        && key.VerifyData(rawBody, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
        return valid
            ? null
            : new(NotificationRejectionReason.BadSignature, "The signature does not verify against the body under the bank's public key; if the bank rotated its key, update the configured key.");
    }

    // A wrong key in configuration is a deployment fault, not the sender's: it throws rather than refusing requests.
    private static ECDsa LoadKey(string bankId, string configured)
    {
        var pem = configured.TrimStart().StartsWith("-----BEGIN", StringComparison.Ordinal)
            ? configured
            : TryFromBase64(configured.Trim(), out var decoded) ? Encoding.ASCII.GetString(decoded) : configured;
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
            return key;
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new InvalidOperationException($"The public key configured for bank '{bankId}' is not a PEM (or base64 of a PEM) EC public key: {e.Message}", e);
        }
    }

    private static bool TryFromBase64(string text, out byte[] bytes)
    {
        bytes = new byte[text.Length];
        if (Convert.TryFromBase64String(text, bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }
        return false;
    }
}
