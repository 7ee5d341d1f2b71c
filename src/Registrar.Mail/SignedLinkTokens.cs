using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Registrar.Core.Notices;

namespace Registrar.Mail;

/// <summary>The token of a mailed link: its fields and expiry, signed with HMAC-SHA256, so the link is checked
/// without a lookup; the one lookup is the single-use record, made only for a genuine, unexpired token.</summary>
internal static class SignedLinkTokens
{
    public static string Create(string base64Key, IEnumerable<string> fields, DateTimeOffset expires)
    {
        var payload = string.Join('|', [.. fields, expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)]);
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload)) + "." + Base64Url.EncodeToString(Sign(base64Key, payload));
    }

    /// <summary>The fields a genuine token carries (its expiry last), or null if it is forged or malformed.</summary>
    public static string[]? Read(string base64Key, string token, int fieldCount)
    {
        var parts = token.Split('.');
        if (parts.Length != 2) return null;
        try
        {
            var payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[0]));
            if (!CryptographicOperations.FixedTimeEquals(Sign(base64Key, payload), Base64Url.DecodeFromChars(parts[1]))) return null;
            var fields = payload.Split('|');
            return fields.Length == fieldCount + 1 && long.TryParse(fields[^1], NumberStyles.None, CultureInfo.InvariantCulture, out _) ? fields : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static readonly LinkRedemption Invalid = new(LinkUse.Invalid, null, null);

    public static DateTimeOffset ExpiresAt(string[] fields) =>
        DateTimeOffset.FromUnixTimeSeconds(long.Parse(fields[^1], CultureInfo.InvariantCulture));

    /// <summary>Checks the token's expiry on <paramref name="now"/>, then records its first use under the link's purpose and id.</summary>
    public static async Task<LinkRedemption> RedeemAsync(
        ISingleUseLinkStore uses, string purpose, string linkId, string subject, DateTimeOffset expires, DateTimeOffset now, CancellationToken ct)
    {
        if (now >= expires) return new(LinkUse.Expired, subject, null);
        return await uses.TryUseAsync($"{purpose}:{linkId}", now, ct)
            ? new(LinkUse.FirstUse, subject, linkId)
            : new(LinkUse.AlreadyUsed, subject, linkId);
    }

    /// <summary>What <see cref="RedeemAsync"/> would come to on <paramref name="now"/>, recording nothing.</summary>
    public static async Task<LinkRedemption> InspectAsync(
        ISingleUseLinkStore uses, string purpose, string linkId, string subject, DateTimeOffset expires, DateTimeOffset now, CancellationToken ct)
    {
        if (now >= expires) return new(LinkUse.Expired, subject, null);
        return await uses.WasUsedAsync($"{purpose}:{linkId}", ct)
            ? new(LinkUse.AlreadyUsed, subject, linkId)
            : new(LinkUse.FirstUse, subject, linkId);
    }

    private static byte[] Sign(string base64Key, string payload) =>
        HMACSHA256.HashData(Convert.FromBase64String(base64Key), Encoding.UTF8.GetBytes(payload));
}

/// <summary>What following a single-use link came to.</summary>
/// <param name="Subject">The account the link was issued for (null for an invalid token).</param>
/// <param name="LinkId">The id of what the link confirms, on its first and later uses (a later use may finish what a
/// crash interrupted after the first use was recorded).</param>
public sealed record LinkRedemption(LinkUse Outcome, string? Subject, string? LinkId);

public enum LinkUse
{
    FirstUse,
    Invalid,
    Expired,
    AlreadyUsed,

    /// <summary>Mailed to an address the account no longer uses: nothing spent, nothing done.</summary>
    Superseded,
}
