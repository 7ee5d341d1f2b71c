using Microsoft.AspNetCore.Http;
using Registrar.Api.Http;
using Registrar.Api.Security;
using Registrar.Mail;

namespace Registrar.Api.Storefront;

/// <summary>POST /api/set-password-links/redemption — UA-2.1.2: the control panel spends a welcome mail's set-password
/// link before it lets the customer set a password; the link works once.</summary>
public sealed class SetPasswordLinkHandler(ClientAuthenticator authenticator, SetPasswordLinks links)
{
    public async Task<IResult> RedeemAsync(HttpRequest request, CancellationToken ct)
    {
        if (authenticator.Authenticate(request, ApiClientRole.Storefront).Problem is { } problem) return problem;
        var body = await StrictJson.ReadAsync<SetPasswordLinkBody>(request, ct);
        if (body.Problem is not null) return body.Problem;
        var redemption = await links.RedeemAsync(body.Value!.Token, ct);
        return redemption.Outcome switch
        {
            LinkUse.FirstUse => TypedResults.Ok(new SetPasswordLinkRedeemed(redemption.Subject!)),
            LinkUse.Expired => Problems.LinkExpired(),
            LinkUse.Superseded => Problems.LinkSuperseded(),
            LinkUse.AlreadyUsed => Problems.LinkUsed(),
            _ => Problems.LinkInvalid(),
        };
    }
}
