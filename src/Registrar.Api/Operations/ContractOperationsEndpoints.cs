using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Registrar.Api.Endpoints;

namespace Registrar.Api.Operations;

public static class ContractOperationsEndpoints
{
    /// <summary>Force majeure notices (KZ-5.6, UA-7.2, UA-7.3) and early-termination refund quotes (UA-6.2, UA-6.3).</summary>
    public static IEndpointRouteBuilder MapContractOperations(this IEndpointRouteBuilder routes)
    {
        var ops = routes.MapGroup("/api/ops").WithTags("Operations");
        ops.MapPost("/force-majeure", (HttpRequest request, ForceMajeureHandlers handlers, CancellationToken ct) => handlers.RecordAsync(request, ct))
            .WithIdempotencyKey()
            .Accepts<RecordForceMajeureNotice>("application/json").Produces<ForceMajeureNoticeView>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesProblem(401).ProducesProblem(409).ProducesProblem(422).ProducesProblem(503)
            .WithSummary("Record a force majeure notice; its notice and proof deadlines are counted and late ones marked (KZ-5.6, UA-7.2, UA-7.3). " +
                         "Send an Idempotency-Key to make retries safe.");
        ops.MapGet("/force-majeure", (HttpRequest request, ForceMajeureHandlers handlers, CancellationToken ct) => handlers.ListAsync(request, ct))
            .Produces<List<ForceMajeureNoticeView>>().ProducesProblem(401)
            .WithSummary("The force majeure notices, each with its deadlines and whether it is late as of today.");
        ops.MapPost("/force-majeure/{noticeId}/proof",
                (HttpRequest request, string noticeId, ForceMajeureProofHandler handler, CancellationToken ct) => handler.RecordAsync(request, noticeId, ct))
            .Accepts<RecordForceMajeureProof>("application/json").Produces<ForceMajeureNoticeView>()
            .ProducesValidationProblem().ProducesProblem(401).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Record the day a force majeure's documents were given, after its notice; whether it came in time is shown (UA-7.3).");
        ops.MapGet("/registrations/{registrationId}/early-termination-refund",
                (HttpRequest request, string registrationId, string? on, EarlyTerminationRefundHandler handler, CancellationToken ct) =>
                    handler.QuoteAsync(request, registrationId, on, ct))
            .Produces<EarlyTerminationRefundQuote>().ProducesValidationProblem().ProducesProblem(401).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("What the registrar refunds if it ends the service early on ?on=yyyy-MM-dd: whole unused months, not the month " +
                         "of termination (UA-6.2, UA-6.3).");
        return routes;
    }
}
