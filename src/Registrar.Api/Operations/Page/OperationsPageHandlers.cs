using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Registrar.Api.Security;
using Registrar.Core.Registrations;

namespace Registrar.Api.Operations.Page;

/// <summary>
/// The operations page's sign-in and its actions. Each action is the API's (<see cref="RegistrationActions"/>),
/// audited the same way, with the person who signed in named beside the operations client. Every form post must
/// carry the session's anti-forgery token; a post without a session goes back to the sign-in form.
/// </summary>
public sealed class OperationsPageHandlers(
    OperationsSessions sessions, ClientAuthenticator authenticator, IRegistrationViews views, RegistrationActions actions,
    ILogger<OperationsPageHandlers> logger)
{
    private const int MaxPersonLength = 64;

    public static IResult SignInForm(string? error, int status = StatusCodes.Status200OK)
    {
        var page = new HtmlPage();
        if (error is not null) page.Add($"<p class=\"error\">{error}</p>");
        page.Add($"""
            <form method="post" action="/ops/page/sign-in">
            <p><label>Operations API key <input type="password" name="key" id="key" required autocomplete="off"></label></p>
            <p><label>Your name (kept in the audit log with each action) <input name="person" id="person" required maxlength="{MaxPersonLength}"></label></p>
            <p><button type="submit" id="sign-in">Sign in</button></p></form>
            """);
        return page.Result("Sign in", status);
    }

    public async Task<IResult> SignInAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType) return SignInForm("Send the sign-in form.", StatusCodes.Status400BadRequest);
        var form = await request.ReadFormAsync(ct);
        var person = form["person"].ToString().Trim();
        if (person.Length is 0 or > MaxPersonLength || person.Any(char.IsControl))
            return SignInForm($"Give your name, at most {MaxPersonLength} characters.", StatusCodes.Status400BadRequest);
        var client = authenticator.AuthenticateKey(form["key"].ToString(), ApiClientRole.Operations);
        if (client.Problem is not null)
        {
            logger.LogWarning("Operations page sign-in refused");
            return SignInForm("That is not an operations key.", StatusCodes.Status401Unauthorized);
        }
        sessions.SignIn(request.HttpContext.Response, request.IsHttps, new OperationsActor(client.Principal!.Name, person));
        logger.LogInformation("Operations page session started for client {Client}", client.Principal.Name);
        return Results.Redirect(OperationsSessions.PagePath, preserveMethod: false);
    }

    public async Task<IResult> SignOutAsync(HttpRequest request, CancellationToken ct)
    {
        if (await RefusedPostAsync(request, ct) is { } refused) return refused;
        OperationsSessions.SignOut(request.HttpContext.Response, request.IsHttps);
        return Results.Redirect(OperationsSessions.PagePath);
    }

    public async Task<IResult> ReviewTrademarkAsync(HttpRequest request, string registrationId, CancellationToken ct)
    {
        if (await RefusedPostAsync(request, ct) is { } refused) return refused;
        var form = await request.ReadFormAsync(ct);
        var approved = form["decision"].ToString() switch { "approve" => true, "refuse" => (bool?)false, _ => null };
        var reason = Reason(form["reason"].ToString());
        if (approved is null) return ErrorPage(StatusCodes.Status400BadRequest, "Approve or refuse.");
        if (approved is false && reason is null) return ErrorPage(StatusCodes.Status400BadRequest, "Say why the trademark is refused; the customer is told.");
        if (reason is { Length: > OperationsHandlers.MaxNoteLength }) return ErrorPage(StatusCodes.Status400BadRequest, "The reason is too long.");
        if (await UnknownAsync(registrationId, ct) is { } unknown) return unknown;

        await actions.ReviewTrademarkAsync(registrationId, approved.Value, reason, sessions.Read(request)!, ct);
        return Results.Redirect(RegistrationTimelinePage.PathOf(registrationId));
    }

    public async Task<IResult> RetryAsync(HttpRequest request, string registrationId, CancellationToken ct)
    {
        if (await RefusedPostAsync(request, ct) is { } refused) return refused;
        var form = await request.ReadFormAsync(ct);
        var reason = Reason(form["reason"].ToString());
        if (reason is null) return ErrorPage(StatusCodes.Status400BadRequest, "Say what was fixed before trying again.");
        if (reason.Length > OperationsHandlers.MaxNoteLength) return ErrorPage(StatusCodes.Status400BadRequest, "The reason is too long.");
        if (await UnknownAsync(registrationId, ct) is { } unknown) return unknown;

        await actions.RetryAsync(registrationId, sessions.Read(request)!, reason, ct);
        return Results.Redirect(RegistrationTimelinePage.PathOf(registrationId));
    }

    public static IResult ErrorPage(int status, string message)
    {
        var page = new HtmlPage();
        page.Add($"<p class=\"error\">{message}</p><p><a href=\"/ops/page\">Back to the overview</a></p>");
        return page.Result(status == StatusCodes.Status404NotFound ? "Not found" : "Not done", status);
    }

    /// <summary>A post needs a session and its anti-forgery token: without them nothing is done.</summary>
    public async Task<IResult?> RefusedPostAsync(HttpRequest request, CancellationToken ct)
    {
        if (sessions.Read(request) is null) return SignInForm("Sign in first.", StatusCodes.Status401Unauthorized);
        if (!request.HasFormContentType) return ErrorPage(StatusCodes.Status400BadRequest, "Send the page's form.");
        var form = await request.ReadFormAsync(ct);
        return sessions.IsGenuineFormToken(request, form[OperationsSessions.FormTokenField].ToString())
            ? null
            : ErrorPage(StatusCodes.Status403Forbidden, "The form did not come from this page's session: reload the page and try again.");
    }

    private async Task<IResult?> UnknownAsync(string registrationId, CancellationToken ct) =>
        !RegistrationIds.IsWellFormed(registrationId) || await views.FindAsync(registrationId, ct) is null
            ? ErrorPage(StatusCodes.Status404NotFound, "No registration has that id.")
            : null;

    private static string? Reason(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
