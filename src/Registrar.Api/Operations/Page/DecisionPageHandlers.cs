using Microsoft.AspNetCore.Http;
using Registrar.Core.Contracts;
using Registrar.Core.Registrations;

namespace Registrar.Api.Operations.Page;

/// <summary>The operations page's decisions about a registered domain (UA-2.3.1, KZ-App-2, UA-2.2.3, KZ-App-4, UA-1.3.4.1,
/// UA-2.3.2, UA-1.3.6, KZ-App-9): the API's reader and action, so the page refuses what the API refuses, and the audit entry names the
/// person signed in. A re-delegation needs the new registrant's data and is made through the API.</summary>
public sealed class DecisionPageHandlers(
    OperationsPageHandlers page, OperationsPagePaths paths, IRegistrationViews views, OperationsDecisionReader reader,
    RegistrationActions actions, TimeProvider clock)
{
    public async Task<IResult> DecideAsync(HttpRequest request, string registrationId, CancellationToken ct)
    {
        var (actor, refused) = await page.CheckPostAsync(request, ct);
        if (refused is not null) return refused;
        if (!RegistrationIds.IsWellFormed(registrationId) || await views.FindSequencedAsync(registrationId, ct) is not { } judgedOn)
            return paths.ErrorPage(StatusCodes.Status404NotFound, "No registration has that id.");
        var view = judgedOn.View;
        var form = await request.ReadFormAsync(ct);
        var reason = form["reason"].ToString().Trim();
        if (reason.Length is 0 or > OperationsHandlers.MaxNoteLength) return paths.ErrorPage(StatusCodes.Status400BadRequest, "Say why, for the audit log.");
        var body = new OperationsDecisionBody(form["kind"].ToString(), reason, Optional<SuspensionGround>(form["ground"]),
            Optional<DisputeOutcome>(form["outcome"]), form["document"].ToString(), Optional<TerminationGround>(form["termination"]));
        var now = clock.GetUtcNow();
        var (decision, problem) = reader.Read(body, view, now);
        if (problem is not null) return paths.ErrorPage(problem.StatusCode, problem.ProblemDetails.Detail ?? "Not allowed.");
        if (!decision!.AppliesTo(view.Phase, view.ExpiresAt))
            return paths.ErrorPage(StatusCodes.Status409Conflict, $"{view.DisplayName} is {view.Phase}: {decision.AppliesWhen}.");
        if (DecisionsInForce.Refusal(decision, view) is { } inForce) return paths.ErrorPage(inForce.StatusCode, inForce.ProblemDetails.Detail!);
        var (_, notTaken) = await actions.DecideAsync(registrationId, decision, now, reason, actor!, DecisionsInForce.Claim(decision, judgedOn), ct);
        if (notTaken is not null) return paths.ErrorPage(StatusCodes.Status409Conflict, $"{view.DisplayName}: {notTaken}; this one would change nothing, and nothing of it was recorded.");
        return Results.Redirect(paths.Registration(registrationId));
    }

    /// <summary>A form's choice by its member name; anything else reads as none, which the reader refuses where one is needed.</summary>
    private static T? Optional<T>(string? value) where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
}
