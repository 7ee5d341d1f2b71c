using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Registrar.Api.Http;
using Registrar.Api.Security;

namespace Registrar.Api.Operations.Page;

/// <summary>
/// Where the operations page lives in this host ("OperationsPage:BasePath": <c>/ops/page</c> in the local host,
/// <c>/api/ops/page</c> in the Functions app, whose routes sit under <c>/api</c>), so every link, form and redirect
/// of the page, and the path its session cookie is sent on, follow the host. Also the page's two plain answers, the
/// sign-in form and the error page, which carry the link home.
/// </summary>
public sealed class OperationsPagePaths(IOptions<OperationsPageOptions> options)
{
    private const int MaxPersonLength = OperationsPageHandlers.MaxPersonLength;

    public string Home => options.Value.BasePath;

    public string SignIn => Home + "/sign-in";

    public string SignOut => Home + "/sign-out";

    public string Registration(string registrationId) => $"{Home}/registrations/{Uri.EscapeDataString(registrationId)}";

    public string HeldPayment(string reference) => $"{Home}/payments/held/{Uri.EscapeDataString(reference)}";

    public RawHtml RegistrationLink(string registrationId) =>
        new HtmlPage().Add($"<a href=\"{Registration(registrationId)}\">{registrationId}</a>").ToRaw();

    public IResult Page(HtmlPage page, string title, int status = StatusCodes.Status200OK) => page.Result(title, "Registrar operations", Home, status);

    public IResult SignInForm(string? error, int status = StatusCodes.Status200OK)
    {
        var page = new HtmlPage();
        if (error is not null) page.Add($"<p class=\"error\">{error}</p>");
        page.Add($"""
            <form method="post" action="{SignIn}">
            <p><label>Operations API key <input type="password" name="key" id="key" required autocomplete="off"></label></p>
            <p><label>Your name (kept in the audit log with each action) <input name="person" id="person" required maxlength="{MaxPersonLength}"></label></p>
            <p><button type="submit" id="sign-in">Sign in</button></p></form>
            """);
        return Page(page, "Sign in", status);
    }

    /// <summary>The sign-in form as a 401, with the challenge naming it that RFC 9110 section 11.6.1 requires of every 401.</summary>
    public IResult SignInRequired(string error) =>
        new ChallengeResult(SignInForm(error, StatusCodes.Status401Unauthorized), Challenges.OperationsPage(SignIn));

    public IResult ErrorPage(int status, string message)
    {
        var page = new HtmlPage();
        page.Add($"<p class=\"error\">{message}</p><p><a href=\"{Home}\">Back to the overview</a></p>");
        return Page(page, status == StatusCodes.Status404NotFound ? "Not found" : "Not done", status);
    }
}
