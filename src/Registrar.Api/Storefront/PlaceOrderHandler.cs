using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Registrar.Api.Claims;
using Registrar.Api.Customers;
using Registrar.Api.Http;
using Registrar.Api.Security;
using Registrar.Core.Calendars;
using Registrar.Core.Customers;
using Registrar.Core.Deadlines;
using Registrar.Core.Orders;
using Registrar.Core.Zones;
using Registrar.Payments.Invoices;
using Registrar.Storage.Stores;
using Registrar.Storage.Tables;

namespace Registrar.Api.Storefront;

/// <summary>
/// POST /api/orders: every check first (body, rules, the due date's calendar, what fits in storage),
/// then the invoice number, the order and its invoice. With an Idempotency-Key, a retried POST gets
/// the first answer: the order id is derived from the customer and the key, and the invoice number
/// is taken for that order, so even a retry after a crash mid-way completes the same order under the
/// same number.
/// </summary>
public sealed class PlaceOrderHandler(
    ClientAuthenticator authenticator,
    PlaceOrderFlow flow,
    ZoneCatalog zones,
    ZoneDeadlines deadlines,
    IInvoiceSequence sequence,
    IOrderStore<Order> orders,
    IInvoiceStore<Invoice> invoices,
    IdempotentRequests idempotency,
    CustomerAccounts accounts,
    TimeProvider clock)
{
    // Every order id has this length ("O" and 16 hex digits): a draft measured with it has the stored size.
    private const string DraftOrderId = "O0000000000000000";

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var customer = authenticator.AuthenticateCustomer(request);
        if (customer.Problem is not null) return customer.Problem;
        var customerId = customer.Principal!;
        var raw = await RawBody.ReadAsync(request, StrictJson.DefaultBodyLimit, cancellationToken);
        if (raw is null) return Problems.BodyTooLarge(StrictJson.DefaultBodyLimit);

        var now = clock.GetUtcNow();
        var placed = await idempotency.RunAsync(request, customerId, raw, () => CheckAsync(request.ContentType, raw, customerId, now, cancellationToken),
            (check, key) => PlaceAsync(check, customerId, key, now, cancellationToken), cancellationToken);
        return new PrivateResult(placed);
    }

    /// <summary>Everything that can refuse the order, before anything is numbered or stored.</summary>
    private async Task<Checked<CheckedOrder>> CheckAsync(string? contentType, byte[] raw, string customerId, DateTimeOffset now, CancellationToken ct)
    {
        var body = StrictJson.Deserialize<OrderRequest>(contentType, raw);
        if (body.Problem is not null) return Checked<CheckedOrder>.Refused(body.Problem);
        var check = flow.Check(body.Value!, customerId, now);
        if (!check.IsPassed) return Checked<CheckedOrder>.Refused(Problems.Validation(check.Errors));
        var account = await accounts.ReadAsync(customerId, ct);
        if (CustomerAccounts.HoldsAnotherContactEmail(account, check.Request!.ContactEmail))
            return Checked<CheckedOrder>.Refused(AnotherContactEmail());
        try
        {
            // KZ-3.3: the due date is counted before anything is stored, so a missing calendar year stores nothing.
            flow.InvoiceDueAt(check, now);
        }
        catch (DateOutsideCalendarException e)
        {
            return Checked<CheckedOrder>.Refused(Problems.CalendarMissing(e.Message));
        }
        return FitsStorage(check, customerId, now)
            ? Checked<CheckedOrder>.Passed(new CheckedOrder(check, account))
            : Checked<CheckedOrder>.Refused(Problems.Validation("items",
                "The order is too large to keep: order fewer domains at a time, or shorten the names and trademarks."));
    }

    /// <summary>The order, and the answer an Idempotency-Key keeps, each fit the one table property that holds them.</summary>
    private bool FitsStorage(OrderCheck check, string customerId, DateTimeOffset now)
    {
        var draft = flow.Place(check, customerId, DraftOrderId, NumberFor(check, now, 1).ToString(), now);
        var answer = JsonSerializer.Serialize(OrderView.From(draft, flow.InvoiceFor(draft), now), DocumentTable.Json);
        return DocumentLimits.Fits(draft) && DocumentLimits.Fits(new IdempotentResponse(new string('0', 64), now, 201, "application/json", answer));
    }

    private async Task<IResult> PlaceAsync(CheckedOrder checkedOrder, string customerId, string? idempotencyKey, DateTimeOffset now, CancellationToken ct)
    {
        var (check, account) = checkedOrder;
        // A new random id names no stored order: only a retried key can find one.
        var orderId = idempotencyKey is null ? NewOrderId() : OrderIdFor(customerId, idempotencyKey);
        var order = idempotencyKey is null ? null : (await orders.GetAsync(customerId, orderId, ct))?.Document;
        var created = false;
        if (order is null)
        {
            // KZ-2.2: the first order opens the account with its address. Before a number is taken: an order that lost the race
            // to open it with another address is refused as the check refuses it, and spends no number.
            var contactEmail = await accounts.OpenOrReadAsync(customerId, check.Request!.ContactEmail, account, now, ct);
            if (!CustomerAccount.SameAddress(contactEmail, check.Request.ContactEmail)) return AnotherContactEmail();
            (order, created) = await CreateOrderAsync(check, customerId, orderId, contactEmail, now, ct);
        }
        var invoice = await EnsureInvoiceAsync(order, customerId, orderJustCreated: created, ct);
        return TypedResults.Created($"/api/orders/{orderId}", OrderView.From(order, invoice, now));
    }

    /// <param name="contactEmail">KZ-2.2: the account's address, as the account spells it.</param>
    /// <returns>The stored order, and whether this call stored it (false: a concurrent retry of the same key did).</returns>
    private async Task<(Order Order, bool Created)> CreateOrderAsync(OrderCheck check, string customerId, string orderId, string contactEmail, DateTimeOffset now, CancellationToken ct)
    {
        var (series, today) = (check.InvoiceSeries(zones), LocalDate(check, now));
        var orderKey = $"{customerId}|{orderId}";
        var number = NumberFor(check, now, await sequence.TakeAsync(series, today.Year, today.Month, orderKey, ct));
        var order = flow.Place(check, customerId, orderId, number.ToString(), now) with { ContactEmail = contactEmail };
        try
        {
            return ((await orders.CreateAsync(customerId, orderId, order, "placed", ct)).Document, true);
        }
        catch (DocumentAlreadyExistsException)
        {
            return ((await orders.GetAsync(customerId, orderId, ct))!.Document, false);
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            // A number is spent only by an order that is stored: give it back, so the series has no gap.
            await sequence.ReleaseAsync(series, today.Year, today.Month, orderKey, CancellationToken.None);
            throw;
        }
    }

    /// <summary>KZ-2.2: one contact e-mail per customer; an order naming another is refused rather than quietly given the
    /// account's, and the customer changes the account's address by a contact-email-change request (UA-4.7).</summary>
    private static IResult AnotherContactEmail() => RuleProblems.NotAllowed("KZ-2.2",
        "The account already has a contact e-mail and this order names another: order with the account's address, or change it "
        + "first with a contact-email-change request (UA-4.7).");

    // Dated in the registrar's own time zone: an order placed at 01:00 in Almaty on the 1st belongs to the new month.
    private DateOnly LocalDate(OrderCheck check, DateTimeOffset now) => deadlines.LocalDate(check.Lines[0].Zone, now);

    private InvoiceNumber NumberFor(OrderCheck check, DateTimeOffset now, int sequenceNumber) =>
        InvoiceNumber.Create(check.InvoiceSeries(zones), LocalDate(check, now), sequenceNumber);

    /// <summary>The order is stored first and names its invoice, so a crash between the two is completed by the retry.</summary>
    /// <param name="orderJustCreated">This call stored the order: no one can have stored its invoice yet.</param>
    private async Task<Invoice> EnsureInvoiceAsync(Order order, string customerId, bool orderJustCreated, CancellationToken ct)
    {
        if (!orderJustCreated && await invoices.GetAsync(order.InvoiceNumber, ct) is { } stored) return stored.Document;
        var invoice = flow.InvoiceFor(order);
        try
        {
            return (await invoices.CreateAsync(invoice.Number, customerId, invoice, invoice.Status.ToString(), ct)).Document;
        }
        catch (DocumentAlreadyExistsException)
        {
            return (await invoices.GetAsync(order.InvoiceNumber, ct))!.Document;
        }
    }

    /// <param name="Account">KZ-2.2: the customer's account as the checks read it; null when there was none.</param>
    private sealed record CheckedOrder(OrderCheck Check, Stored<CustomerAccount>? Account);

    private static string NewOrderId() => "O" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant();

    private static string OrderIdFor(string customerId, string key) =>
        "O" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{customerId}\n{key}")).AsSpan(0, 8)).ToLowerInvariant();
}
