using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;
using Registrar.Api.Http;

namespace Registrar.Functions.Http;

/// <summary>
/// What the local host's pipeline does for every HTTP response, for the HTTP triggers: no MIME sniffing
/// (<c>X-Content-Type-Options: nosniff</c>), no content in the answer to a HEAD, an If-Match no representation meets refused
/// (<see cref="Preconditions"/>), and a body that breaks HTTP framing
/// answered as a 400 problem logged once at Debug (<see cref="UnreadableBody"/>) rather than a 500.
/// </summary>
public sealed class HttpHardeningMiddleware(ILogger<HttpHardeningMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        var http = context.GetHttpContext();
        if (http is null)
        {
            await next(context);
            return;
        }

        http.Response.OnStarting(() =>
        {
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return Task.CompletedTask;
        });
        if (HttpMethods.IsHead(http.Request.Method)) DropContent(http);
        if (Preconditions.Refusal(http.Request) is { } refused)
        {
            await refused.ExecuteAsync(http);
            return;
        }
        try
        {
            await next(context);
        }
        catch (Exception e) when (UnreadableBody.Is(e) && !http.Response.HasStarted)
        {
            logger.LogDebug("Unreadable request body on {Function}: {Reason}", context.FunctionDefinition.Name, e.Message);
            await TypedResults.Problem(UnreadableBody.Problem(e, http.Response)).ExecuteAsync(http);
        }
    }

    /// <summary>
    /// RFC 9110 section 9.3.2: a HEAD is answered as its GET, by the same handler and result (status and header fields), but
    /// the server MUST NOT send content. The content the result writes goes nowhere, whichever server carries the worker's
    /// answer: its header fields stand, a Content-Length the result set among them (section 8.6), while one the server would
    /// have worked out from the content, or its chunked framing, is left out, as section 9.3.2 allows.
    /// </summary>
    private static void DropContent(HttpContext http) =>
        http.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null));
}
