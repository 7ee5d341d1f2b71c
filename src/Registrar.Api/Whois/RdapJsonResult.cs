using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Registrar.Api.Whois;

/// <summary>An RDAP answer: application/rdap+json (RFC 7480 4.2), readable from any web page's script (RFC 7480 5.6).</summary>
public sealed class RdapJsonResult(JsonObject document) : IResult
{
    public const string MediaType = "application/rdap+json";

    /// <summary>Whether the request's Accept header names <paramref name="mediaType"/> itself (not a range such as <c>*/*</c>).</summary>
    public static bool Names(HttpRequest request, string mediaType) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase) && a.Quality is null or > 0);

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.ContentType = MediaType;
        httpContext.Response.Headers[HeaderNames.AccessControlAllowOrigin] = "*";
        return httpContext.Response.WriteAsync(document.ToJsonString(), httpContext.RequestAborted);
    }
}

/// <summary>Marks the RDAP routes, whose refusals by the rate limiter are RDAP errors; the WHOIS route's are problems alone.</summary>
public sealed record RdapEndpointMetadata;
