using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Registrar.Api.Banks;

namespace Registrar.Functions.Http;

/// <summary>Bank payment notifications. The function key is in the URL given to the bank; each
/// handler still verifies the bank's signature before anything else.</summary>
public sealed class BankFunctions(BankNotificationHandlers handlers)
{
    [Function("BankCamt054")]
    public async Task<IActionResult> Camt054(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/banks/{bankId}/camt054")] HttpRequest req, string bankId, CancellationToken ct) =>
        new HandlerResult(await handlers.Camt054Async(req, bankId, ct));

    [Function("BankHmacNotification")]
    public async Task<IActionResult> HmacNotification(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/banks/{bankId}/notifications")] HttpRequest req, string bankId, CancellationToken ct) =>
        new HandlerResult(await handlers.HmacJsonAsync(req, bankId, ct));

    [Function("BankAcquiring")]
    public async Task<IActionResult> Acquiring(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/banks/{bankId}/acquiring")] HttpRequest req, string bankId, CancellationToken ct) =>
        new HandlerResult(await handlers.EcdsaJsonAsync(req, bankId, ct));
}
