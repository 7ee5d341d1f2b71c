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
public sealed class InvoiceQueries(ClientAuthenticator authenticator, IInvoiceStore<Invoice> invoices, TimeProvider clock)
{
    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken ct)
    {
        var customer = authenticator.AuthenticateCustomer(request);
        if (customer.Problem is not null) return customer.Problem;
        var now = clock.GetUtcNow();
        var found = new List<CustomerInvoiceView>();
        await foreach (var invoice in invoices.ListByAccountAsync(customer.Principal!, ct)) found.Add(CustomerInvoiceView.From(invoice, now));
        return new PrivateResult(TypedResults.Ok(found.OrderByDescending(i => i.IssuedAt).ToList()));
    }
}
