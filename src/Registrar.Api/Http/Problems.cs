using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Registrar.Core.Contracts;

namespace Registrar.Api.Http;

/// <summary>RFC 9457 problem details: every error this API returns is one of these.</summary>
public static class Problems
{
    public static ProblemHttpResult Validation(IReadOnlyDictionary<string, string[]> errors, string? detail = null) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors.ToDictionary())
        {
            Type = ProblemTypes.Validation,
            Title = "The request is invalid.",
            Status = StatusCodes.Status400BadRequest,
            Detail = detail ?? string.Join(" ", errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))),
        });

    public static ProblemHttpResult Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static ProblemHttpResult MalformedBody(string detail) =>
        Create(StatusCodes.Status400BadRequest, ProblemTypes.MalformedBody, "The request body is malformed.", detail);

    public static ProblemHttpResult BodyTooLarge(long limit) =>
        Create(StatusCodes.Status413PayloadTooLarge, ProblemTypes.BodyTooLarge, "The request body is too large.",
            $"This endpoint accepts at most {limit} bytes.");

    public static ProblemHttpResult UnsupportedMediaType(string expected) =>
        Create(StatusCodes.Status415UnsupportedMediaType, ProblemTypes.UnsupportedMediaType, "Unsupported media type.",
            $"Send the body as {expected}.");

    /// <param name="challenge">How the endpoint authenticates (<see cref="Security.Challenges"/>), sent as RFC 9110 section 11.6.1 requires.</param>
    public static ChallengeResult Unauthenticated(string challenge, string detail) =>
        new(Create(StatusCodes.Status401Unauthorized, ProblemTypes.Unauthenticated, "Authentication is required.", detail), challenge);

    public static ProblemHttpResult Forbidden(string detail) =>
        Create(StatusCodes.Status403Forbidden, ProblemTypes.Forbidden, "Not allowed.", detail);

    public static ProblemHttpResult NotFound(string what) =>
        Create(StatusCodes.Status404NotFound, ProblemTypes.NotFound, "Not found.", $"{what} does not exist or is not yours.");

    public static ProblemHttpResult Conflict(string detail) =>
        Create(StatusCodes.Status409Conflict, ProblemTypes.Conflict, "Conflict.", detail);

    public static ProblemHttpResult IdempotencyKeyReused() =>
        Create(StatusCodes.Status422UnprocessableEntity, ProblemTypes.IdempotencyKeyReused, "Idempotency-Key reused.",
            "This Idempotency-Key was first used with a different body; use a new key for a new request.");

    public static ProblemHttpResult NotificationRejected(string reason, string detail, int status) =>
        Create(status, ProblemTypes.NotificationRejected, "The bank notification was rejected.", detail, ("reason", reason));

    /// <summary>UA-3.2: what operations asked of a held payment breaks a payment rule; <paramref name="reason"/> names which.</summary>
    public static ProblemHttpResult PaymentNotApplicable(string reason, string detail) =>
        Create(StatusCodes.Status422UnprocessableEntity, ProblemTypes.PaymentNotApplicable, "The held payment cannot be used that way.", detail, ("reason", reason));

    public static ProblemHttpResult RegistryUnavailable(string detail) =>
        Create(StatusCodes.Status503ServiceUnavailable, ProblemTypes.RegistryUnavailable, "The registry is unavailable.", detail);

    /// <summary>A deadline cannot be counted because the calendar data ends before it: never guessed.</summary>
    public static ProblemHttpResult CalendarMissing(string detail) =>
        Create(StatusCodes.Status503ServiceUnavailable, ProblemTypes.CalendarMissing, "The business-day calendar is missing.", detail);

    public static ProblemHttpResult LinkInvalid() =>
        Create(StatusCodes.Status400BadRequest, ProblemTypes.LinkInvalid, "The link is not valid.", "This link was not issued by this registrar or was altered.");

    public static ProblemHttpResult LinkUsed() =>
        Create(StatusCodes.Status409Conflict, ProblemTypes.LinkUsed, "The link was already used.", "This link works once and was used before; nothing was changed.");

    public static ProblemHttpResult LinkExpired() =>
        Create(StatusCodes.Status410Gone, ProblemTypes.LinkExpired, "The link has expired.", "Ask again for a new link.");

    public static ProblemHttpResult ProofNotAccepted(string rule, string detail) =>
        Create(StatusCodes.Status422UnprocessableEntity, ProblemTypes.ProofNotAccepted, "This request does not accept that proof.", detail, ("rule", rule));

    /// <summary>KZ-App-9, UA-3.5: every reason a transfer code is refused, each with its rule.</summary>
    public static ProblemHttpResult TransferRefused(IReadOnlyList<RuleRefusal<TransferRefusalReason>> refusals) =>
        TypedResults.Problem(detail: string.Join(" ", refusals.Select(r => r.Message)), statusCode: StatusCodes.Status409Conflict,
            title: "No transfer code can be issued now.", type: ProblemTypes.TransferRefused,
            extensions: new Dictionary<string, object?> { ["reasons"] = refusals.Select(r => new { reason = r.Reason.ToString(), rule = r.Rule }).ToList() });

    private static ProblemHttpResult Create(int status, string type, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, type: type);

    /// <param name="member">An extension member (RFC 9457 section 3.2) that tells a client which case it met.</param>
    private static ProblemHttpResult Create(int status, string type, string title, string detail, (string Name, string Value) member) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, type: type,
            extensions: new Dictionary<string, object?> { [member.Name] = member.Value });
}
