namespace Registrar.Api.Http;

/// <summary>
/// One problem type (RFC 9457 section 3.1). <paramref name="Uri"/> is its "type": a relative URI reference that resolves
/// against the API's own address, where <c>GET /problems/{slug}</c> describes it. <paramref name="Title"/> is the one
/// title every occurrence carries: section 3.1.3 says it SHOULD NOT change from occurrence to occurrence, so no answer
/// spells its own.
/// </summary>
public sealed record ProblemType(string Uri, string Title, string Description);

/// <summary>The problem types this API answers with, its handlers' and the framework's alike: the only place a type's title is written.</summary>
public static class ProblemTypes
{
    public static readonly ProblemType Validation = new("/problems/validation", "The request is invalid.",
        "One or more fields are invalid; 'errors' names each field and what is wrong with it.");

    public static readonly ProblemType TooManyRequests = new("/problems/too-many-requests", "Too many requests.",
        "Too many lookups from one address; ask again after the time Retry-After gives.");

    public static readonly ProblemType MalformedBody = new("/problems/malformed-body", "The request body is malformed.",
        "The request body could not be read as the documented JSON or XML.");

    public static readonly ProblemType BodyTooLarge = new("/problems/body-too-large", "The request body is too large.",
        "The request body is larger than this endpoint accepts.");

    public static readonly ProblemType UnsupportedMediaType = new("/problems/unsupported-media-type", "Unsupported media type.",
        "The request's Content-Type, or its Content-Encoding, is not one this endpoint accepts.");

    public static readonly ProblemType TransferCodingNotImplemented = new("/problems/transfer-coding-not-implemented", "Transfer coding not implemented.",
        "The request's Transfer-Encoding names a coding other than chunked, which this server does not decode (RFC 9112 section 6.1); send the body uncoded.");

    public static readonly ProblemType Unauthenticated = new("/problems/unauthenticated", "Authentication is required.",
        "The request carries no valid client credentials; WWW-Authenticate names the ones this endpoint accepts.");

    public static readonly ProblemType Forbidden = new("/problems/forbidden", "Not allowed.", "The authenticated client may not do this.");

    public static readonly ProblemType NotFound = new("/problems/not-found", "Not found.", "No such resource is visible to the caller.");

    public static readonly ProblemType MethodNotAllowed = new("/problems/method-not-allowed", "Method not allowed.",
        "The resource exists but does not answer this request method; the Allow header lists those it does (RFC 9110 section 15.5.6).");

    public static readonly ProblemType QueryNotServed = new("/problems/query-not-served", "This RDAP query is not served here.",
        "The RDAP query type (RFC 9082) is not one this registrar answers: it answers domain lookups and help; ask the registry for the others.");

    public static readonly ProblemType PreconditionFailed = new("/problems/precondition-failed", "A precondition failed.",
        "The request's If-Match names entity tags, and this API tags no representation (it serves no ETag), so none matches: the "
        + "condition is false and nothing was done (RFC 9110 section 13.1.1). Send the request without If-Match.");

    public static readonly ProblemType Conflict = new("/problems/conflict", "Conflict.",
        "The resource changed meanwhile or is in a state that does not allow this.");

    public static readonly ProblemType IdempotencyKeyReused = new("/problems/idempotency-key-reused", "Idempotency-Key reused.",
        "The Idempotency-Key was already used for a different request: another body, or another resource.");

    public static readonly ProblemType IdempotencyKeyInUse = new("/problems/idempotency-key-in-use", "Idempotency-Key in use.",
        "A request with the same Idempotency-Key is still being handled; retry with the same key to get its answer.");

    public static readonly ProblemType NotificationRejected = new("/problems/notification-rejected", "The bank notification was rejected.",
        "A bank notification failed its authenticity or format checks. One that is not the bank's own changes nothing; an authentic "
        + "one refused for what it holds (its format, version or syntax) applies nothing, and is recorded and put on the operations "
        + "review list, as it may carry credits (UA-3.2).");

    public static readonly ProblemType RegistryUnavailable = new("/problems/registry-unavailable", "The registry is unavailable.",
        "The registry could not be reached; retry later.");

    public static readonly ProblemType CalendarMissing = new("/problems/calendar-missing", "The business-day calendar is missing.",
        "A deadline falls in a year the business-day calendars do not cover yet; operations must add that year's calendar. Ask again after the time Retry-After gives.");

    public static readonly ProblemType ServerError = new("/problems/server-error", "The request failed on our side.",
        "Something failed in the registrar while answering; the request was not completed, and a retry with the same Idempotency-Key is safe.");

    public static readonly ProblemType LinkInvalid = new("/problems/link-invalid", "The link is not valid.",
        "The link's token is malformed or its signature does not match: it was not issued by this registrar.");

    public static readonly ProblemType LinkUsed = new("/problems/link-used", "The link was already used.",
        "The link works once and was already used; nothing was changed (KZ-5.3, UA-4.7).");

    public static readonly ProblemType LinkExpired = new("/problems/link-expired", "The link has expired.",
        "The link has expired; ask again for a new one (KZ-5.3, UA-4.7).");

    public static readonly ProblemType LinkSuperseded = new("/problems/link-superseded", "The link was mailed to an address no longer in use.",
        "The link was mailed to a contact e-mail the account has changed since: it proves nothing and sets nothing (KZ-2.2, KZ-5.3, UA-4.7, "
        + "UA-2.1.2); ask again, and the new link goes to the address in use now.");

    public static readonly ProblemType ProofNotAccepted = new("/problems/proof-not-accepted", "This request does not accept that proof.",
        "This kind of request does not accept that proof: 'rule' names the clause (KZ-5.3, UA-4.7, UA-1.5.8).");

    public static readonly ProblemType PaymentNotApplicable = new("/problems/payment-not-applicable", "The held payment cannot be used that way.",
        "A held payment cannot be applied or refunded that way (another currency, a lapsed or paid invoice, more than came); "
        + "'reason' names why, and nothing was changed.");

    public static readonly ProblemType TransferRefused = new("/problems/transfer-refused", "No transfer code can be issued now.",
        "No transfer code is issued now: 'reasons' names each reason with its 'rule' (a renewal unpaid past a domain's expiry, a service already rendered, UA-3.5; "
        + "another agreement with the registrar that forbids the transfer, named in 'detail', KZ-App-9); "
        + "pay what is open, or settle the agreement, and ask again.");

    /// <summary>Every type, as <c>GET /problems/{slug}</c> describes them.</summary>
    public static readonly IReadOnlyList<ProblemType> All =
    [
        Validation, TooManyRequests, MalformedBody, BodyTooLarge, UnsupportedMediaType, TransferCodingNotImplemented, Unauthenticated, Forbidden, NotFound,
        MethodNotAllowed, QueryNotServed, PreconditionFailed, Conflict, IdempotencyKeyReused, IdempotencyKeyInUse, NotificationRejected, RegistryUnavailable, CalendarMissing, ServerError,
        LinkInvalid, LinkUsed, LinkExpired, LinkSuperseded, ProofNotAccepted, PaymentNotApplicable, TransferRefused,
    ];

    public static ProblemType? Find(string? uri) => All.FirstOrDefault(t => t.Uri == uri);
}
