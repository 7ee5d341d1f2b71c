namespace Registrar.Api.Http;

/// <summary>
/// The problem types this API answers with (RFC 9457 "type"). Relative URI references: they
/// resolve against the API's own address, where <c>GET /problems/{slug}</c> describes each one.
/// </summary>
public static class ProblemTypes
{
    public const string Validation = "/problems/validation";
    public const string MalformedBody = "/problems/malformed-body";
    public const string BodyTooLarge = "/problems/body-too-large";
    public const string UnsupportedMediaType = "/problems/unsupported-media-type";
    public const string Unauthenticated = "/problems/unauthenticated";
    public const string Forbidden = "/problems/forbidden";
    public const string NotFound = "/problems/not-found";
    public const string Conflict = "/problems/conflict";
    public const string IdempotencyKeyReused = "/problems/idempotency-key-reused";
    public const string NotificationRejected = "/problems/notification-rejected";
    public const string RegistryUnavailable = "/problems/registry-unavailable";
    public const string CalendarMissing = "/problems/calendar-missing";
    public const string TooManyRequests = "/problems/too-many-requests";
    public const string LinkInvalid = "/problems/link-invalid";
    public const string LinkUsed = "/problems/link-used";
    public const string LinkExpired = "/problems/link-expired";
    public const string ProofNotAccepted = "/problems/proof-not-accepted";
    public const string PaymentNotApplicable = "/problems/payment-not-applicable";
    public const string TransferRefused = "/problems/transfer-refused";

    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>
    {
        [Validation] = "One or more fields are invalid; 'errors' names each field and what is wrong with it.",
        [TooManyRequests] = "Too many lookups from one address; ask again after the time Retry-After gives.",
        [MalformedBody] = "The request body could not be read as the documented JSON or XML.",
        [BodyTooLarge] = "The request body is larger than this endpoint accepts.",
        [UnsupportedMediaType] = "The request's Content-Type is not the one this endpoint accepts.",
        [Unauthenticated] = "The request carries no valid client credentials.",
        [Forbidden] = "The authenticated client may not do this.",
        [NotFound] = "No such resource is visible to the caller.",
        [Conflict] = "The resource changed meanwhile or is in a state that does not allow this.",
        [IdempotencyKeyReused] = "The Idempotency-Key was already used with a different request body.",
        [NotificationRejected] = "A bank notification failed its authenticity or format checks; nothing was changed.",
        [RegistryUnavailable] = "The registry could not be reached; retry later.",
        [LinkInvalid] = "The link's token is malformed or its signature does not match: it was not issued by this registrar.",
        [LinkUsed] = "The link works once and was already used; nothing was changed (KZ-5.3, UA-4.7).",
        [LinkExpired] = "The link has expired; ask again for a new one (KZ-5.3, UA-4.7).",
        [ProofNotAccepted] = "This kind of request does not accept that proof: 'rule' names the clause (KZ-5.3, UA-4.7, UA-1.5.8).",
        [PaymentNotApplicable] = "A held payment cannot be applied or refunded that way (another currency, a lapsed or paid invoice, " +
                                 "more than came); 'reason' names why, and nothing was changed.",
        [TransferRefused] = "No transfer code is issued now: 'reasons' names each reason with its 'rule' (an unpaid invoice, KZ-App-9, UA-3.5; "
                            + "another agreement with the registrar that forbids the transfer, named in 'detail', KZ-App-9); "
                            + "pay what is open, or settle the agreement, and ask again.",
        [CalendarMissing] = "A deadline falls in a year the business-day calendars do not cover yet; operations must add that year's calendar.",
    };
}
