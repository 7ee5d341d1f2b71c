using Microsoft.Extensions.Options;
using Registrar.Core.Notices;

namespace Registrar.Mail;

/// <summary>
/// UA-2.1.2: control-panel credentials reach the registrant as a set-password link, never as a
/// password in mail. The token names the account and its expiry and is signed (HMAC-SHA256), so the
/// control panel can verify it without a lookup; its first use is recorded in the single-use link store,
/// so a link works once.
/// </summary>
public sealed class SetPasswordLinks(IOptions<NoticeOptions> options, ISingleUseLinkStore uses, TimeProvider clock, IContactAddresses? addresses = null)
{
    // Account, link id, the digest of the address it was mailed to; links issued before that carried the first two.
    private const int Fields = 3;

    private readonly NoticeOptions _options = options.Value;

    /// <param name="tokenId">A stable id (the notice id), so a resent mail carries the same link.</param>
    /// <param name="sentTo">The address the mail goes to: the link is good while the account still uses it.</param>
    public string Create(string customerId, string tokenId, DateTimeOffset issuedAt, string sentTo)
    {
        var token = SignedLinkTokens.Create(_options.SetPasswordSigningKey, [customerId, tokenId, LinkAddresses.Digest(sentTo)],
            issuedAt + _options.SetPasswordLinkLifetime);
        return $"{_options.SetPasswordUrl}?token={token}";
    }

    /// <summary>The customer id a token was issued for, or null if it is forged, malformed or expired.</summary>
    public string? Verify(string token) =>
        Read(token) is { } fields && clock.GetUtcNow() < SignedLinkTokens.ExpiresAt(fields) ? fields[0] : null;

    /// <summary>The control panel sets a password with the link once: the first use of a genuine, unexpired token mailed to the
    /// account's address is recorded, and any later use is refused.</summary>
    public async Task<LinkRedemption> RedeemAsync(string token, CancellationToken ct)
    {
        if (Read(token) is not { } fields) return SignedLinkTokens.Invalid;
        if (!await LinkAddresses.StillAddressedAsync(addresses, fields[0], fields, Fields, ct)) return new LinkRedemption(LinkUse.Superseded, fields[0], null);
        return await SignedLinkTokens.RedeemAsync(uses, "set-password", fields[1], fields[0], SignedLinkTokens.ExpiresAt(fields), clock.GetUtcNow(), ct);
    }

    private string[]? Read(string token) => LinkAddresses.Read(_options.SetPasswordSigningKey, token, Fields);
}
