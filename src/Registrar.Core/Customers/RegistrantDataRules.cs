using System.Globalization;
using System.Text.RegularExpressions;

namespace Registrar.Core.Customers;

/// <summary>
/// UA-1.5.1, UA-2.2.1: a registration request carries complete registrant data; incomplete data is
/// refused with every missing or invalid field named. Field names are the request's JSON paths.
/// </summary>
public static partial class RegistrantDataRules
{
    private const int MaxFieldLength = 255; // RFC 5733 postalLineType / contact name limit
    private const int MaxPostalCodeLength = 16; // RFC 5733 pcType

    public static IReadOnlyDictionary<string, string[]> Check(RegistrantData data, string prefix)
    {
        var errors = new Dictionary<string, string[]>(CheckContact(new RegistrantContact(data.Address, data.Email, data.Phone), prefix));
        if (data.Kind == RegistrantKind.LegalEntity && IsBlank(data.Organization))
            errors[$"{prefix}.organization"] = ["A legal entity gives its organisation name."];
        if (data.Kind == RegistrantKind.NaturalPerson && IsBlank(data.FullName))
            errors[$"{prefix}.fullName"] = ["A natural person gives their full name."];
        foreach (var (field, value) in new[] { ("organization", data.Organization), ("fullName", data.FullName) })
        {
            if (TextRules.Refusal(value, MaxFieldLength) is { } refusal) errors[$"{prefix}.{field}"] = [refusal];
        }
        return errors;
    }

    /// <summary>KZ-2.3: the postal address, e-mail and phone, as complete as a registration needs them.</summary>
    public static IReadOnlyDictionary<string, string[]> CheckContact(RegistrantContact contact, string prefix)
    {
        var errors = new Dictionary<string, string[]>();
        void Refuse(string field, string message) => errors[$"{prefix}.{field}"] = [message];

        var address = contact.Address;
        if (address is null)
        {
            Refuse("address", "The postal address is required: country, postcode, region, city, street, building.");
        }
        else
        {
            if (!IsCountryCode(address.Country)) Refuse("address.country", "An ISO 3166-1 alpha-2 country code, e.g. UA or KZ.");
            if (IsBlank(address.PostalCode)) Refuse("address.postalCode", "The postcode is required.");
            if (IsBlank(address.Region)) Refuse("address.region", "The region is required.");
            if (IsBlank(address.City)) Refuse("address.city", "The city is required.");
            if (IsBlank(address.Street)) Refuse("address.street", "The street is required.");
            if (IsBlank(address.Building)) Refuse("address.building", "The building number is required.");
        }

        if (!TextRules.IsEmail(contact.Email))
            Refuse("email", $"A valid e-mail address is required, with at most {TextRules.MaxEmailLocalPart} characters before the '@' (RFC 5321).");
        if (!EppPhone().IsMatch(contact.Phone ?? "")) Refuse("phone", "A phone number in the form +CC.NUMBER, e.g. +380.441234567.");

        foreach (var (field, value, limit) in AddressFields(address))
        {
            if (TextRules.Refusal(value, limit) is { } refusal) Refuse(field, refusal);
        }
        return errors;
    }

    private static IEnumerable<(string Field, string? Value, int Limit)> AddressFields(PostalAddress? a) =>
    [
        ("address.postalCode", a?.PostalCode, MaxPostalCodeLength), ("address.region", a?.Region, MaxFieldLength),
        ("address.city", a?.City, MaxFieldLength), ("address.street", a?.Street, MaxFieldLength),
        ("address.building", a?.Building, MaxFieldLength), ("address.office", a?.Office, MaxFieldLength),
    ];

    private static bool IsBlank(string? value) => string.IsNullOrWhiteSpace(value);

    private static bool IsCountryCode(string? value) =>
        value is { Length: 2 } && value.All(char.IsAsciiLetterUpper) && IsKnownRegion(value);

    private static bool IsKnownRegion(string code)
    {
        try
        {
            return new RegionInfo(code).TwoLetterISORegionName == code;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }


    // RFC 5733 e164Type: "+" 1-3 digit country code "." up to 14 digits.
    [GeneratedRegex(@"^\+[0-9]{1,3}\.[0-9]{1,14}$")]
    private static partial Regex EppPhone();
}
