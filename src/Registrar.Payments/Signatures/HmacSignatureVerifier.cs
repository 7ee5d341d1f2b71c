using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Registrar.Payments.Notifications;

namespace Registrar.Payments.Signatures;

/// <summary>
/// Verifies a timestamped HMAC-SHA256 over <c>t + "." + rawBody</c>: the bank's secret, a tolerance window
/// around our clock, a constant-time comparison. Each signature is then spent once, by the caller, together with
/// the message it records verbatim, so that a crash never leaves a spent signature with nothing recorded: the
/// bank's identical retry is then still accepted.
/// </summary>
public sealed class HmacSignatureVerifier(HmacSignatureOptions options, TimeProvider clock)
{
    /// <summary>Why an authentic signature spent before is refused.</summary>
    public static readonly NotificationRejected Replayed =
        new(NotificationRejectionReason.Replay, "This signed request was already accepted; a retry must be signed again with a new timestamp.");

    /// <summary>The authentic signature, or why the request is not authentic. Changes nothing: nothing from
    /// the body is read before this passes, and the signature is not spent.</summary>
    public HmacVerification Verify(string bankId, string? signatureHeader, ReadOnlySpan<byte> rawBody)
    {
        if (rawBody.Length > options.MaxBodyBytes)
            return Refused(NotificationRejectionReason.Oversize, $"The body is {rawBody.Length} bytes; at most {options.MaxBodyBytes} bytes are accepted. Split the entries over several messages.");
        if (!options.SecretsByBank.TryGetValue(bankId, out var secret) || string.IsNullOrEmpty(secret))
            return Refused(NotificationRejectionReason.UnknownBank, $"No HMAC secret is configured for bank '{bankId}'.");

        var header = HmacSignatureHeader.TryParse(signatureHeader);
        if (header is null)
            return Refused(NotificationRejectionReason.BadSignature, "The signature header is missing or unreadable; expected 't=<unix seconds>,v1=<64 hex digits>'.");

        var now = clock.GetUtcNow();
        if (header.Timestamp > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
            return Refused(NotificationRejectionReason.StaleTimestamp, $"The signed timestamp {header.Timestamp} is not a possible time.");
        var signedAt = DateTimeOffset.FromUnixTimeSeconds(header.Timestamp);
        if ((now - signedAt).Duration() > options.Tolerance)
            return Refused(NotificationRejectionReason.StaleTimestamp,
                $"The request was signed at {signedAt:O}, more than {options.Tolerance.TotalMinutes:0.#} minutes from our clock ({now:O}); sign each delivery afresh and check the sender's clock.");

        var expected = Sign(secret, header.Timestamp, rawBody);
        var matching = header.Signatures.FirstOrDefault(s => CryptographicOperations.FixedTimeEquals(s, expected));
        if (matching is null)
            return Refused(NotificationRejectionReason.BadSignature, "No v1 signature matches the body under the bank's secret; check the secret and that the exact raw body is signed as t + \".\" + body.");

        var signatureId = string.Create(CultureInfo.InvariantCulture, $"{header.Timestamp}.{Convert.ToHexStringLower(matching)}");
        return new HmacVerification(null, new HmacSignature(bankId, signatureId, signedAt + options.Tolerance));
    }

    private static HmacVerification Refused(NotificationRejectionReason reason, string message) => new(new(reason, message), null);

    /// <summary>The v1 signature a bank would send; public so tests and a bank simulator sign exactly as verified.</summary>
    public static byte[] Sign(string secret, long timestamp, ReadOnlySpan<byte> rawBody)
    {
        var prefix = Encoding.ASCII.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + rawBody.Length];
        prefix.CopyTo(signed, 0);
        rawBody.CopyTo(signed.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
    }
}

/// <summary>An authentic signature, not yet spent.</summary>
/// <param name="ExpiresAt">After this instant the timestamp check alone refuses it.</param>
public sealed record HmacSignature(string BankId, string Id, DateTimeOffset ExpiresAt);

/// <summary>Either the rejection or the authentic signature.</summary>
public sealed record HmacVerification(NotificationRejected? Rejection, HmacSignature? Signature);
