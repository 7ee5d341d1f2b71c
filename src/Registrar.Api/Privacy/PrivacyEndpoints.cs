using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Registrar.Api.Endpoints;

namespace Registrar.Api.Privacy;

public static class PrivacyEndpoints
{
    /// <summary>Personal data (UA-Pre-6): erasure requests recorded by operations.</summary>
    public static IEndpointRouteBuilder MapPrivacy(this IEndpointRouteBuilder routes)
    {
        var ops = routes.MapGroup("/api/ops").WithTags("Operations");
        ops.MapPost("/erasure-requests", (HttpRequest request, ErasureRequestHandler handler, CancellationToken ct) => handler.RecordAsync(request, ct))
            .WithIdempotencyKey()
            .Accepts<RecordErasureRequest>("application/json").Produces<ErasureRequestView>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422)
            .WithSummary("Record a registrant's written erasure request: the contract ends from the date of the registrar's reply, and " +
                         "the customer's personal data are erased then, financial records kept with the person's data replaced (UA-Pre-6). " +
                         "Send an Idempotency-Key to make retries safe.");
        return routes;
    }
}
