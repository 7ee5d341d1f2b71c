using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Registrar.Api.Storefront;

namespace Registrar.Functions.Http;

/// <summary>The storefront API (routes under /api, as in the local host). The storefront also
/// authenticates with its API key inside each handler.</summary>
public sealed class StorefrontFunctions(
    QuoteHandler quotes, PlaceOrderHandler orders, OrderQueries queries, InvoiceQueries invoices, NameTakenChoiceHandler choices,
    CustomerRequestHandlers requests, RequestConfirmationHandlers confirmations, RenewalInvoiceRequestHandler renewalInvoices,
    SetPasswordLinkHandler passwordLinks, TransferCodeHandOverHandler transferCodeHandOver)
{
    [Function("Quote")]
    public async Task<IActionResult> Quote(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/quotes")] HttpRequest req, CancellationToken ct) =>
        new HandlerResult(await quotes.HandleAsync(req, ct));

    [Function("PlaceOrder")]
    public async Task<IActionResult> PlaceOrder(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/orders")] HttpRequest req, CancellationToken ct) =>
        new HandlerResult(await orders.HandleAsync(req, ct));

    [Function("GetOrder")]
    public async Task<IActionResult> GetOrder(
        [HttpTrigger(AuthorizationLevel.Function, "get", "head", Route = "api/orders/{orderId}")] HttpRequest req, string orderId, CancellationToken ct) =>
        new HandlerResult(await queries.GetOrderAsync(req, orderId, ct));

    [Function("GetInvoice")]
    public async Task<IActionResult> GetInvoice(
        [HttpTrigger(AuthorizationLevel.Function, "get", "head", Route = "api/orders/{orderId}/invoice")] HttpRequest req, string orderId, CancellationToken ct) =>
        new HandlerResult(await queries.GetInvoiceAsync(req, orderId, ct));

    [Function("ListInvoices")]
    public async Task<IActionResult> ListInvoices(
        [HttpTrigger(AuthorizationLevel.Function, "get", "head", Route = "api/invoices")] HttpRequest req, CancellationToken ct) =>
        new HandlerResult(await invoices.ListAsync(req, ct));

    [Function("ListRegistrations")]
    public async Task<IActionResult> ListRegistrations(
        [HttpTrigger(AuthorizationLevel.Function, "get", "head", Route = "api/registrations")] HttpRequest req, CancellationToken ct) =>
        new HandlerResult(await queries.ListRegistrationsAsync(req, ct));

    [Function("ChooseAfterNameTaken")]
    public async Task<IActionResult> ChooseAfterNameTaken(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/registrations/{registrationId}/choice")] HttpRequest req, string registrationId, CancellationToken ct) =>
        new HandlerResult(await choices.HandleAsync(req, registrationId, ct));

    [Function("MakeCustomerRequest")]
    public async Task<IActionResult> MakeCustomerRequest(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/registrations/{registrationId}/requests")] HttpRequest req, string registrationId, CancellationToken ct) =>
        new HandlerResult(await requests.MakeAsync(req, registrationId, ct));

    [Function("RequestRenewalInvoice")]
    public async Task<IActionResult> RequestRenewalInvoice(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/registrations/{registrationId}/renewal-invoice")] HttpRequest req, string registrationId, CancellationToken ct) =>
        new HandlerResult(await renewalInvoices.RequestAsync(req, registrationId, ct));

    /// <summary>Anonymous: the customer opens it from the mail, and its signed single-use token is the credential (KZ-5.3, UA-4.7).</summary>
    [Function("DescribeCustomerRequestConfirmation")]
    public async Task<IActionResult> DescribeCustomerRequestConfirmation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/requests/confirmation")] HttpRequest req, CancellationToken ct) =>
        new HandlerResult(await confirmations.DescribeAsync(req, ct));

    /// <summary>Anonymous: the customer confirms what the mailed link showed; its signed single-use token is the proof (KZ-5.3, UA-4.7).</summary>
    [Function("ConfirmCustomerRequest")]
    public async Task<IActionResult> ConfirmCustomerRequest(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/requests/confirmation")] HttpRequest req, CancellationToken ct) =>
        new HandlerResult(await confirmations.ConfirmAsync(req, ct));

    [Function("RecordCustomerRequestProof")]
    public async Task<IActionResult> RecordCustomerRequestProof(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/ops/requests/{requestId}/proof")] HttpRequest req, string requestId, CancellationToken ct) =>
        new HandlerResult(await requests.RecordProofAsync(req, requestId, ct));

    [Function("ReadTransferCodeForHandOver")]
    public async Task<IActionResult> ReadTransferCodeForHandOver(
        [HttpTrigger(AuthorizationLevel.Function, "get", "head", Route = "api/ops/requests/{requestId}/transfer-code")] HttpRequest req, string requestId, CancellationToken ct) =>
        new HandlerResult(await transferCodeHandOver.ReadAsync(req, requestId, ct));

    [Function("ConsentToCustomerRequest")]
    public async Task<IActionResult> ConsentToCustomerRequest(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/ops/requests/{requestId}/consent")] HttpRequest req, string requestId, CancellationToken ct) =>
        new HandlerResult(await requests.DecideConsentAsync(req, requestId, ct));

    [Function("RedeemSetPasswordLink")]
    public async Task<IActionResult> RedeemSetPasswordLink(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/set-password-links/redemption")] HttpRequest req, CancellationToken ct) =>
        new HandlerResult(await passwordLinks.RedeemAsync(req, ct));
}
