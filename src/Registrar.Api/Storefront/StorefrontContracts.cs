using Registrar.Core.Orders;
using Registrar.Core.Registrations;
using Money = Registrar.Core.Money;

namespace Registrar.Api.Storefront;

public sealed record QuoteRequest(IReadOnlyList<string> Names, int TermYears);

/// <param name="Refusal">Why the name cannot be ordered (syntax, zone, registrar policy, taken at the registry).</param>
public sealed record NameQuote(
    string Name, string? Unicode, string? Ascii, string? Zone, bool Available, string? Refusal,
    Money.Money? PricePerYear, Money.Money? Total, bool TrademarkRequired);

public sealed record QuoteResponse(IReadOnlyList<NameQuote> Quotes, DateTimeOffset QuotedAt);

public sealed record InvoiceView(string Number, string OrderId, Money.Money Total, DateTimeOffset IssuedAt, DateTimeOffset DueAt,
    InvoiceStatus Status, DateTimeOffset? PaidAt)
{
    public static InvoiceView From(Invoice invoice, DateTimeOffset now) => new(invoice.Number, invoice.OrderId, invoice.Total,
        invoice.IssuedAt, invoice.DueAt, invoice.StatusAt(now), invoice.PaidAt);
}

/// <param name="TransferIn">The line moves a domain held at another registrar here (its code is never shown back).</param>
public sealed record OrderLineView(string Name, string Ascii, string Zone, int TermYears, Money.Money PricePerYear, Money.Money Total,
    bool TrademarkRequired, string RegistrationId, bool TransferIn);

public sealed record OrderView(string OrderId, DateTimeOffset PlacedAt, IReadOnlyList<OrderLineView> Lines, InvoiceView Invoice)
{
    public static OrderView From(Order order, Invoice invoice, DateTimeOffset now) => new(
        order.OrderId, order.PlacedAt,
        order.Lines.Select((l, i) => new OrderLineView(l.DisplayName, l.DomainName, l.Zone, l.TermYears, l.Price.PricePerYear,
            l.Price.Total, l.TrademarkRequired, RegistrationIds.For(order.OrderId, i), l.TransferCode is not null)).ToList(),
        InvoiceView.From(invoice, now));
}
