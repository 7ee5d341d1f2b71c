using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Registrar.Mail;

/// <summary>
/// UA-2.1.2: control-panel credentials reach the registrant as a set-password link, never as a
/// password in mail. The token names the account and its expiry and is signed (HMAC-SHA256), so the
/// control panel can verify it without a lookup; it records the token's id when used, so a link
/// works once.
/// </summary>
public sealed class SetPasswordLinks(IOptions<NoticeOptions> options, TimeProvider clock)
{
    private readonly NoticeOptions _options = options.Value;

    /// <param name="tokenId">A stable id (the notice id), so a resent mail carries the same link.</param>
    public string Create(string customerId, string tokenId, DateTimeOffset issuedAt)
    {
        var expires = issuedAt + _options.SetPasswordLinkLifetime;
        var payload = $"{customerId}|{tokenId}|{expires.ToUnixTimeSeconds()}";
        var token = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload)) + "." + Base64Url.EncodeToString(Sign(payload));
        return $"{_options.SetPasswordUrl}?token={token}";
    }

    /// <summary>The customer id a token was issued for, or null if it is forged, malformed or expired.</summary>
    public string? Verify(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 2) return null;
        try
        {
            var payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[0]));
            if (!CryptographicOperations.FixedTimeEquals(Sign(payload), Base64Url.DecodeFromChars(parts[1]))) return null;
            var fields = payload.Split('|');
            var expires = DateTimeOffset.FromUnixTimeSeconds(long.Parse(fields[2]));
            return clock.GetUtcNow() < expires ? fields[0] : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private byte[] Sign(string payload) =>
        HMACSHA256.HashData(Convert.FromBase64String(_options.SetPasswordSigningKey), Encoding.UTF8.GetBytes(payload));
}
