using Microsoft.AspNetCore.Http;

namespace Registrar.Api.Http;

/// <summary>
/// Problems the framework answers by itself (no route, wrong method, a media type or body size the route does not
/// accept, an unhandled exception) get the same shape as the handlers' own: a type of <see cref="ProblemTypes"/>, with
/// that type's one title (RFC 9457 section 3.1.3), rather than the framework's RFC 9110 section links and reason
/// phrases, and always a detail a person can act on. A problem that already has one of the API's types keeps it.
/// </summary>
public static class FrameworkProblems
{
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var request = context.HttpContext.Request;
        var (type, detail) = ProblemTypes.Find(problem.Type) is { } own ? (own, problem.Detail) : problem.Status switch
        {
            StatusCodes.Status404NotFound => (ProblemTypes.NotFound, problem.Detail ?? $"Nothing is served at {request.Path}; see /openapi/v1.json."),
            StatusCodes.Status405MethodNotAllowed => (ProblemTypes.MethodNotAllowed,
                problem.Detail ?? $"{request.Method} is not allowed here; the Allow header lists the methods that are, see /openapi/v1.json."),
            StatusCodes.Status413PayloadTooLarge => (ProblemTypes.BodyTooLarge, problem.Detail ?? "The request body is larger than this endpoint accepts."),
            StatusCodes.Status415UnsupportedMediaType => (ProblemTypes.UnsupportedMediaType,
                problem.Detail ?? "Send the body with the Content-Type this endpoint accepts; see /openapi/v1.json."),
            // Never the exception's message: it may name internals, and says nothing the caller can act on.
            StatusCodes.Status500InternalServerError => (ProblemTypes.ServerError,
                "The request failed on our side and may be partly done. A retry with the same Idempotency-Key, where the endpoint takes "
                + "one, is answered as the first request was; elsewhere, look at the resource before retrying."),
            _ => ((ProblemType?)null, problem.Detail),
        };
        if (type is not null) (problem.Type, problem.Title) = (type.Uri, type.Title);
        problem.Detail = detail ?? problem.Title;
    }
}
