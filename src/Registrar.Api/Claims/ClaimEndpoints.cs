using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Registrar.Api.Endpoints;

namespace Registrar.Api.Claims;

public static class ClaimEndpoints
{
    /// <summary>UA-5.1, UA-5.2: the registrant files a claim through the storefront; operations list and answer claims.</summary>
    public static IEndpointRouteBuilder MapClaims(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/claims", (HttpRequest request, ClaimHandlers handlers, CancellationToken ct) => handlers.FileAsync(request, ct))
            .WithTags("Storefront")
            .WithCustomerId().WithIdempotencyKey()
            .Accepts<FileClaim>("application/json").Produces<ClaimView>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesProblem(401).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(503)
            .WithSummary("File a written claim about a registration: within 3 calendar days of the disputed event, with proof of payment " +
                         "(UA-5.1, UA-5.2); answered within 14 business days. A refusal names its rule in \"rule\". Send an Idempotency-Key " +
                         "to make retries safe.");
        var ops = routes.MapGroup("/api/ops/claims").WithTags("Operations");
        ops.MapGet("", (HttpRequest request, ClaimHandlers handlers, CancellationToken ct) => handlers.ListAsync(request, ct))
            .Produces<List<ClaimView>>().ProducesProblem(401)
            .WithSummary("The claims, newest first, each with its answer deadline and whether it is overdue (UA-5.1).");
        ops.MapPost("/{claimId}/answer", (HttpRequest request, string claimId, ClaimHandlers handlers, CancellationToken ct) =>
                handlers.AnswerAsync(request, claimId, ct))
            .Accepts<AnswerClaim>("application/json").Produces<ClaimView>()
            .ProducesValidationProblem().ProducesProblem(401).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Answer a claim, once; who answered, when and whether in time are kept and audited. The same answer again " +
                         "gets the claim as answered; another is a 409.");
        return routes;
    }
}
