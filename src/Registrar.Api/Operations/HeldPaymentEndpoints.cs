using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Registrar.Api.Operations;

public static class HeldPaymentEndpoints
{
    /// <summary>Held payments (UA-3.2): listed, then applied to an invoice (the one they named or another order's) or refunded, once.</summary>
    public static IEndpointRouteBuilder MapHeldPayments(this IEndpointRouteBuilder routes)
    {
        var held = routes.MapGroup("/api/ops/payments/held").WithTags("Operations");
        held.MapGet("", (HttpRequest request, HeldPaymentHandlers handlers, CancellationToken ct) => handlers.ListAsync(request, ct))
            .Produces<List<HeldPaymentView>>().ProducesProblem(401)
            .WithSummary("The bank credits held for operations, oldest first (UA-3.2).");
        held.MapPost("/{reference}/apply", (HttpRequest request, string reference, HeldPaymentHandlers handlers, CancellationToken ct) =>
                handlers.ApplyAsync(request, reference, ct))
            .Accepts<ApplyHeldPayment>("application/json").Produces<HeldPaymentActionResult>()
            .ProducesValidationProblem().ProducesProblem(401).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422)
            .WithSummary("Apply a held payment to an invoice; with the credits held for it, a top-up that makes it whole pays it.");
        held.MapPost("/{reference}/refund", (HttpRequest request, string reference, HeldPaymentHandlers handlers, CancellationToken ct) =>
                handlers.RefundAsync(request, reference, ct))
            .Accepts<RefundHeldPayment>("application/json").Produces<HeldPaymentActionResult>()
            .ProducesValidationProblem().ProducesProblem(401).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422)
            .WithSummary("Record the refund of a held payment (amount, currency, the outgoing transfer's bank reference, why).");
        return routes;
    }
}
