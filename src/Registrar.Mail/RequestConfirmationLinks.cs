using Microsoft.Extensions.Options;
using Registrar.Core.Notices;

namespace Registrar.Mail;

/// <summary>
/// KZ-2.3, KZ-5.3, UA-4.7, UA-1.5.8: a customer request is proved from the account's contact e-mail by a link mailed
/// there: signed (HMAC-SHA256 with its own key), expiring, and single-use (its first use recorded under the request id).
/// </summary>
public sealed class RequestConfirmationLinks(IOptions<NoticeOptions> options, ISingleUseLinkStore uses, TimeProvider clock,
    IContactAddresses? addresses = null)
{
    // The purpose leads the payload, so no other kind of signed link reads as a request confirmation. Then the account, the
    // request, and the digest of the address it was mailed to (links issued before that carried the first three).
    private const string Purpose = "request";
    private const int Fields = 4;

    private readonly NoticeOptions _options = options.Value;

    /// <param name="requestId">The request it confirms: a resent mail carries the same link, and its use is recorded under it.</param>
    /// <param name="sentTo">The address the mail goes to: the link proves the request while the account still uses it.</param>
    public string Create(string customerId, string requestId, DateTimeOffset issuedAt, string sentTo)
    {
        var token = SignedLinkTokens.Create(_options.RequestConfirmationSigningKey, [Purpose, customerId, requestId, LinkAddresses.Digest(sentTo)],
            issuedAt + _options.RequestConfirmationLinkLifetime);
        return $"{_options.RequestConfirmationUrl}?token={token}";
    }

    /// <summary>The first use of a genuine, unexpired confirmation mailed to the account's address names the request it proves;
    /// any later use is refused.</summary>
    public Task<LinkRedemption> RedeemAsync(string token, CancellationToken ct) =>
        FollowAsync(token, fields => SignedLinkTokens.RedeemAsync(uses, Purpose, fields[2], fields[1], SignedLinkTokens.ExpiresAt(fields), clock.GetUtcNow(), ct), ct);

    /// <summary>What <see cref="RedeemAsync"/> would come to, spending nothing: a mail scanner's HEAD must leave the link to its
    /// reader (RFC 9110 §9.2.1, HEAD is safe).</summary>
    public Task<LinkRedemption> InspectAsync(string token, CancellationToken ct) =>
        FollowAsync(token, fields => SignedLinkTokens.InspectAsync(uses, Purpose, fields[2], fields[1], SignedLinkTokens.ExpiresAt(fields), clock.GetUtcNow(), ct), ct);

    /// <summary><paramref name="use"/> of a genuine token mailed to the address the account uses now.</summary>
    private async Task<LinkRedemption> FollowAsync(string token, Func<string[], Task<LinkRedemption>> use, CancellationToken ct)
    {
        if (LinkAddresses.Read(_options.RequestConfirmationSigningKey, token, Fields) is not [Purpose, ..] fields) return SignedLinkTokens.Invalid;
        if (!await LinkAddresses.StillAddressedAsync(addresses, fields[1], fields, Fields, ct)) return new LinkRedemption(LinkUse.Superseded, fields[1], null);
        return await use(fields);
    }
}
