using Microsoft.AspNetCore.Http;
using Registrar.Api.Http;
using Registrar.Api.Security;
using Registrar.Core.Orders;
using Registrar.Core.Registrations;
using Registrar.Storage.Stores;

namespace Registrar.Api.Storefront;

/// <summary>GET /api/orders/{id} and GET /api/orders/{id}/invoice: a customer only ever sees their own orders.</summary>
public sealed class OrderQueries(
    ClientAuthenticator authenticator, IOrderStore<Order> orders, IInvoiceStore<Invoice> invoices, IRegistrationViews registrations, TimeProvider clock)
{
    private const int MaxOrderIdLength = 64;

    /// <summary>GET /api/registrations: the customer's registrations, each with its phase and the registry's expiry.</summary>
    public async Task<IResult> ListRegistrationsAsync(HttpRequest request, CancellationToken ct)
    {
        var customer = authenticator.AuthenticateCustomer(request);
        if (customer.Problem is not null) return customer.Problem;
        var views = new List<RegistrationView>();
        await foreach (var view in registrations.ListAsync(customer.Principal!, ct)) views.Add(view);
        return new PrivateResult(TypedResults.Ok(views));
    }

    public async Task<IResult> GetOrderAsync(HttpRequest request, string orderId, CancellationToken ct)
    {
        var found = await FindAsync(request, orderId, ct);
        return found.Problem ?? new PrivateResult(TypedResults.Ok(OrderView.From(found.Order!, found.Invoice!, clock.GetUtcNow())));
    }

    public async Task<IResult> GetInvoiceAsync(HttpRequest request, string orderId, CancellationToken ct)
    {
        var found = await FindAsync(request, orderId, ct);
        return found.Problem ?? new PrivateResult(TypedResults.Ok(InvoiceView.From(found.Invoice!, clock.GetUtcNow())));
    }

    private async Task<(Order? Order, Invoice? Invoice, IResult? Problem)> FindAsync(HttpRequest request, string orderId, CancellationToken ct)
    {
        var customer = authenticator.AuthenticateCustomer(request);
        if (customer.Problem is not null) return (null, null, customer.Problem);
        // Order ids are "O" and hex digits: anything else (too long for a table key, say) names no order and is not echoed.
        if (orderId.Length > MaxOrderIdLength || !orderId.All(char.IsAsciiLetterOrDigit)) return (null, null, Problems.NotFound("That order"));
        // Looked up in the caller's own partition: another customer's order is simply not there.
        var order = await orders.GetAsync(customer.Principal!, orderId, ct);
        var invoice = order is null ? null : await invoices.GetAsync(order.Document.InvoiceNumber, ct);
        return order is null || invoice is null
            ? (null, null, Problems.NotFound($"Order '{orderId}'"))
            : (order.Document, invoice.Document, null);
    }
}
