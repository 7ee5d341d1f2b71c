using System.Text.Json.Nodes;
using Registrar.Core.Customers;
using Registrar.Core.Whois;

namespace Registrar.Api.Whois;

/// <summary>
/// The registrant's jCard (RFC 7095) holding only the published fields. vCard requires a formatted name (RFC 6350
/// 6.2.1), so a withheld name stays as an empty "fn", or holds the organisation's name where that is shown; the country
/// alone is the "cc" parameter (RFC 8605) of an address whose other parts are empty.
/// </summary>
/// <param name="NameReplaced">The formatted name is the organisation's, in place of the person's withheld name.</param>
public sealed record RegistrantCard(JsonArray VcardArray, bool NameEmptied, bool NameReplaced, bool HasAddress)
{
    public static RegistrantCard Of(PublishedRegistrant shown)
    {
        var formattedName = shown.Name ?? shown.Organization;
        var properties = new List<JsonArray> { JCard.Text("fn", formattedName ?? "") };
        if (shown.Organization is { } organization) properties.Add(JCard.Text("org", organization));
        var hasAddress = shown.Address is not null || shown.Country is not null;
        if (hasAddress) properties.Add(Address(shown));
        if (shown.Email is { } email) properties.Add(JCard.Text("email", email));
        // EPP's "+CC.NUMBER" is a valid global number: '.' is a visual separator in RFC 3966.
        if (shown.Phone is { } phone) properties.Add(new JsonArray("tel", new JsonObject { ["type"] = "voice" }, "uri", $"tel:{phone}"));
        return new RegistrantCard(JCard.Of(properties), NameEmptied: formattedName is null,
            NameReplaced: shown.Name is null && formattedName is not null, hasAddress);
    }

    /// <summary>adr: post office box, extended address, street, locality, region, postal code, country name.</summary>
    private static JsonArray Address(PublishedRegistrant shown)
    {
        var parameters = new JsonObject();
        if (shown.Country is { } country) parameters["cc"] = country;
        var a = shown.Address;
        JsonNode street = a?.Office is { Length: > 0 } office
            ? new JsonArray($"{a.Street} {a.Building}", office)
            : JsonValue.Create(a is null ? "" : $"{a.Street} {a.Building}");
        return new JsonArray("adr", parameters, "text", new JsonArray("", "", street, a?.City ?? "", a?.Region ?? "", a?.PostalCode ?? "", ""));
    }
}
