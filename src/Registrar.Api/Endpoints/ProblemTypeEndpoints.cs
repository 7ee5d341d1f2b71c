using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Registrar.Api.Http;

namespace Registrar.Api.Endpoints;

public static class ProblemTypeEndpoints
{
    /// <summary>Describes each problem type, so the relative "type" URIs in problem details resolve to a page (RFC 9457
    /// section 3.1.1) that gives the type's title, as every problem of that type carries it, and what it means.</summary>
    public static IEndpointRouteBuilder MapProblemTypes(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/problems/{slug}", (string slug) =>
                ProblemTypes.Find("/problems/" + slug) is { } type
                    ? Results.Text($"{type.Title}\n\n{type.Description}")
                    : Problems.NotFound($"Problem type '{slug}'"))
            .ExcludeFromDescription();
        return routes;
    }
}
