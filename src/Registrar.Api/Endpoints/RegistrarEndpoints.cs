using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Registrar.Api.Banks;
using Registrar.Api.Claims;
using Registrar.Api.Operations;
using Registrar.Api.Privacy;
using Registrar.Api.Storefront;
using Registrar.Api.Whois;
using Registrar.Core.Operations;

namespace Registrar.Api.Endpoints;

/// <summary>
/// The HTTP API, grouped by caller. Every route is one call into a handler that both hosts share;
/// the Functions app maps the same handlers to HTTP triggers.
/// </summary>
public static class RegistrarEndpoints
{
    public static IEndpointRouteBuilder MapRegistrarApi(this IEndpointRouteBuilder routes)
    {
        MapStorefront(routes.MapGroup("/api").WithTags("Storefront"));
        MapBanks(routes.MapGroup("/api/banks/{bankId}").WithTags("Banks"));
        MapOperations(routes.MapGroup("/api/ops").WithTags("Operations"));
        routes.MapGroup("/api").WithTags("WHOIS and RDAP").MapPublicLookups();
        routes.MapGroup("/api/ops/disclosures").WithTags("Operations").MapDisclosures();
        routes.MapClaims().MapContractOperations().MapHeldPayments().MapPrivacy();
        routes.MapProblemTypes();
        return routes;
    }

