using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Registrar.Api.Http;

/// <summary>
/// A 503 that says when to ask again. RFC 9110 section 10.2.3: <c>Retry-After</c> on a 503 tells the client how long the
/// service is expected to be unavailable, so a storefront retries then instead of at once or never. Like
/// <see cref="ChallengeResult"/>, it sets the field and then writes the problem it wraps, the same in both hosts.
/// </summary>
public sealed class RetryLaterResult(IResult answer, TimeSpan after) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => (answer as IStatusCodeHttpResult)?.StatusCode;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.RetryAfter = ((long)Math.Ceiling(after.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return answer.ExecuteAsync(httpContext);
    }
}
