using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Registrar.Api.Whois;

namespace Registrar.Functions.Http;

/// <summary>UA-1.16 disclosures to authorised bodies, for operations (the handlers check the operations key).</summary>
public sealed class DisclosureFunctions(DisclosureHandlers handlers)
{
    [Function("RecordDisclosureRequest")]
    public async Task<IActionResult> Record(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/ops/disclosures")] HttpRequest req, CancellationToken ct) =>
        new HandlerResult(await handlers.RecordAsync(req, ct));

    [Function("GetDisclosureRequest")]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", "head", Route = "api/ops/disclosures/{requestId}")] HttpRequest req, string requestId, CancellationToken ct) =>
        new HandlerResult(await handlers.GetAsync(req, requestId, ct));

    [Function("ApproveDisclosureRequest")]
    public async Task<IActionResult> Approve(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/ops/disclosures/{requestId}/approval")] HttpRequest req, string requestId, CancellationToken ct) =>
        new HandlerResult(await handlers.ApproveAsync(req, requestId, ct));

    [Function("RefuseDisclosureRequest")]
    public async Task<IActionResult> Refuse(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/ops/disclosures/{requestId}/refusal")] HttpRequest req, string requestId, CancellationToken ct) =>
        new HandlerResult(await handlers.RefuseAsync(req, requestId, ct));

    [Function("DiscloseRegistrantData")]
    public async Task<IActionResult> Disclose(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/ops/disclosures/{requestId}/disclosure")] HttpRequest req, string requestId, CancellationToken ct) =>
        new HandlerResult(await handlers.DiscloseAsync(req, requestId, ct));
}
