using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Registrar.Api.Privacy;

namespace Registrar.Functions.Http;

/// <summary>Personal data (UA-Pre-6), for operations: a registrant's written erasure request.</summary>
public sealed class PrivacyFunctions(ErasureRequestHandler erasureRequests)
{
    [Function("RecordErasureRequest")]
    public async Task<IActionResult> RecordErasureRequest(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/ops/erasure-requests")] HttpRequest req, CancellationToken ct) =>
        new HandlerResult(await erasureRequests.RecordAsync(req, ct));
}
