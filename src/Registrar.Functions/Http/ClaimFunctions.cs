using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Registrar.Api.Claims;

namespace Registrar.Functions.Http;

/// <summary>Claims (UA-5.1, UA-5.2): filed by the storefront for a customer, listed and answered by operations.</summary>
public sealed class ClaimFunctions(ClaimHandlers handlers)
{
    [Function("FileClaim")]
    public async Task<IActionResult> File(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/claims")] HttpRequest req, CancellationToken ct) =>
        new HandlerResult(await handlers.FileAsync(req, ct));

    [Function("ListClaims")]
    public async Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Function, "get", "head", Route = "api/ops/claims")] HttpRequest req, CancellationToken ct) =>
        new HandlerResult(await handlers.ListAsync(req, ct));

    [Function("AnswerClaim")]
    public async Task<IActionResult> Answer(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/ops/claims/{claimId}/answer")] HttpRequest req, string claimId, CancellationToken ct) =>
        new HandlerResult(await handlers.AnswerAsync(req, claimId, ct));
}
