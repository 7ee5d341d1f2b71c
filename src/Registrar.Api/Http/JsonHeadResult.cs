using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Registrar.Api.Http;

/// <summary>RFC 9110 section 9.3.2: the answer to a HEAD whose GET answers JSON content, where producing that content would carry
/// the request out: the GET's status and Content-Type, and no content.</summary>
public sealed class JsonHeadResult(int statusCode) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    /// <summary>What the framework names the JSON it writes for a GET (<c>TypedResults.Ok</c>).</summary>
    public const string JsonContentType = "application/json; charset=utf-8";

    public int? StatusCode => statusCode;

    public string ContentType => JsonContentType;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = statusCode;
        httpContext.Response.ContentType = ContentType;
        return Task.CompletedTask;
    }
}
