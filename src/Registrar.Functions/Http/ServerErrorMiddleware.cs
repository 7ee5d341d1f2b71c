using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Registrar.Functions.Http;

/// <summary>
/// An HTTP trigger that throws answers as the local host's exception handler makes it: a 500 written through the shared
/// problem details service (the API's server-error type and title, a detail that names no internals, the request's
/// <c>traceId</c>), with the exception logged once. Left to itself the Functions host answers an empty 500. Functions without
/// an HTTP request (queues, timers, orchestrations) fail as before, so their host retries them.
/// </summary>
public sealed class ServerErrorMiddleware(ILogger<ServerErrorMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (context.GetHttpContext() is { Response.HasStarted: false } http)
        {
            // The function's name and invocation, never the request's path, query, headers or body: those may carry personal data.
            logger.LogError(e, "HTTP function {Function} failed in invocation {InvocationId}; answered a 500 problem",
                context.FunctionDefinition.Name, context.InvocationId);
            http.Response.Clear();
            http.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                Exception = e,
                ProblemDetails = { Status = StatusCodes.Status500InternalServerError },
            });
        }
    }
}
