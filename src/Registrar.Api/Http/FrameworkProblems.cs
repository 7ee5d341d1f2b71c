using Microsoft.AspNetCore.Http;

namespace Registrar.Api.Http;

/// <summary>
/// Problems the framework answers by itself (no route, wrong method, media type the route does not
/// accept, an unhandled exception) get the same shape as the handlers' own: a type from
/// <see cref="ProblemTypes"/> where one fits, and always a detail a person can act on.
/// </summary>
public static class FrameworkProblems
{
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        (problem.Type, problem.Detail) = problem.Status switch
        {
            StatusCodes.Status404NotFound => (ProblemTypes.NotFound, problem.Detail ?? $"Nothing is served at {context.HttpContext.Request.Path}; see /openapi/v1.json."),
            StatusCodes.Status405MethodNotAllowed => (problem.Type, problem.Detail ?? $"{context.HttpContext.Request.Method} is not allowed here; see /openapi/v1.json."),
            StatusCodes.Status415UnsupportedMediaType => (ProblemTypes.UnsupportedMediaType, problem.Detail ?? "Send the body with the Content-Type this endpoint accepts; see /openapi/v1.json."),
            StatusCodes.Status500InternalServerError => (problem.Type, "The request failed on our side and was not completed; it is safe to retry with the same Idempotency-Key."),
            _ => (problem.Type, problem.Detail ?? problem.Title),
        };
    }
}
