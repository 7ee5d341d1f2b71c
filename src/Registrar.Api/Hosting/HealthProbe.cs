using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Registrar.Api.Hosting;

/// <summary>
/// The health probe both hosts answer (the local host's <c>/health</c>, the Functions app's <c>/api/health</c>), by the checks
/// both run (<see cref="HealthCheckServiceCollectionExtensions.AddRegistrarHealthChecks"/>), in the shape ASP.NET Core's health
/// check endpoint gives by default, which the local host answered before it shared this: the overall status as plain text, 200
/// while healthy or degraded and 503 when unhealthy, so a load balancer takes only an instance that cannot work out of rotation;
/// never cached, since a stale answer would hide that.
/// </summary>
public sealed class HealthProbe(HealthCheckService checks)
{
    public async Task<IResult> AnswerAsync(CancellationToken cancellationToken)
    {
        var status = (await checks.CheckHealthAsync(cancellationToken)).Status;
        return new Answer(status);
    }

    private sealed class Answer(HealthStatus status) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
            response.Headers.CacheControl = "no-store, no-cache";
            response.Headers.Pragma = "no-cache";
            response.Headers.Expires = "Thu, 01 Jan 1970 00:00:00 GMT";
            response.ContentType = "text/plain";
            return response.WriteAsync(status.ToString(), httpContext.RequestAborted);
        }
    }
}
