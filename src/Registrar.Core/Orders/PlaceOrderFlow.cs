using System.Text;
using Registrar.Core.Contracts;
using Registrar.Core.Customers;
using Registrar.Core.Deadlines;
using Registrar.Core.Names;
using Registrar.Core.Tariffs;
using Registrar.Core.Zones;

namespace Registrar.Core.Orders;

/// <summary>
/// Places an order: every check first, each refusal naming its field; then the priced lines and
/// the invoice. Pure: the caller supplies the ids and the invoice number and stores the result.
/// </summary>
public sealed class PlaceOrderFlow(DomainNameParser names, TariffSchedule tariffs, ZoneDeadlines deadlines, ContractTermsCatalog offers)
{
    public const int MaxItems = 50;

    public const int MaxTrademarkFieldLength = 255;

    /// <summary>RFC 5731 authInfo passwords are free text; registries issue short ones. Kept in the order until it is used.</summary>
    public const int MaxTransferCodeLength = 64;

    /// <summary>Checks the request that <paramref name="customerId"/> sends and prices it at <paramref name="now"/>;
    /// nothing is allocated or stored yet.</summary>
    public OrderCheck Check(OrderRequest request, string customerId, DateTimeOffset now)
    {
        // KZ-2.2: blanks around an address are no part of it; the address is kept, compared and mailed without them.
        request = request with { ContactEmail = request.ContactEmail?.Trim()! };
        var errors = new OrderErrors();
        VerifyItemsPresent(request, errors);
        VerifyContactEmail(request.ContactEmail, errors);
        VerifyLanguage(request.Language, errors);
        VerifyRegistrant(request.Registrant, errors);
        var technical = request.TechnicalContact ?? TechnicalContact.Registrant;
        errors.Add(TechnicalContact.Check(technical, "technicalContact"));
        var kind = request.Registrant?.Data?.Kind ?? RegistrantKind.NaturalPerson;
        errors.Add(OfferAcceptance.Check(request.Acceptance, kind, customerId, "acceptance"));

        var lines = PriceItems(request.Items ?? [], now, errors);
        VerifyOneCurrency(lines, errors);
        VerifyOfferOfZone(request.Acceptance, lines, errors);
        return errors.Any ? OrderCheck.Refused(errors.ToDictionary()) : OrderCheck.Passed(request, lines, technical);
    }

    /// <summary>The order, for a request that passed <see cref="Check"/>, naming the invoice that will bill it.</summary>
    public Order Place(OrderCheck check, string customerId, string orderId, string invoiceNumber, DateTimeOffset now)
    {
        if (!check.IsPassed) throw new InvalidOperationException("Only a request that passed its checks can be placed.");
        var request = check.Request!;
        return new Order(orderId, customerId, now, check.Lines, request.ContactEmail, request.Registrant.NicHandle,
            request.Registrant.Data, check.TechnicalContact!, OfferAcceptance.Record(request.Acceptance!, customerId, now, offers.For(check.Lines[0].Zone).Offer), invoiceNumber,
            request.Language);
    }

    /// <summary>
    /// The order's invoice, from the prices fixed in its lines (UA-3.3) and payable within the
    /// zone's window from the moment the order was placed (KZ-3.3).
    /// </summary>
    public Invoice InvoiceFor(Order order)
    {
        var lines = order.Lines;
        var total = lines.Skip(1).Aggregate(lines[0].Price.Total, (sum, line) => sum + line.Price.Total);
        return new Invoice(order.InvoiceNumber, order.OrderId, order.CustomerId, total, order.PlacedAt,
            InvoiceDueAt(lines[0].Zone, order.PlacedAt), InvoiceStatus.Open);
    }

    /// <summary>KZ-3.3: when an invoice for a checked request, issued at <paramref name="issuedAt"/>, lapses.</summary>
    /// <exception cref="Calendars.DateOutsideCalendarException">The calendar data does not reach that far.</exception>
    public DateTimeOffset InvoiceDueAt(OrderCheck check, DateTimeOffset issuedAt) => InvoiceDueAt(check.Lines[0].Zone, issuedAt);

