using Microsoft.AspNetCore.Diagnostics;
using Registrar.Api.Http;

namespace Registrar.LocalHost.Http;

/// <summary>The local host's answer to a body that breaks HTTP framing (<see cref="UnreadableBody"/>): without it
/// such a request reached the exception handler as a 500 with a stack trace per request, a cheap log flood.</summary>
public sealed class UnreadableBodyHandler(IProblemDetailsService problems, ILogger<UnreadableBodyHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!UnreadableBody.Is(exception) || httpContext.Response.HasStarted) return false;

        logger.LogDebug("Unreadable request body on {Method} {Path}: {Reason}",
            httpContext.Request.Method, httpContext.Request.Path, exception.Message);
        var problem = UnreadableBody.Problem(exception, httpContext.Response);
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, Exception = exception, ProblemDetails = problem });
    }
}