    private static void MapStorefront(RouteGroupBuilder api)
    {
        api.MapPost("/quotes", (HttpRequest request, QuoteHandler handler, CancellationToken ct) => handler.HandleAsync(request, ct))
            .Accepts<QuoteRequest>("application/json").Produces<QuoteResponse>().ProducesProblem(400).ProducesProblem(401).ProducesProblem(413).ProducesProblem(415)
            .WithSummary("Can these names be ordered, and at what price?");
        api.MapPost("/orders", (HttpRequest request, PlaceOrderHandler handler, CancellationToken ct) => handler.HandleAsync(request, ct))
            .WithCustomerId().WithIdempotencyKey()
            .Accepts<Core.Orders.OrderRequest>("application/json").Produces<OrderView>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesProblem(401).ProducesProblem(409).ProducesProblem(413).ProducesProblem(415).ProducesProblem(422)
            .WithSummary("Place an order (an item with a transferCode transfers in a domain another registrar holds); send an Idempotency-Key to make retries safe.");
        api.MapGet("/orders/{orderId}", (HttpRequest request, string orderId, OrderQueries queries, CancellationToken ct) =>
                queries.GetOrderAsync(request, orderId, ct))
            .WithCustomerId()
            .Produces<OrderView>().ProducesProblem(404);
        api.MapGet("/orders/{orderId}/invoice", (HttpRequest request, string orderId, OrderQueries queries, CancellationToken ct) =>
                queries.GetInvoiceAsync(request, orderId, ct))
            .WithCustomerId()
            .Produces<InvoiceView>().ProducesProblem(404);
        api.MapGet("/invoices", (HttpRequest request, InvoiceQueries queries, CancellationToken ct) => queries.ListAsync(request, ct))
            .WithCustomerId()
            .Produces<List<CustomerInvoiceView>>().ProducesProblem(401)
            .WithSummary("The customer's invoices, renewal invoices included, with their status now.");
        api.MapGet("/registrations", (HttpRequest request, OrderQueries queries, CancellationToken ct) => queries.ListRegistrationsAsync(request, ct))
            .WithCustomerId()
            .Produces<List<Core.Registrations.RegistrationView>>().ProducesProblem(401)
            .WithSummary("The customer's registrations, with their phase and expiry.");
        api.MapPost("/registrations/{registrationId}/choice",
                (HttpRequest request, string registrationId, NameTakenChoiceHandler handler, CancellationToken ct) =>
                    handler.HandleAsync(request, registrationId, ct))
            .WithCustomerId()
            .Accepts<NameTakenChoice>("application/json").Produces<NameTakenChoiceAccepted>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("After the name was taken: choose a refund or another name (KZ-2.1).");
        api.MapPost("/registrations/{registrationId}/requests",
                (HttpRequest request, string registrationId, CustomerRequestHandlers handlers, CancellationToken ct) =>
                    handlers.MakeAsync(request, registrationId, ct))
            .WithCustomerId().WithIdempotencyKey()
            .Accepts<CustomerRequestBody>("application/json").Produces<CustomerRequestView>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem().ProducesProblem(401).ProducesProblem(404).ProducesProblem(409).ProducesProblem(413).ProducesProblem(415).ProducesProblem(422)
            .WithSummary("A customer request (early-deletion, dns-change with 2 to 13 nameServers, contact-email-change with email, "
                + "registrant-contact-change with contact, transfer-code, registrant-change with registrant), carried out once proved: "
                + "a signed-in session the storefront vouches for, else a single-use link mailed to the contact e-mail (KZ-2.3, KZ-5.3, UA-4.7, UA-1.5.8, UA-1.5.6); "
                + "a transfer code is refused with /problems/transfer-refused while an invoice is open (KZ-App-9, UA-3.5); "
                + "a registrant change is invoiced as a new registration and carried out once paid, the expiry unchanged (KZ-2.4, KZ-2.5); "
                + "DNS and registrant contact changes apply at once for .kz and are due within 1 business day elsewhere (KZ-2.3). "
                + "Send an Idempotency-Key to make retries safe: a retry gets the first answer, and no second request or mail.");
        api.MapPost("/registrations/{registrationId}/renewal-invoice",
                (HttpRequest request, string registrationId, RenewalInvoiceRequestHandler handler, CancellationToken ct) =>
                    handler.RequestAsync(request, registrationId, ct))
            .WithCustomerId()
            .Produces<CustomerInvoiceView>().Produces<RenewalInvoiceRequestView>(StatusCodes.Status202Accepted)
            .ProducesProblem(401).ProducesProblem(404).ProducesProblem(409).ProducesProblem(503)
            .WithSummary("Ask in advance for the renewal invoice of the current term (KZ-2.7; .ua zones too, UA-1.10): issued now as its schedule would issue it "
                + "and mailed to the contact e-mail (202, then listed under /api/invoices), or the renewal invoice still open (200), never a second one; "
                + "refused with a 409 naming the rule for a paid term (UA-1.7), a domain not held here or deleted (KZ-2.8, UA-1.12) and past the "
                + "renewal deadline (KZ-2.7, UA-1.12); no confirmation link, as it changes nothing at the registry.");
        api.MapGet("/requests/confirmation", (HttpRequest request, RequestConfirmationHandlers handlers, CancellationToken ct) =>
                handlers.DescribeAsync(request, ct))
            .Produces<RequestConfirmationView>().ProducesProblem(400).ProducesProblem(409).ProducesProblem(410).ProducesProblem(422)
            .WithSummary("The confirmation link mailed to the contact e-mail, opened: what it would prove, answered as its POST would be, spending nothing "
                + "(mail scanners open links too; RFC 9110 §9.2.1).");
        api.MapPost("/requests/confirmation", (HttpRequest request, RequestConfirmationHandlers handlers, CancellationToken ct) =>
                handlers.ConfirmAsync(request, ct))
            .Produces<CustomerRequestView>().ProducesProblem(400).ProducesProblem(409).ProducesProblem(410).ProducesProblem(422)
            .WithSummary("The confirmation link mailed to the contact e-mail, confirmed by its reader: proves its request once, within 24 hours (KZ-5.3, UA-4.7).");
        api.MapPost("/set-password-links/redemption", (HttpRequest request, SetPasswordLinkHandler handler, CancellationToken ct) =>
                handler.RedeemAsync(request, ct))
            .Accepts<SetPasswordLinkBody>("application/json").Produces<SetPasswordLinkRedeemed>()
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(409).ProducesProblem(410)
            .WithSummary("Spend a welcome mail's set-password link: it names the account once (UA-2.1.2).");
    }

