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
            Type = ProblemTypes.Validation.Uri,
            Title = ProblemTypes.Validation.Title,
            Status = StatusCodes.Status400BadRequest,
            Detail = detail ?? string.Join(" ", errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))),
        });

    public static ProblemHttpResult Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static ProblemHttpResult MalformedBody(string detail) =>
        Create(StatusCodes.Status400BadRequest, ProblemTypes.MalformedBody, detail);

    /// <param name="errors">The fields at fault with what is wrong with each, as <see cref="Validation(IReadOnlyDictionary{string, string[]}, string?)"/>
    /// carries them, so a client reads both kinds of 400 alike; none when the body as a whole is at fault.</param>
    public static ProblemHttpResult MalformedBody(string detail, IReadOnlyDictionary<string, string[]> errors) => errors.Count == 0
        ? MalformedBody(detail)
        : Create(StatusCodes.Status400BadRequest, ProblemTypes.MalformedBody, detail, ("errors", errors));

    public static ProblemHttpResult BodyTooLarge(long limit) =>
        Create(StatusCodes.Status413PayloadTooLarge, ProblemTypes.BodyTooLarge,
            $"This endpoint accepts at most {limit} bytes.");

    public static ProblemHttpResult UnsupportedMediaType(string expected) =>
        Create(StatusCodes.Status415UnsupportedMediaType, ProblemTypes.UnsupportedMediaType,
            $"Send the body as {expected}.");

    /// <param name="challenge">How the endpoint authenticates (<see cref="Security.Challenges"/>), sent as RFC 9110 section 11.6.1 requires.</param>
    public static ChallengeResult Unauthenticated(string challenge, string detail) =>
        new(Create(StatusCodes.Status401Unauthorized, ProblemTypes.Unauthenticated, detail), challenge);

    public static ProblemHttpResult Forbidden(string detail) =>
        Create(StatusCodes.Status403Forbidden, ProblemTypes.Forbidden, detail);

    /// <summary>Something of the calling customer's: one of another customer's is answered alike, so ids are not probed.</summary>
    public static ProblemHttpResult NotFound(string what) =>
        Create(StatusCodes.Status404NotFound, ProblemTypes.NotFound, $"{what} does not exist or is not yours.");

    /// <summary>Something no caller owns: a problem type's page, or what operations act on.</summary>
    public static ProblemHttpResult Missing(string what) =>
        Create(StatusCodes.Status404NotFound, ProblemTypes.NotFound, $"{what} does not exist.");

    public static ProblemHttpResult PreconditionFailed(string detail) =>
        Create(StatusCodes.Status412PreconditionFailed, ProblemTypes.PreconditionFailed, detail);

    public static ProblemHttpResult Conflict(string detail) =>
        Create(StatusCodes.Status409Conflict, ProblemTypes.Conflict, detail);

    public static ProblemHttpResult IdempotencyKeyReused() =>
        Create(StatusCodes.Status422UnprocessableEntity, ProblemTypes.IdempotencyKeyReused,
            "This Idempotency-Key was first used for a different request (another body, or another resource); use a new key for a new request.");

    public static ProblemHttpResult IdempotencyKeyInUse() =>
        Create(StatusCodes.Status409Conflict, ProblemTypes.IdempotencyKeyInUse,
            "A request with this Idempotency-Key is still being handled; retry with the same key to get its answer "
            + $"(within {IdempotentRequests.InFlightFor.TotalSeconds:0} s).");

    public static ProblemHttpResult NotificationRejected(string reason, string detail, int status) =>
        Create(status, ProblemTypes.NotificationRejected, detail, ("reason", reason));

    /// <summary>UA-3.2: what operations asked of a held payment breaks a payment rule; <paramref name="reason"/> names which.</summary>
    public static ProblemHttpResult PaymentNotApplicable(string reason, string detail) =>
        Create(StatusCodes.Status422UnprocessableEntity, ProblemTypes.PaymentNotApplicable, detail, ("reason", reason));

    public static ProblemHttpResult RegistryUnavailable(string detail) =>
        Create(StatusCodes.Status503ServiceUnavailable, ProblemTypes.RegistryUnavailable, detail);

    /// <summary>A deadline cannot be counted because the calendar data ends before it: never guessed. The year's file is
    /// published by operations and read when the hosts start, so the client is told to ask again in an hour, as the lifecycle
    /// checks again for it (<c>CalendarWaits.CheckInterval</c>).</summary>
    public static RetryLaterResult CalendarMissing(string detail) =>
        new(Create(StatusCodes.Status503ServiceUnavailable, ProblemTypes.CalendarMissing, detail), TimeSpan.FromHours(1));

    public static ProblemHttpResult LinkInvalid() =>
        Create(StatusCodes.Status400BadRequest, ProblemTypes.LinkInvalid, "This link was not issued by this registrar or was altered.");

    public static ProblemHttpResult LinkUsed() =>
        Create(StatusCodes.Status409Conflict, ProblemTypes.LinkUsed, "This link works once and was used before; nothing was changed.");

    public static ProblemHttpResult LinkExpired() =>
        Create(StatusCodes.Status410Gone, ProblemTypes.LinkExpired, "Ask again for a new link.");

    public static ProblemHttpResult LinkSuperseded() =>
        Create(StatusCodes.Status410Gone, ProblemTypes.LinkSuperseded,
            "The link was mailed to an address the account no longer uses; nothing was changed. Ask again: the new link goes to the address it uses now.");

    public static ProblemHttpResult ProofNotAccepted(string rule, string detail) =>
        Create(StatusCodes.Status422UnprocessableEntity, ProblemTypes.ProofNotAccepted, detail, ("rule", rule));

    /// <summary>KZ-App-9, UA-3.5: every reason a transfer code is refused, each with its rule.</summary>
    public static ProblemHttpResult TransferRefused(IReadOnlyList<RuleRefusal<TransferRefusalReason>> refusals) =>
        Create(StatusCodes.Status409Conflict, ProblemTypes.TransferRefused, string.Join(" ", refusals.Select(r => r.Message)),
            ("reasons", refusals.Select(r => new { reason = r.Reason.ToString(), rule = r.Rule }).ToList()));

    /// <summary>A problem of a <paramref name="type"/>, titled as that type always is.</summary>
    private static ProblemHttpResult Create(int status, ProblemType type, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: type.Title, type: type.Uri);

    /// <param name="member">An extension member (RFC 9457 section 3.2) that tells a client which case it met.</param>
    private static ProblemHttpResult Create(int status, ProblemType type, string detail, (string Name, object Value) member) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: type.Title, type: type.Uri,
            extensions: new Dictionary<string, object?> { [member.Name] = member.Value });
}
