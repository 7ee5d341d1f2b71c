using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Registrar.Api.Operations.Page;

namespace Registrar.Functions.Http;

/// <summary>
/// The operations page in Azure: the local host's handlers behind HTTP triggers under <c>/api/ops/page</c>. A browser cannot
/// send a function key, so these triggers are anonymous: the page's own sign-in (the operations key, once, in a form) and its
/// signed session cookie guard every view and action, as in the local host. The page's links and cookie path follow
/// "OperationsPage:BasePath", which this app sets to where its triggers are.
/// </summary>
public sealed class OperationsPageFunctions(
    OperationsOverviewPage overview, RegistrationTimelinePage timeline, OperationsPageHandlers handlers, HeldPaymentPageHandlers heldPayments,
    DecisionPageHandlers decisions)
{
    /// <summary>The triggers' route, under /api as every route but the problem type pages (host.json sets no route prefix).</summary>
    public const string Route = "api/ops/page";

    public const string BasePath = "/" + Route;

    [Function("OperationsPage")]
    public async Task<IActionResult> Overview(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = Route)] HttpRequest req, CancellationToken ct) =>
        new HandlerResult(await overview.RenderAsync(req, ct));

    [Function("OperationsPageSignIn")]
    public async Task<IActionResult> SignIn(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Route + "/sign-in")] HttpRequest req, CancellationToken ct) =>
        new HandlerResult(await handlers.SignInAsync(req, ct));

    [Function("OperationsPageSignOut")]
    public async Task<IActionResult> SignOut(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Route + "/sign-out")] HttpRequest req, CancellationToken ct) =>
        new HandlerResult(await handlers.SignOutAsync(req, ct));

    [Function("OperationsPageRegistration")]
    public async Task<IActionResult> Registration(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = Route + "/registrations/{registrationId}")] HttpRequest req,
        string registrationId, CancellationToken ct) =>
        new HandlerResult(await timeline.RenderAsync(req, registrationId, ct));

    [Function("OperationsPageTrademark")]
    public async Task<IActionResult> Trademark(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Route + "/registrations/{registrationId}/trademark")] HttpRequest req,
        string registrationId, CancellationToken ct) =>
        new HandlerResult(await handlers.ReviewTrademarkAsync(req, registrationId, ct));

    [Function("OperationsPageRetry")]
    public async Task<IActionResult> Retry(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Route + "/registrations/{registrationId}/retry")] HttpRequest req,
        string registrationId, CancellationToken ct) =>
        new HandlerResult(await handlers.RetryAsync(req, registrationId, ct));

    [Function("OperationsPageDecision")]
    public async Task<IActionResult> Decision(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Route + "/registrations/{registrationId}/decisions")] HttpRequest req,
        string registrationId, CancellationToken ct) =>
        new HandlerResult(await decisions.DecideAsync(req, registrationId, ct));

    [Function("OperationsPageResendNotice")]
    public async Task<IActionResult> ResendNotice(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Route + "/registrations/{registrationId}/notices/{noticeId}/resend")] HttpRequest req,
        string registrationId, string noticeId, CancellationToken ct) =>
        new HandlerResult(await handlers.ResendNoticeAsync(req, registrationId, noticeId, ct));

    [Function("OperationsPageApplyHeldPayment")]
    public async Task<IActionResult> ApplyHeldPayment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Route + "/payments/held/{reference}/apply")] HttpRequest req,
        string reference, CancellationToken ct) =>
        new HandlerResult(await heldPayments.ApplyAsync(req, reference, ct));

    [Function("OperationsPageRefundHeldPayment")]
    public async Task<IActionResult> RefundHeldPayment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Route + "/payments/held/{reference}/refund")] HttpRequest req,
        string reference, CancellationToken ct) =>
        new HandlerResult(await heldPayments.RefundAsync(req, reference, ct));
}
