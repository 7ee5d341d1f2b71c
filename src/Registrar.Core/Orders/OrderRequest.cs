using Registrar.Core.Customers;

namespace Registrar.Core.Orders;

/// <summary>What the storefront sends to place an order (KZ-1.1, UA-1.8): one or more domains, each with a term.</summary>
/// <param name="ContactEmail">KZ-2.2: the customer's one responsible contact address; notices and change confirmations go there.</param>
/// <param name="TechnicalContact">UA-1.14; the registrant when omitted.</param>
/// <param name="Language">The language of the customer's notices (<see cref="CustomerLanguages"/>); the zone's offer language when omitted.</param>
public sealed record OrderRequest(
    IReadOnlyList<OrderItemRequest> Items,
    string ContactEmail,
    RegistrantRequest Registrant,
    TechnicalContact? TechnicalContact = null,
    OfferAcceptanceRequest? Acceptance = null,
    string? Language = null);

/// <param name="Name">As the customer typed it, Unicode or A-label.</param>
/// <param name="TermYears">Whole years (UA-1.6: at least one).</param>
/// <param name="Trademark">UA-Pre-7: required for second-level .ua names, unless the domain is transferred in.</param>
/// <param name="TransferCode">A domain held at another registrar, moved here with the transfer code (authInfo) that registrar
/// gave (KZ-App-9, UA-3.5 on its side; RFC 5731 section 3.2.4); the term is the years the transfer adds.</param>
public sealed record OrderItemRequest(string Name, int TermYears, Trademark? Trademark = null, string? TransferCode = null);

/// <summary>UA-1.13: an existing nic-handle, or the data to create the registrant's contact from.</summary>
public sealed record RegistrantRequest(string? NicHandle = null, RegistrantData? Data = null);

/// <summary>UA-Pre-7: the trademark whose word element is the second-level .ua name.</summary>
/// <param name="Office">Where it is registered: "UA" (national) or "WIPO" (international, designating Ukraine).</param>
public sealed record Trademark(string WordMark, string RegistrationNumber, string Office, DateOnly RegisteredOn);
