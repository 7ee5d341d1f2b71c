using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Registrar.Api.Http;
using Registrar.Api.Security;
using Registrar.Core.Calendars;
using Registrar.Core.Deadlines;
using Registrar.Core.Orders;
using Registrar.Core.Zones;
using Registrar.Payments.Invoices;
using Registrar.Storage.Stores;
using Registrar.Storage.Tables;

namespace Registrar.Api.Storefront;

/// <summary>
/// POST /api/orders: checks and prices the order, then stores it with its invoice. With an
/// Idempotency-Key, a retried POST gets the first answer: the order id is derived from the
/// customer and the key, so even a retry after a crash mid-way finds and completes the same order.
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
    TimeProvider clock)
{
    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var customer = authenticator.AuthenticateCustomer(request);
        if (customer.Problem is not null) return customer.Problem;
        var customerId = customer.Principal!;
        var raw = await RawBody.ReadAsync(request, StrictJson.DefaultBodyLimit, cancellationToken);
        if (raw is null) return Problems.BodyTooLarge(StrictJson.DefaultBodyLimit);

        return await idempotency.RunAsync(request, customerId, raw, cancellationToken,
            key => PlaceAsync(request, customerId, key, raw, cancellationToken));
    }

    private async Task<IResult> PlaceAsync(HttpRequest request, string customerId, string? idempotencyKey, byte[] raw, CancellationToken ct)
    {
        var body = StrictJson.Deserialize<OrderRequest>(request.ContentType, raw);
        if (body.Problem is not null) return body.Problem;

        var now = clock.GetUtcNow();
        var check = flow.Check(body.Value!, now);
        if (!check.IsPassed) return Problems.Validation(check.Errors);

        var orderId = idempotencyKey is null ? NewOrderId() : OrderIdFor(customerId, idempotencyKey);
        try
        {
            // KZ-3.3: the due date is counted before anything is stored, so a missing calendar year stores nothing.
            flow.InvoiceDueAt(check, now);
        }
        catch (DateOutsideCalendarException e)
        {
            return Problems.CalendarMissing(e.Message);
        }
        var existing = await orders.GetAsync(customerId, orderId, ct);
        var order = existing?.Document ?? await CreateOrderAsync(check, customerId, orderId, now, ct);
        var invoice = await EnsureInvoiceAsync(order, customerId, ct);
        return TypedResults.Created($"/api/orders/{orderId}", OrderView.From(order, invoice, now));
    }

    private async Task<Order> CreateOrderAsync(OrderCheck check, string customerId, string orderId, DateTimeOffset now, CancellationToken ct)
    {
        var series = check.InvoiceSeries(zones);
        // Dated in the registrar's own time zone: an order placed at 01:00 in Almaty on the 1st belongs to the new month.
        var today = deadlines.LocalDate(check.Lines[0].Zone, now);
        var number = InvoiceNumber.Create(series, today, await sequence.NextAsync(series, today.Year, today.Month, ct));
        var order = flow.Place(check, customerId, orderId, number.ToString(), now);
        try
        {
            return (await orders.CreateAsync(customerId, orderId, order, "placed", ct)).Document;
        }
        catch (DocumentAlreadyExistsException)
        {
            return (await orders.GetAsync(customerId, orderId, ct))!.Document;
        }
    }

    /// <summary>The order is stored first and names its invoice, so a crash between the two is completed by the retry.</summary>
    private async Task<Invoice> EnsureInvoiceAsync(Order order, string customerId, CancellationToken ct)
    {
        var stored = await invoices.GetAsync(order.InvoiceNumber, ct);
        if (stored is not null) return stored.Document;
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

    private static string NewOrderId() => "O" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant();

    private static string OrderIdFor(string customerId, string key) =>
        "O" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{customerId}\n{key}")).AsSpan(0, 8)).ToLowerInvariant();
}
