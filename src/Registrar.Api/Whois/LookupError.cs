using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Registrar.Api.Http;

namespace Registrar.Api.Whois;

/// <summary>
/// An error of the public lookups. Its body is an RDAP error response (RFC 9083 6: errorCode, title, description,
/// with rdapConformance) and an RFC 9457 problem (type, status, detail) at once: the two share only "title", which
/// means the same in both. An RDAP client asks for application/rdap+json (RFC 7480 4.2) and gets that media type;
/// any other caller gets application/problem+json, as from every other route of this API.
/// </summary>
/// <param name="field">For a validation problem: the field named under "errors", as every validation problem of this API does.</param>
/// <param name="type">The problem type, whose one title is also the RDAP "title".</param>
public sealed class LookupError(int status, ProblemType type, string detail, TimeSpan? retryAfter = null, string? field = null) : IResult
{
    /// <summary>RFC 7480 5.4: a query that is not a domain name at all.</summary>
    public static LookupError BadName(string detail) =>
        new(StatusCodes.Status400BadRequest, ProblemTypes.Validation, detail, field: "name");

    public static LookupError NotHeld(string detail) => new(StatusCodes.Status404NotFound, ProblemTypes.NotFound, detail);

    /// <summary>RFC 7480 5.5: too many queries from one client; <c>Retry-After</c> says when to ask again.</summary>
    public static LookupError TooManyRequests(TimeSpan retryAfter) =>
        new(StatusCodes.Status429TooManyRequests, ProblemTypes.TooManyRequests,
            $"This address asked too often; ask again in {Seconds(retryAfter)} s.", retryAfter);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = status;
        response.ContentType = RdapJsonResult.IsAccepted(httpContext.Request) ? RdapJsonResult.MediaType : "application/problem+json";
        // RFC 9110 section 12.5.5: the media type follows Accept, so a cache must not hand one caller's answer to the other
        // (a 404 is cacheable by default, RFC 9111 section 4.2.2).
        response.Headers.Append(HeaderNames.Vary, HeaderNames.Accept);
        response.Headers[HeaderNames.AccessControlAllowOrigin] = "*";
        if (retryAfter is { } after) response.Headers.RetryAfter = Seconds(after).ToString(CultureInfo.InvariantCulture);
        var body = new JsonObject
        {
            ["rdapConformance"] = new JsonArray("rdap_level_0"),
            ["errorCode"] = status,
            ["title"] = type.Title,
            ["description"] = new JsonArray(detail),
            ["type"] = type.Uri,
            ["status"] = status,
            ["detail"] = detail,
        };
        if (field is not null) body["errors"] = new JsonObject { [field] = new JsonArray(detail) };
        await response.WriteAsync(body.ToJsonString(), httpContext.RequestAborted);
    }

    private static int Seconds(TimeSpan span) => Math.Max(1, (int)Math.Ceiling(span.TotalSeconds));
}
