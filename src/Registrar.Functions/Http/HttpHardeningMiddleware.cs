using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;
using Registrar.Api.Http;

namespace Registrar.Functions.Http;

/// <summary>
/// What the local host's pipeline does for every HTTP response, for the HTTP triggers: no MIME sniffing
/// (<c>X-Content-Type-Options: nosniff</c>), and a body that breaks HTTP framing answered as a 400 problem
/// logged once at Debug (<see cref="UnreadableBody"/>) rather than a 500.
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
        try
        {
            await next(context);
        }
        catch (Exception e) when (UnreadableBody.Is(e) && !http.Response.HasStarted)
        {
            logger.LogDebug("Unreadable request body on {Function}: {Reason}", context.FunctionDefinition.Name, e.Message);
            await TypedResults.Problem(UnreadableBody.Detail, statusCode: UnreadableBody.StatusOf(e), title: "The request body is malformed.",
                type: ProblemTypes.MalformedBody).ExecuteAsync(http);
        }
    }
}
