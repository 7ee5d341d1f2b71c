using Registrar.Api.Banks;
using Registrar.Api.Operations.Page;

namespace Registrar.Api.Security;

/// <summary>
/// The <c>WWW-Authenticate</c> challenges (RFC 9110 section 11.6.1) of this API's 401s, one for each way a caller proves who
/// it is. None of these credentials is an HTTP authentication scheme of IANA's registry (RFC 9110 section 16.4), so each
/// challenge names its own scheme and, as auth-params (section 11.2), the header or form the endpoint actually reads, with
/// the realm (section 11.5) the credentials belong to. Every value here is fixed or from configuration, never from the
/// request, so nothing a caller sends is echoed into a header.
/// </summary>
public static class Challenges
{
    /// <summary>A client's key in <see cref="ClientAuthenticator.KeyHeader"/>; the realm is the role the endpoint needs.</summary>
    public static string ApiKey(ApiClientRole role) =>
        $"ApiKey realm=\"{role.ToString().ToLowerInvariant()}\", header=\"{ClientAuthenticator.KeyHeader}\"";

    /// <summary>A bank's timestamped HMAC-SHA256 over the body (camt.054 and the HMAC-signed JSON notifications).</summary>
    public const string BankHmac = "HMAC-SHA256 realm=\"banks\", header=\"" + BankNotificationHandlers.HmacSignatureHeader + "\"";

    /// <summary>An acquirer's ECDSA signature (P-256, SHA-256) over the body.</summary>
    public const string BankEcdsa = "ECDSA-SHA256 realm=\"banks\", header=\"" + BankNotificationHandlers.EcdsaSignatureHeader + "\"";

    /// <summary>
    /// The operations page: a session cookie got by posting the sign-in form, which no registered scheme describes. The
    /// parameters are those of the Cookie scheme drafted for this case (draft-broyer-http-cookie-auth): where the form
    /// posts and the cookie it sets. Browsers show no dialog for a scheme they do not know, so the page still just shows its form.
    /// </summary>
    public static string OperationsPage(string signInPath) =>
        $"Cookie realm=\"operations\", form-action=\"{signInPath}\", cookie-name=\"{OperationsSessions.CookieName}\"";
}
