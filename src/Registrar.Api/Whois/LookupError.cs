using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Registrar.Api.Http;

namespace Registrar.Api.Whois;

/// <summary>
/// An error of the public lookups. An RDAP lookup's body is an RDAP error response (RFC 9083 6: errorCode, title, description,
/// with rdapConformance) and an RFC 9457 problem (type, status, detail) at once: the two share only "title", which
/// means the same in both. It goes out as application/rdap+json, whatever generic type the client accepts (RFC 7480 4.2: a
/// server answers an RDAP request with the RDAP media type), unless the client asks for application/problem+json and not for
/// RDAP's, as a caller of every other route of this API may. A WHOIS lookup's is the problem alone
/// (<see cref="AsProblem"/>). Both name the request's trace in "traceId".
/// </summary>
/// <param name="field">For a validation problem: the field named under "errors", as every validation problem of this API does.</param>
/// <param name="type">The problem type, whose one title is also the RDAP "title".</param>
/// <param name="rdap">False for the plain-text WHOIS endpoint, whose errors are RFC 9457 problems alone, as every other route's.</param>
public sealed class LookupError(int status, ProblemType type, string detail, TimeSpan? retryAfter = null, string? field = null, bool rdap = true) : IResult
{
    /// <summary>RFC 7480 5.4: a query that is not a domain name at all.</summary>
    public static LookupError BadName(string detail) =>
        new(StatusCodes.Status400BadRequest, ProblemTypes.Validation, detail, field: "name");

    public static LookupError NotHeld(string detail) => new(StatusCodes.Status404NotFound, ProblemTypes.NotFound, detail);

    /// <summary>An RDAP query type (RFC 9082 section 3.1) this server does not answer, as RDAP servers commonly say it.</summary>
    public static LookupError NotServed(string detail) => new(StatusCodes.Status501NotImplemented, ProblemTypes.QueryNotServed, detail);

    /// <summary>RFC 9110 section 15.5.6, on the RDAP paths: an RDAP error naming the methods in Allow.</summary>
    public static LookupError MethodNotAllowed(string detail) => new(StatusCodes.Status405MethodNotAllowed, ProblemTypes.MethodNotAllowed, detail);

    /// <summary>RFC 7480 5.5: too many queries from one client; <c>Retry-After</c> says when to ask again.</summary>
    public static LookupError TooManyRequests(TimeSpan retryAfter) =>
        new(StatusCodes.Status429TooManyRequests, ProblemTypes.TooManyRequests,
            $"This address asked too often; ask again in {Seconds(retryAfter)} s.", retryAfter);

    /// <summary>The same error for the WHOIS endpoint: a problem without the RDAP members, written as every other problem is.</summary>
    public LookupError AsProblem() => new(status, type, detail, retryAfter, field, rdap: false);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        if (retryAfter is { } wait) response.Headers.RetryAfter = Seconds(wait).ToString(CultureInfo.InvariantCulture);
        if (!rdap)
        {
            await (field is null
                ? TypedResults.Problem(detail, statusCode: status, title: type.Title, type: type.Uri)
                : Problems.Validation(field, detail)).ExecuteAsync(httpContext);
            return;
        }
        response.StatusCode = status;
        response.ContentType = AsksForProblemOnly(httpContext.Request) ? ProblemMediaType : RdapJsonResult.MediaType;
        // RFC 9110 section 12.5.5: the media type follows Accept, so a cache must not hand one caller's answer to the other
        // (a 404 is cacheable by default, RFC 9111 section 4.2.2).
        response.Headers.Append(HeaderNames.Vary, HeaderNames.Accept);
        response.Headers[HeaderNames.AccessControlAllowOrigin] = "*";
        // A page's script reads only the CORS-safelisted fields unless told: Retry-After is how it learns when to ask again.
        if (retryAfter is not null) response.Headers[HeaderNames.AccessControlExposeHeaders] = HeaderNames.RetryAfter;
        var body = new JsonObject
        {
            ["rdapConformance"] = new JsonArray("rdap_level_0"),
            ["errorCode"] = status,
            ["title"] = type.Title,
            ["description"] = new JsonArray(detail),
            ["type"] = type.Uri,
            ["status"] = status,
            ["detail"] = detail,
            // RFC 9083 section 6 lets an error carry members beyond its own: the trace every problem of this API names.
            ["traceId"] = Activity.Current?.Id ?? httpContext.TraceIdentifier,
        };
        if (field is not null) body["errors"] = new JsonObject { [field] = new JsonArray(detail) };
        await response.WriteAsync(body.ToJsonString(), httpContext.RequestAborted);
    }

    private const string ProblemMediaType = "application/problem+json";

    private static bool AsksForProblemOnly(HttpRequest request) =>
        RdapJsonResult.Names(request, ProblemMediaType) && !RdapJsonResult.Names(request, RdapJsonResult.MediaType);

    private static int Seconds(TimeSpan span) => Math.Max(1, (int)Math.Ceiling(span.TotalSeconds));
}