    // One order is one registrar's (one currency), so the first line's zone speaks for all.
    private DateTimeOffset InvoiceDueAt(string zone, DateTimeOffset issuedAt) => deadlines.InvoiceDueAt(zone, issuedAt);

    private static void VerifyItemsPresent(OrderRequest request, OrderErrors errors)
    {
        // KZ-1.1, UA-1.8: an order lists one or more domains.
        if (request.Items is null || request.Items.Count == 0)
            errors.Add("items", "List at least one domain to register (KZ-1.1, UA-1.8).");
        else if (request.Items.Count > MaxItems)
            errors.Add("items", $"At most {MaxItems} domains per order.");
    }

    private static void VerifyContactEmail(string? email, OrderErrors errors)
    {
        if (!TextRules.IsEmail(email))
            errors.Add("contactEmail", $"The customer's contact e-mail is required (KZ-2.2): a valid address, at most {TextRules.MaxEmailLocalPart} characters before the '@' (RFC 5321).");
    }

    private static void VerifyLanguage(string? language, OrderErrors errors)
    {
        // Optional: without it notices go out in the zone's offer language.
        if (language is not null && !CustomerLanguages.IsSupported(language))
            errors.Add("language", $"The language of notices is one of {string.Join(", ", CustomerLanguages.All.Select(l => $"\"{l}\""))} (lower case); omit it for the language of the zone's offer.");
    }

    private static void VerifyRegistrant(RegistrantRequest? registrant, OrderErrors errors)
    {
        switch (registrant)
        {
            case null or { NicHandle: null, Data: null }:
                errors.Add("registrant", "Give the registrant's data or an existing nic-handle (UA-1.5.1, UA-1.13).");
                break;
            case { NicHandle: not null, Data: not null }:
                errors.Add("registrant", "Give either a nic-handle or the registrant's data, not both (UA-1.13).");
                break;
            case { NicHandle: { } handle }:
                if (!NicHandle.IsValid(handle)) errors.Add("registrant.nicHandle", NicHandle.Rule);
                break;
            case { Data: { } data }:
                errors.Add(RegistrantDataRules.Check(data, "registrant.data"));
                break;
        }
    }

    private List<OrderLine> PriceItems(IReadOnlyList<OrderItemRequest> items, DateTimeOffset now, OrderErrors errors)
    {
        var lines = new List<OrderLine>();
        for (var i = 0; i < items.Count; i++)
        {
            var field = $"items[{i}]";
            var item = items[i];
            if (item is null)
            {
                errors.Add(field, "Each item is an object with a name and a term.");
                continue;
            }
            var parsed = names.ParseForRegistration(item.Name);
            if (!parsed.IsValid)
            {
                errors.Add($"{field}.name", parsed.Refusal!.Message);
                continue;
            }
            var name = parsed.Name!;
            if (lines.Any(l => l.DomainName == name.Ascii))
            {
                errors.Add($"{field}.name", $"{name} is listed twice.");
                continue;
            }
            var transfer = item.TransferCode is not null;
            if (transfer ? !VerifyTransferCode(item, field, errors) : !VerifyTrademark(name, item.Trademark, now, field, errors)) continue;
            try
            {
                // A transfer adds a term to a registration that exists (RFC 5731 section 3.2.4): no tariff names a transfer
                // price and neither offer has a clause for one, so it is priced as the renewal it amounts to.
                var price = tariffs.Quote(name.Zone.Zone, transfer ? TariffOperation.Renew : TariffOperation.Register, item.TermYears, now);
                lines.Add(new OrderLine(name.Ascii, name.Unicode, name.Zone.Zone, item.TermYears, price,
                    name.RequiresTrademark && !transfer, item.Trademark, item.TransferCode));
            }
            catch (UnsupportedTermException e)
            {
                errors.Add($"{field}.termYears", e.Message);
            }
            catch (Exception e) when (e is NoTariffInForceException or OperationNotPricedException)
            {
                errors.Add($"{field}.name", e.Message);
            }
        }
        return lines;
    }

    /// <summary>A transfer in names the code the losing registrar gave; the name's trademark was reviewed when it was
    /// registered (UA-Pre-7), so none is given again.</summary>
    private static bool VerifyTransferCode(OrderItemRequest item, string field, OrderErrors errors)
    {
        var refusal = string.IsNullOrWhiteSpace(item.TransferCode)
            ? "Give the transfer code the domain's current registrar issued."
            : TextRules.Refusal(item.TransferCode, MaxTransferCodeLength);
        if (refusal is not null)
        {
            errors.Add($"{field}.transferCode", refusal);
            return false;
        }
        if (item.Trademark is null) return true;
        errors.Add($"{field}.trademark", "A transfer in carries no trademark: it was reviewed when the name was registered (UA-Pre-7).");
        return false;
    }

    /// <summary>UA-Pre-7: a second-level .ua name needs a trademark whose word element is exactly the name.</summary>
    private bool VerifyTrademark(DomainName name, Trademark? trademark, DateTimeOffset now, string field, OrderErrors errors)
    {
        if (!name.RequiresTrademark)
        {
            if (trademark is null) return true;
            errors.Add($"{field}.trademark", $"Only second-level .ua names carry a trademark; {name} does not (UA-Pre-7).");
            return false;
        }
        if (trademark is null)
        {
            errors.Add($"{field}.trademark", $"{name} is a second-level .ua name: give the trademark whose word element is '{name.Label}' (UA-Pre-7).");
            return false;
        }
        var ok = true;
        foreach (var (member, value) in new[] { ("wordMark", trademark.WordMark), ("registrationNumber", trademark.RegistrationNumber) })
        {
            if (TextRules.Refusal(value, MaxTrademarkFieldLength) is not { } refusal) continue;
            errors.Add($"{field}.trademark.{member}", refusal);
            return false;
        }
        if (!string.Equals(Normalize(trademark.WordMark), Normalize(name.Unicode.Split('.')[0]), StringComparison.Ordinal))
        {
            errors.Add($"{field}.trademark.wordMark", $"The word element '{trademark.WordMark}' does not match '{name.Unicode.Split('.')[0]}' exactly (UA-Pre-7).");
            ok = false;
        }
        if (string.IsNullOrWhiteSpace(trademark.RegistrationNumber))
        {
            errors.Add($"{field}.trademark.registrationNumber", "The trademark's registration number is required (UA-Pre-7).");
            ok = false;
        }
        // A mark registered after the order was placed did not exist when the order claimed it; the registrar's own date decides.
        if (trademark.RegisteredOn > deadlines.LocalDate(name.Zone.Zone, now))
        {
            errors.Add($"{field}.trademark.registeredOn",
                $"The trademark's registration date {trademark.RegisteredOn:yyyy-MM-dd} is in the future; give the date the office registered it (UA-Pre-7).");
            ok = false;
        }
        if (trademark.Office is not ("UA" or "WIPO"))
        {
            errors.Add($"{field}.trademark.office", "The trademark must be registered in Ukraine (\"UA\") or internationally for Ukraine (\"WIPO\").");
            ok = false;
        }
        return ok;
    }

    private static string Normalize(string text) => text.Trim().Normalize(NormalizationForm.FormC).ToLowerInvariant();

    /// <summary>UA-Pre-5: a version naming the other registrar's offer is an acceptance of a text this order is not sold under.</summary>
    private void VerifyOfferOfZone(OfferAcceptanceRequest? acceptance, List<OrderLine> lines, OrderErrors errors)
    {
        if (lines.Count == 0 || acceptance?.OfferVersion is not { } version || !ContractTermsCatalog.IsOffer(version)) return;
        var zone = lines[0].Zone;
        var offer = offers.For(zone).Offer;
        if (version != offer)
            errors.Add("acceptance.offerVersion", $"'{version}' is another registrar's offer; .{zone} is sold under offer '{offer}', which the customer accepts (UA-Pre-5).");
    }

    private static void VerifyOneCurrency(List<OrderLine> lines, OrderErrors errors)
    {
        // One order is one invoice in one currency; .kz and .ua names belong to different registrars' offers.
        if (lines.Select(l => l.Price.Total.Currency).Distinct().Count() > 1)
            errors.Add("items", "All domains in one order must be billed in one currency: order .kz/.қаз and .ua names separately.");
    }
}
