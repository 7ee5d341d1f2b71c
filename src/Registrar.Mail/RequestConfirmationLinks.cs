using Microsoft.Extensions.Options;
using Registrar.Core.Notices;

namespace Registrar.Mail;

/// <summary>
/// KZ-2.3, KZ-5.3, UA-4.7, UA-1.5.8: a customer request is proved from the account's contact e-mail by a link mailed
/// there: signed (HMAC-SHA256 with its own key), expiring, and single-use (its first use recorded under the request id).
/// </summary>
public sealed class RequestConfirmationLinks(IOptions<NoticeOptions> options, ISingleUseLinkStore uses, TimeProvider clock)
{
    // The purpose leads the payload, so no other kind of signed link reads as a request confirmation.
    private const string Purpose = "request";
    private const int Fields = 3;

    private readonly NoticeOptions _options = options.Value;

    /// <param name="requestId">The request it confirms: a resent mail carries the same link, and its use is recorded under it.</param>
    public string Create(string customerId, string requestId, DateTimeOffset issuedAt)
    {
        var token = SignedLinkTokens.Create(_options.RequestConfirmationSigningKey, [Purpose, customerId, requestId],
            issuedAt + _options.RequestConfirmationLinkLifetime);
        return $"{_options.RequestConfirmationUrl}?token={token}";
    }

    /// <summary>The first use of a genuine, unexpired confirmation names the request it proves; any later use is refused.</summary>
    public Task<LinkRedemption> RedeemAsync(string token, CancellationToken ct) =>
        Read(token) is { } fields
            ? SignedLinkTokens.RedeemAsync(uses, Purpose, fields[2], fields[1], SignedLinkTokens.ExpiresAt(fields), clock.GetUtcNow(), ct)
            : Task.FromResult(SignedLinkTokens.Invalid);

    /// <summary>What <see cref="RedeemAsync"/> would come to, spending nothing: a mail scanner's HEAD must leave the link to its
    /// reader (RFC 9110 §9.2.1, HEAD is safe).</summary>
    public Task<LinkRedemption> InspectAsync(string token, CancellationToken ct) =>
        Read(token) is { } fields
            ? SignedLinkTokens.InspectAsync(uses, Purpose, fields[2], fields[1], SignedLinkTokens.ExpiresAt(fields), clock.GetUtcNow(), ct)
            : Task.FromResult(SignedLinkTokens.Invalid);

    private string[]? Read(string token) =>
        SignedLinkTokens.Read(_options.RequestConfirmationSigningKey, token, Fields) is { } fields && fields[0] == Purpose ? fields : null;
}
