using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Registrar.Api.Operations;

namespace Registrar.Functions.Http;

/// <summary>Force majeure notices (KZ-5.6, UA-7.2, UA-7.3) and early-termination refund quotes (UA-6.2, UA-6.3), for operations.</summary>
public sealed class ContractOperationsFunctions(ForceMajeureHandlers forceMajeure, ForceMajeureProofHandler proofs, EarlyTerminationRefundHandler refunds)
{
    [Function("RecordForceMajeureNotice")]
    public async Task<IActionResult> RecordForceMajeure(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/ops/force-majeure")] HttpRequest req, CancellationToken ct) =>
        new HandlerResult(await forceMajeure.RecordAsync(req, ct));

    [Function("ListForceMajeureNotices")]
    public async Task<IActionResult> ListForceMajeure(
        [HttpTrigger(AuthorizationLevel.Function, "get", "head", Route = "api/ops/force-majeure")] HttpRequest req, CancellationToken ct) =>
        new HandlerResult(await forceMajeure.ListAsync(req, ct));

    [Function("RecordForceMajeureProof")]
    public async Task<IActionResult> RecordForceMajeureProof(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/ops/force-majeure/{noticeId}/proof")] HttpRequest req, string noticeId,
        CancellationToken ct) =>
        new HandlerResult(await proofs.RecordAsync(req, noticeId, ct));

    [Function("QuoteEarlyTerminationRefund")]
    public async Task<IActionResult> QuoteEarlyTerminationRefund(
        [HttpTrigger(AuthorizationLevel.Function, "get", "head", Route = "api/ops/registrations/{registrationId}/early-termination-refund")] HttpRequest req,
        string registrationId, CancellationToken ct) =>
        new HandlerResult(await refunds.QuoteAsync(req, registrationId, req.Query["on"].ToString(), ct));
}