    private static void MapBanks(RouteGroupBuilder banks)
    {
        banks.MapPost("/camt054", (HttpRequest request, string bankId, BankNotificationHandlers handlers, CancellationToken ct) =>
                handlers.Camt054Async(request, bankId, ct))
            .Accepts<string>("application/xml", "text/xml").Produces<BankNotificationReceipt>().Produces<BankNotificationReceipt>(StatusCodes.Status202Accepted).ProducesProblem(400).ProducesProblem(401)
            .WithSummary("ISO 20022 camt.054 credit notification, signed with the bank's HMAC key (X-Signature).");
        banks.MapPost("/notifications", (HttpRequest request, string bankId, BankNotificationHandlers handlers, CancellationToken ct) =>
                handlers.HmacJsonAsync(request, bankId, ct))
            .Accepts<string>("application/json").Produces<BankNotificationReceipt>().Produces<BankNotificationReceipt>(StatusCodes.Status202Accepted).ProducesProblem(400).ProducesProblem(401)
            .WithSummary("JSON credit notification signed with a timestamped HMAC (X-Signature: t=…,v1=…).");
        banks.MapPost("/acquiring", (HttpRequest request, string bankId, BankNotificationHandlers handlers, CancellationToken ct) =>
                handlers.EcdsaJsonAsync(request, bankId, ct))
            .Accepts<string>("application/json").Produces<BankNotificationReceipt>().Produces<BankNotificationReceipt>(StatusCodes.Status202Accepted).ProducesProblem(400).ProducesProblem(401)
            .WithSummary("Acquiring webhook signed with ECDSA over the raw body (X-Sign).");
    }

