using Registrar.Core.Customers;
using Registrar.Core.Tariffs;

namespace Registrar.Core.Orders;

/// <summary>A placed order: the customer is the registrant of every domain in it (KZ-1.1).</summary>
/// <param name="Language">The language of the customer's notices; null (and in orders stored before it existed) for the zone's offer language.</param>
public sealed record Order(
    string OrderId,
    string CustomerId,
    DateTimeOffset PlacedAt,
    IReadOnlyList<OrderLine> Lines,
    string ContactEmail,
    string? RegistrantHandle,
    RegistrantData? Registrant,
    TechnicalContact TechnicalContact,
    OfferAcceptance Acceptance,
    string InvoiceNumber,
    string? Language = null);

/// <param name="DomainName">A-label (ASCII) form, as the registry knows it.</param>
/// <param name="DisplayName">Unicode form, for people.</param>
/// <param name="Price">UA-3.3: fixed when the invoice is issued; later tariffs never change it.</param>
/// <param name="TransferCode">A transfer in: the authInfo the losing registrar gave, sent to the registry with the transfer
/// request once the order is paid (RFC 5731 section 3.2.4); null for a new registration.</param>
public sealed record OrderLine(
    string DomainName,
    string DisplayName,
    string Zone,
    int TermYears,
    PriceQuote Price,
    bool TrademarkRequired,
    Trademark? Trademark,
    string? TransferCode = null);
