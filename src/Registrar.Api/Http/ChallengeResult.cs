using Microsoft.AspNetCore.Http;

namespace Registrar.Api.Http;

/// <summary>
/// A 401 with its <c>WWW-Authenticate</c> challenge. RFC 9110 section 11.6.1: a server generating a 401 "MUST send a
/// WWW-Authenticate header field containing at least one challenge applicable to the target resource", so the client
/// learns how to authenticate instead of guessing. A <see cref="Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult"/>
/// writes no such field; this sets it and then writes the answer it wraps (a problem, or the operations page's sign-in form),
/// the same in both hosts, since the Functions app runs handlers' results as they are.
/// </summary>
public sealed class ChallengeResult(IResult answer, string challenge) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => (answer as IStatusCodeHttpResult)?.StatusCode;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.WWWAuthenticate = challenge;
        return answer.ExecuteAsync(httpContext);
    }
}
