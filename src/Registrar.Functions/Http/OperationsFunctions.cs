using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Registrar.Api.Hosting;
using Registrar.Api.Operations;

namespace Registrar.Functions.Http;

/// <summary>The operations API and the health probe (the local host's, through the same <see cref="HealthProbe"/>).</summary>
public sealed class OperationsFunctions(
    OperationsHandlers handlers, OperationsDecisionHandlers decisions, RefundDecisionHandlers refunds,
    WorkQueueHandler queues, NoticeResends resends, HealthProbe health)
{
    [Function("ListReview")]
    public async Task<IActionResult> ListReview(
        [HttpTrigger(AuthorizationLevel.Function, "get", "head", Route = "api/ops/review")] HttpRequest req, CancellationToken ct) =>
        new HandlerResult(await handlers.ListReviewAsync(req, ct));

    [Function("ListOperationsRegistrations")]
    public async Task<IActionResult> ListOperationsRegistrations(
        [HttpTrigger(AuthorizationLevel.Function, "get", "head", Route = "api/ops/registrations")] HttpRequest req, CancellationToken ct) =>
        new HandlerResult(await handlers.ListRegistrationsAsync(req, ct));

    [Function("ListWorkQueues")]
    public async Task<IActionResult> ListWorkQueues(
        [HttpTrigger(AuthorizationLevel.Function, "get", "head", Route = "api/ops/queues")] HttpRequest req, CancellationToken ct) =>
        new HandlerResult(await queues.ListAsync(req, ct));

    [Function("ListAuditEntries")]
    public async Task<IActionResult> ListAuditEntries(
        [HttpTrigger(AuthorizationLevel.Function, "get", "head", Route = "api/ops/audit")] HttpRequest req, CancellationToken ct) =>
        new HandlerResult(await handlers.ListAuditAsync(req, ct));

    [Function("ResolveReview")]
    public async Task<IActionResult> ResolveReview(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/ops/review/{itemId}/resolve")] HttpRequest req, string itemId, CancellationToken ct) =>
        new HandlerResult(await handlers.ResolveAsync(req, itemId, ct));

    [Function("ReviewTrademark")]
    public async Task<IActionResult> ReviewTrademark(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/ops/registrations/{registrationId}/trademark")] HttpRequest req, string registrationId, CancellationToken ct) =>
        new HandlerResult(await handlers.ReviewTrademarkAsync(req, registrationId, ct));

    [Function("RetryRegistration")]
    public async Task<IActionResult> RetryRegistration(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/ops/registrations/{registrationId}/retry")] HttpRequest req, string registrationId, CancellationToken ct) =>
        new HandlerResult(await handlers.RetryRegistrationAsync(req, registrationId, ct));

    [Function("DecideAboutRegistration")]
    public async Task<IActionResult> DecideAboutRegistration(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/ops/registrations/{registrationId}/decisions")] HttpRequest req, string registrationId, CancellationToken ct) =>
        new HandlerResult(await decisions.DecideAsync(req, registrationId, ct));

    [Function("DecideRefund")]
    public async Task<IActionResult> DecideRefund(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/ops/registrations/{registrationId}/refunds")] HttpRequest req, string registrationId, CancellationToken ct) =>
        new HandlerResult(await refunds.DecideAsync(req, registrationId, ct));

    [Function("ResendRegistrationNotice")]
    public async Task<IActionResult> ResendRegistrationNotice(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/ops/registrations/{registrationId}/notices/{noticeId}/resend")] HttpRequest req,
        string registrationId, string noticeId, CancellationToken ct) =>
        new HandlerResult(await resends.ResendAsync(req, registrationId, noticeId, ct));

    [Function("Health")]
    public async Task<IActionResult> Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/health")] HttpRequest req, CancellationToken ct) =>
        new HandlerResult(await health.AnswerAsync(ct));
}