    private static void MapOperations(RouteGroupBuilder ops)
    {
        ops.MapGet("/review", (HttpRequest request, OperationsHandlers handlers, CancellationToken ct) => handlers.ListReviewAsync(request, ct))
            .Produces<List<ReviewItem>>().ProducesProblem(401);
        ops.MapPost("/review/{itemId}/resolve", (HttpRequest request, string itemId, OperationsHandlers handlers, CancellationToken ct) =>
                handlers.ResolveAsync(request, itemId, ct))
            .WithIdempotencyKey()
            .Accepts<Resolution>("application/json").Produces(StatusCodes.Status204NoContent).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422)
            .WithSummary("Resolve an open review item, saying what was done; one resolved already is a 409. Send an Idempotency-Key to make retries safe.");
        ops.MapPost("/review/{itemId}/credits", (HttpRequest request, string itemId, ReadCreditHandler handler, CancellationToken ct) =>
                handler.HandleAsync(request, itemId, ct))
            .Accepts<ReadCredit>("application/json").Produces<ReadCreditResult>()
            .ProducesValidationProblem().ProducesProblem(401).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Read a credit of a bank message that could not be read (UA-3.2): judged as the bank's own would be, applied "
                + "or held, once under the bank's reference; the item stays open until resolved.");
        ops.MapGet("/registrations", (HttpRequest request, OperationsHandlers handlers, CancellationToken ct) => handlers.ListRegistrationsAsync(request, ct))
            .Produces<Storage.Stores.RegistrationPage>().ProducesValidationProblem().ProducesProblem(401)
            .WithSummary("All customers' registrations, a page at a time (?after= the previous page's next, ?pageSize= at most 100), filtered by "
                + "?phase=&zone=&customerId=, the expiry window ?expiresFrom=&expiresTo= (ISO 8601, from inclusive, to exclusive) and "
                + "?overdue=true (KZ-2.1: still being carried out past the deadline); a page may be short while next is set.");
        ops.MapGet("/queues", (HttpRequest request, WorkQueueHandler handler, CancellationToken ct) => handler.ListAsync(request, ct))
            .Produces<WorkQueuesView>().ProducesProblem(401).ProducesProblem(403)
            .WithSummary("What waits for a person: trademark approvals (UA-Pre-7), stalled registrations, held payments (UA-3.2), " +
                         "requests awaiting proof (UA-1.5.8) or consent (UA-4.7), overdue claims (UA-5.1); at most 50 each.");
        ops.MapGet("/audit", (HttpRequest request, OperationsHandlers handlers, CancellationToken ct) => handlers.ListAuditAsync(request, ct))
            .Produces<Storage.Stores.AuditPage>().ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403)
            .WithSummary("The audit log: who did what, when and why, filtered by ?registrationId=&actor=&action=&from=&to= (from inclusive, " +
                         "to exclusive, ISO 8601) and read a page at a time (?continuation= from the previous page, ?pageSize= at most 100).");
        ops.MapPost("/registrations/{registrationId}/trademark",
                (HttpRequest request, string registrationId, OperationsHandlers handlers, CancellationToken ct) =>
                    handlers.ReviewTrademarkAsync(request, registrationId, ct))
            .Accepts<TrademarkDecision>("application/json").Produces(StatusCodes.Status202Accepted).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Approve or refuse the trademark behind a second-level .ua name (UA-Pre-7); 409 unless the registration is AwaitingTrademarkReview.");
        ops.MapPost("/registrations/{registrationId}/retry",
                (HttpRequest request, string registrationId, OperationsHandlers handlers, CancellationToken ct) =>
                    handlers.RetryRegistrationAsync(request, registrationId, ct))
            .Produces(StatusCodes.Status202Accepted).ProducesProblem(401).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Try a registration the registry refused again, once the cause is fixed; 409 unless the registration is Stalled.");
        ops.MapPost("/registrations/{registrationId}/decisions",
                (HttpRequest request, string registrationId, OperationsDecisionHandlers handlers, CancellationToken ct) =>
                    handlers.DecideAsync(request, registrationId, ct))
            .Accepts<OperationsDecisionBody>("application/json").Produces<OperationsDecisionAccepted>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem().ProducesProblem(401).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Decide about a registered domain: suspend or unsuspend (UA-2.3.1), a dispute decision (KZ-App-2, UA-2.2.3), "
                + "a breach notice or its cure (KZ-App-4), a termination (UA-1.3.4.1, UA-2.3.2, UA-1.3.6), a transfer restriction (KZ-App-9), "
                + "or the cancel of a pending transfer in (RFC 5731 section 3.2.4; 409 unless TransferringIn); audited, carried out by its lifecycle.");
        ops.MapPost("/registrations/{registrationId}/refunds",
                (HttpRequest request, string registrationId, RefundDecisionHandlers handlers, CancellationToken ct) =>
                    handlers.DecideAsync(request, registrationId, ct))
            .WithIdempotencyKey()
            .Accepts<RefundDecisionBody>("application/json").Produces<RefundDecisionRecorded>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesProblem(401).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Record a refund for a domain: only on a court decision or the registrar's early termination (UA-1.5.5, UA-6.2), never after the registry ended its agreement (UA-1.3.6); audited.");
        ops.MapPost("/registrations/{registrationId}/notices/{noticeId}/resend",
                (HttpRequest request, string registrationId, string noticeId, NoticeResends resends, CancellationToken ct) =>
                    resends.ResendAsync(request, registrationId, noticeId, ct))
            .Accepts<NoticeResendBody>("application/json").Produces(StatusCodes.Status202Accepted)
            .ProducesValidationProblem().ProducesProblem(401).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Send a notice that went out again, as it was, to the registration's contact e-mail now (KZ-2.6), saying why; audited. "
                + "A notice not sent yet, or of an ended or erased registration, is a 409.");
        ops.MapPost("/requests/{requestId}/proof", (HttpRequest request, string requestId, CustomerRequestHandlers handlers, CancellationToken ct) =>
                handlers.RecordProofAsync(request, requestId, ct))
            .Accepts<OperationsProof>("application/json").Produces<CustomerRequestView>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem().ProducesProblem(401).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422)
            .WithSummary("Record the papers operations checked (signed contract, identity documents) as a request's proof (UA-1.5.8).");
        ops.MapGet("/requests/{requestId}/transfer-code", (HttpRequest request, string requestId, TransferCodeHandOverHandler handler, CancellationToken ct) =>
                handler.ReadAsync(request, requestId, ct))
            .Produces<TransferCodeHandOver>().ProducesProblem(401).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("The transfer code of a request proved on papers, once set at the registry, to hand to the person whose papers were checked; "
                + "never mailed to the contact e-mail they could not use (UA-1.5.8); each reading audited.");
        ops.MapPost("/requests/{requestId}/consent", (HttpRequest request, string requestId, CustomerRequestHandlers handlers, CancellationToken ct) =>
                handlers.DecideConsentAsync(request, requestId, ct))
            .Accepts<OperationsConsent>("application/json").Produces<CustomerRequestView>()
            .ProducesValidationProblem().ProducesProblem(401).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Approve or refuse a proved contact e-mail change, saying why; only an approval changes the address (UA-4.7, KZ-2.2).");
    }
}
