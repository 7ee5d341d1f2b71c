using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Registrar.Api.Http;

/// <summary>
/// Writes a problem for a request whose Accept lists no JSON type, which ASP.NET Core's own writer declines (it then
/// answers a 404 or 405 in plain text, and a handler's problem without its trace). RFC 9110 section 12.5.1 lets a
/// server answer outside what Accept lists, and an error the client cannot parse helps no one: the problem goes out as
/// RFC 9457 <c>application/problem+json</c>, with the same type, title and <c>traceId</c> as every other.
/// </summary>
public sealed class ProblemJsonWhateverAcceptWriter(IOptions<ProblemDetailsOptions> problems, IOptions<JsonOptions> json) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        problem.Status ??= http.Response.StatusCode;
        problem.Title ??= ReasonPhrases.GetReasonPhrase(problem.Status.Value);
        problem.Extensions.TryAdd("traceId", Activity.Current?.Id ?? http.TraceIdentifier);
        problems.Value.CustomizeProblemDetails?.Invoke(context);
        return new ValueTask(http.Response.WriteAsJsonAsync(problem, problem.GetType(), json.Value.SerializerOptions, "application/problem+json"));
    }
}
