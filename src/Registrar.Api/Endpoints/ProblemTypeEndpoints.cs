using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Registrar.Api.Http;

namespace Registrar.Api.Endpoints;

public static class ProblemTypeEndpoints
{
    /// <summary>Describes each problem type, so the relative "type" URIs in problem details resolve to a page.</summary>
    public static IEndpointRouteBuilder MapProblemTypes(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/problems/{slug}", (string slug) =>
                ProblemTypes.Descriptions.TryGetValue("/problems/" + slug, out var description)
                    ? Results.Text(description)
                    : Problems.NotFound($"Problem type '{slug}'"))
            .ExcludeFromDescription();
        return routes;
    }
}
