using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Registrar.Api.Http;

namespace Registrar.Api.Endpoints;

public static class ProblemTypeEndpoints
{
    /// <summary>Describes each problem type (<see cref="ProblemTypePages"/>), so the relative "type" URIs in problem details
    /// resolve against the host's address.</summary>
    public static IEndpointRouteBuilder MapProblemTypes(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/problems/{slug}", ProblemTypePages.Describe).ExcludeFromDescription();
        return routes;
    }
}
