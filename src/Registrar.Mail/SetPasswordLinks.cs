using Microsoft.Extensions.Options;
using Registrar.Core.Notices;

namespace Registrar.Mail;

/// <summary>
/// UA-2.1.2: control-panel credentials reach the registrant as a set-password link, never as a
/// password in mail. The token names the account and its expiry and is signed (HMAC-SHA256), so the
/// control panel can verify it without a lookup; its first use is recorded in the single-use link store,
/// so a link works once.
/// </summary>
public sealed class SetPasswordLinks(IOptions<NoticeOptions> options, ISingleUseLinkStore uses, TimeProvider clock)
{
    private const int Fields = 2;

    private readonly NoticeOptions _options = options.Value;

    /// <param name="tokenId">A stable id (the notice id), so a resent mail carries the same link.</param>
    public string Create(string customerId, string tokenId, DateTimeOffset issuedAt)
    {
        var token = SignedLinkTokens.Create(_options.SetPasswordSigningKey, [customerId, tokenId], issuedAt + _options.SetPasswordLinkLifetime);
        return $"{_options.SetPasswordUrl}?token={token}";
    }

    /// <summary>The customer id a token was issued for, or null if it is forged, malformed or expired.</summary>
    public string? Verify(string token) =>
        SignedLinkTokens.Read(_options.SetPasswordSigningKey, token, Fields) is { } fields && clock.GetUtcNow() < SignedLinkTokens.ExpiresAt(fields)
            ? fields[0]
            : null;

    /// <summary>The control panel sets a password with the link once: the first use of a genuine, unexpired token
    /// is recorded, and any later use is refused.</summary>
    public Task<LinkRedemption> RedeemAsync(string token, CancellationToken ct)
    {
        if (SignedLinkTokens.Read(_options.SetPasswordSigningKey, token, Fields) is not { } fields) return Task.FromResult(SignedLinkTokens.Invalid);
        return SignedLinkTokens.RedeemAsync(uses, "set-password", fields[1], fields[0], SignedLinkTokens.ExpiresAt(fields), clock.GetUtcNow(), ct);
    }
}
