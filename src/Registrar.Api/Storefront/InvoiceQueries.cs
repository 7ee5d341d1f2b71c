using Microsoft.AspNetCore.Http;
using Registrar.Api.Http;
using Registrar.Api.Security;
using Registrar.Core.Orders;
using Registrar.Storage.Stores;

namespace Registrar.Api.Storefront;

/// <summary>An invoice as its customer sees it, order and renewal invoices alike; the status is read at the
/// current instant, so an unpaid invoice past its due shows as lapsed (KZ-3.3).</summary>
/// <param name="Renewal">Set on a renewal invoice: the registration and domain it renews (KZ-2.7, UA-1.11).</param>
public sealed record CustomerInvoiceView(string Number, string OrderId, Core.Money.Money Total, DateTimeOffset IssuedAt, DateTimeOffset DueAt,
    InvoiceStatus Status, DateTimeOffset? PaidAt, RenewalOf? Renewal)
{
    public static CustomerInvoiceView From(Invoice invoice, DateTimeOffset now) => new(invoice.Number, invoice.OrderId, invoice.Total,
        invoice.IssuedAt, invoice.DueAt, invoice.StatusAt(now), invoice.PaidAt, invoice.Renewal);
}

/// <summary>GET /api/invoices: the customer's own invoices, newest first, so renewal invoices the lifecycle issued
/// can be found and paid without waiting for their mail.</summary>
public sealed class InvoiceQueries(ClientAuthenticator authenticator, IInvoiceStore<Invoice> invoices, IOrderStore<Order> orders, TimeProvider clock)
{
    /// <summary>An order is stored right after its invoice is issued: one issued this recently may still be getting its order.</summary>
    public static readonly TimeSpan PlacingTime = TimeSpan.FromMinutes(1);

    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken ct)
    {
        var customer = authenticator.AuthenticateCustomer(request);
        if (customer.Problem is not null) return customer.Problem;
        var now = clock.GetUtcNow();
        var found = new List<CustomerInvoiceView>();
        await foreach (var invoice in invoices.ListByAccountAsync(customer.Principal!, ct))
            found.Add(CustomerInvoiceView.From(await AsPayableAsync(invoice, now, ct), now));
        return new PrivateResult(TypedResults.Ok(found.OrderByDescending(i => i.IssuedAt).ToList()));
    }

    /// <summary>KZ-3.2: an order's invoice whose order was never stored (its placing stopped after the invoice was numbered, and
    /// no retry under its Idempotency-Key stored the order) starts nothing when paid, and its money is held for operations
    /// (<c>OrderNotPlaced</c>): it is shown cancelled, not payable. Judged when listed, so an order a late retry stores shows
    /// its invoice open again.</summary>
    private async ValueTask<Invoice> AsPayableAsync(Invoice invoice, DateTimeOffset now, CancellationToken ct) =>
        invoice is { Status: InvoiceStatus.Open, Renewal: null } && invoice.IssuedAt < now - PlacingTime && invoice.StatusAt(now) == InvoiceStatus.Open
        && await orders.GetAsync(invoice.CustomerId, invoice.OrderId, ct) is null
            ? invoice with { Status = InvoiceStatus.Cancelled }
            : invoice;
}
