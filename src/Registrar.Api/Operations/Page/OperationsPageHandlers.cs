using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Registrar.Api.Security;
using Registrar.Core.Customers;
using Registrar.Core.Registrations;

namespace Registrar.Api.Operations.Page;

/// <summary>
/// The operations page's sign-in and its actions. Each action is the API's (<see cref="RegistrationActions"/>),
/// audited the same way, with the person who signed in named beside the operations client. Every form post must
/// carry the session's anti-forgery token; a post without a session goes back to the sign-in form.
/// </summary>
public sealed class OperationsPageHandlers(
    OperationsSessions sessions, OperationsPagePaths paths, ClientAuthenticator authenticator, IRegistrationViews views,
    RegistrationActions actions, NoticeResends resends, ILogger<OperationsPageHandlers> logger)
{
    public const int MaxPersonLength = 64;

    public async Task<IResult> SignInAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType) return paths.SignInForm("Send the sign-in form.", StatusCodes.Status400BadRequest);
        var form = await request.ReadFormAsync(ct);
        var person = form["person"].ToString().Trim();
        // The name is every audit entry's actor: text that reads otherwise than it is stored (bidi controls) is refused, as in orders.
        if (person.Length == 0 || TextRules.Refusal(person, MaxPersonLength) is not null)
            return paths.SignInForm($"Give your name, at most {MaxPersonLength} characters.", StatusCodes.Status400BadRequest);
        var client = authenticator.AuthenticateKey(form["key"].ToString(), ApiClientRole.Operations);
        if (client.Problem is not null)
        {
            logger.LogWarning("Operations page sign-in refused");
            return paths.SignInRequired("That is not an operations key.");
        }
        sessions.SignIn(request.HttpContext.Response, request.IsHttps, new OperationsActor(client.Principal!.Name, person));
        logger.LogInformation("Operations page session started for client {Client}", client.Principal.Name);
        return Results.Redirect(paths.Home, preserveMethod: false);
    }

    public async Task<IResult> SignOutAsync(HttpRequest request, CancellationToken ct)
    {
        if ((await CheckPostAsync(request, ct)).Refused is { } refused) return refused;
        await sessions.SignOutAsync(request, ct);
        return Results.Redirect(paths.Home);
    }

    public async Task<IResult> ReviewTrademarkAsync(HttpRequest request, string registrationId, CancellationToken ct)
    {
        var (actor, refused) = await CheckPostAsync(request, ct);
        if (refused is not null) return refused;
        var form = await request.ReadFormAsync(ct);
        var approved = form["decision"].ToString() switch { "approve" => true, "refuse" => (bool?)false, _ => null };
        var reason = Reason(form["reason"].ToString());
        if (approved is null) return paths.ErrorPage(StatusCodes.Status400BadRequest, "Approve or refuse.");
        if (reason is null) return paths.ErrorPage(StatusCodes.Status400BadRequest, RegistrationActions.TrademarkReasonMissing(approved.Value));
        if (reason is { Length: > OperationsHandlers.MaxNoteLength }) return paths.ErrorPage(StatusCodes.Status400BadRequest, "The reason is too long.");
        if (await RefusalAsync(registrationId, RegistrationActions.WhyNoTrademarkReview, ct) is { } wrongPhase) return wrongPhase;

        if (await actions.ReviewTrademarkAsync(registrationId, approved.Value, reason, actor!, ct) is { } taken)
            return paths.ErrorPage(StatusCodes.Status409Conflict, taken);
        return Results.Redirect(paths.Registration(registrationId));
    }

    public async Task<IResult> RetryAsync(HttpRequest request, string registrationId, CancellationToken ct)
    {
        var (actor, refused) = await CheckPostAsync(request, ct);
        if (refused is not null) return refused;
        var form = await request.ReadFormAsync(ct);
        var reason = Reason(form["reason"].ToString());
        if (reason is null) return paths.ErrorPage(StatusCodes.Status400BadRequest, "Say what was fixed before trying again.");
        if (reason.Length > OperationsHandlers.MaxNoteLength) return paths.ErrorPage(StatusCodes.Status400BadRequest, "The reason is too long.");
        // Any phase: a retry also sends again the mail and records a host gave up on (FailedCommands), which no view shows.
        if (await RefusalAsync(registrationId, _ => null, ct) is { } unknown) return unknown;

        await actions.RetryAsync(registrationId, actor!, reason, ct);
        return Results.Redirect(paths.Registration(registrationId));
    }

    /// <summary>KZ-2.6: a notice from the registration's timeline sent again, with the API's checks and audit entry.</summary>
    public async Task<IResult> ResendNoticeAsync(HttpRequest request, string registrationId, string noticeId, CancellationToken ct)
    {
        var (actor, refused) = await CheckPostAsync(request, ct);
        if (refused is not null) return refused;
        var form = await request.ReadFormAsync(ct);
        if (NoticeResends.Reason(form["reason"].ToString()) is not { } reason)
            return paths.ErrorPage(StatusCodes.Status400BadRequest, "Say why the notice is sent again, for the audit log.");
        var (notice, problem) = await resends.SentNoticeAsync(registrationId, noticeId, ct);
        if (problem is not null) return paths.ErrorPage(problem.StatusCode, problem.ProblemDetails.Detail ?? "Not allowed.");

        await actions.ResendNoticeAsync(registrationId, notice!, actor!, reason, ct);
        return Results.Redirect(paths.Registration(registrationId));
    }

    /// <summary>A post needs a session and its anti-forgery token: without them nothing is done.</summary>
    /// <returns>Who posts, or the answer that refuses the post.</returns>
    public async Task<(OperationsActor? Actor, IResult? Refused)> CheckPostAsync(HttpRequest request, CancellationToken ct)
    {
        if (await sessions.ReadAsync(request, ct) is not { } actor) return (null, paths.SignInRequired("Sign in first."));
        if (!request.HasFormContentType) return (null, paths.ErrorPage(StatusCodes.Status400BadRequest, "Send the page's form."));
        var form = await request.ReadFormAsync(ct);
        return sessions.IsGenuineFormToken(request, form[OperationsSessions.FormTokenField].ToString())
            ? (actor, null)
            : (null, paths.ErrorPage(StatusCodes.Status403Forbidden, "The form did not come from this page's session: reload the page and try again."));
    }

    /// <summary>As the API refuses them (<see cref="RegistrationActions"/>): a form posted from a page the registration has moved on from
    /// records nothing.</summary>
    private async Task<IResult?> RefusalAsync(string registrationId, Func<RegistrationView, string?> whyNot, CancellationToken ct) =>
        !RegistrationIds.IsWellFormed(registrationId) || await views.FindAsync(registrationId, ct) is not { } view
            ? paths.ErrorPage(StatusCodes.Status404NotFound, "No registration has that id.")
            : whyNot(view) is { } why ? paths.ErrorPage(StatusCodes.Status409Conflict, why)
            : null;

    private static string? Reason(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
