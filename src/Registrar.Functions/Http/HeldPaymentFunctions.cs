using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Registrar.Api.Operations;

namespace Registrar.Functions.Http;

/// <summary>Held payments for operations (UA-3.2), and credits read from bank messages that could not be, the same handlers as the local host.</summary>
public sealed class HeldPaymentFunctions(HeldPaymentHandlers handlers, ReadCreditHandler readCredit)
{
    [Function("ListHeldPayments")]
    public async Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Function, "get", "head", Route = "api/ops/payments/held")] HttpRequest req, CancellationToken ct) =>
        new HandlerResult(await handlers.ListAsync(req, ct));

    [Function("ApplyHeldPayment")]
    public async Task<IActionResult> Apply(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/ops/payments/held/{reference}/apply")] HttpRequest req, string reference, CancellationToken ct) =>
        new HandlerResult(await handlers.ApplyAsync(req, reference, ct));

    [Function("RefundHeldPayment")]
    public async Task<IActionResult> Refund(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/ops/payments/held/{reference}/refund")] HttpRequest req, string reference, CancellationToken ct) =>
        new HandlerResult(await handlers.RefundAsync(req, reference, ct));

    [Function("ReadCredit")]
    public async Task<IActionResult> ReadCredit(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/ops/review/{itemId}/credits")] HttpRequest req, string itemId, CancellationToken ct) =>
        new HandlerResult(await readCredit.HandleAsync(req, itemId, ct));
}
