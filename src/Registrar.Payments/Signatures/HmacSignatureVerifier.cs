using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Registrar.Payments.Notifications;

namespace Registrar.Payments.Signatures;

/// <summary>
/// Verifies a timestamped HMAC-SHA256 over <c>t + "." + rawBody</c>: the bank's secret, a tolerance window
/// around our clock, a constant-time comparison, and each signature accepted once (replay guard).
/// </summary>
public sealed class HmacSignatureVerifier(HmacSignatureOptions options, TimeProvider clock, IReplayGuard replayGuard)
{
    /// <summary>Null when authentic; otherwise why not. Nothing from the body is read before this passes.</summary>
    public async Task<NotificationRejected?> VerifyAsync(string bankId, string? signatureHeader, ReadOnlyMemory<byte> rawBody)
    {
        if (rawBody.Length > options.MaxBodyBytes)
            return new(NotificationRejectionReason.Oversize, $"The body is {rawBody.Length} bytes; at most {options.MaxBodyBytes} bytes are accepted.");
        if (!options.SecretsByBank.TryGetValue(bankId, out var secret) || string.IsNullOrEmpty(secret))
            return new(NotificationRejectionReason.UnknownBank, $"No HMAC secret is configured for bank '{bankId}'.");

        var header = HmacSignatureHeader.TryParse(signatureHeader);
        if (header is null)
            return new(NotificationRejectionReason.BadSignature, "The signature header is missing or unreadable; expected 't=<unix seconds>,v1=<64 hex digits>'.");

        var now = clock.GetUtcNow();
        if (header.Timestamp > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
            return new(NotificationRejectionReason.StaleTimestamp, $"The signed timestamp {header.Timestamp} is not a possible time.");
        var signedAt = DateTimeOffset.FromUnixTimeSeconds(header.Timestamp);
        if ((now - signedAt).Duration() > options.Tolerance)
            return new(NotificationRejectionReason.StaleTimestamp,
                $"The request was signed at {signedAt:O}, more than {options.Tolerance.TotalMinutes:0.#} minutes from our clock ({now:O}); sign each delivery afresh and check the sender's clock.");

        var expected = Sign(secret, header.Timestamp, rawBody.Span);
        var matching = header.Signatures.FirstOrDefault(s => CryptographicOperations.FixedTimeEquals(s, expected));
        if (matching is null)
            return new(NotificationRejectionReason.BadSignature, "No v1 signature matches the body under the bank's secret; check the secret and that the exact raw body is signed as t + \".\" + body.");

        // Only an authentic request reaches the guard, so forgeries cannot fill it.
        var signatureId = string.Create(CultureInfo.InvariantCulture, $"{header.Timestamp}.{Convert.ToHexStringLower(matching)}");
        if (!await replayGuard.TryRecordAsync(bankId, signatureId, signedAt + options.Tolerance))
            return new(NotificationRejectionReason.Replay, "This signed request was already accepted; a retry must be signed again with a new timestamp.");
        return null;
    }

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
