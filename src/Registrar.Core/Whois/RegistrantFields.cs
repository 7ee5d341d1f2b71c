using Registrar.Core.Customers;
using Registrar.Core.Zones;

namespace Registrar.Core.Whois;

/// <summary>The registrant's fields as WHOIS names them, and their values in an order's registrant data.</summary>
public static class RegistrantFields
{
    public static IReadOnlyList<WhoisField> All { get; } =
    [
        WhoisField.RegistrantOrganization, WhoisField.RegistrantCountry, WhoisField.RegistrantName,
        WhoisField.RegistrantAddress, WhoisField.RegistrantEmail, WhoisField.RegistrantPhone,
    ];

    public static bool Contains(WhoisField field) => All.Contains(field);

    /// <summary>The field's value as one line of text, or null when the registrant gave none.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="field"/> is not a registrant field.</exception>
    public static string? ValueOf(RegistrantData registrant, WhoisField field) => field switch
    {
        WhoisField.RegistrantOrganization => Blank(registrant.Organization),
        WhoisField.RegistrantCountry => Blank(registrant.Address?.Country),
        WhoisField.RegistrantName => Blank(registrant.FullName),
        WhoisField.RegistrantAddress => registrant.Address is { } address ? OneLine(address) : null,
        WhoisField.RegistrantEmail => Blank(registrant.Email),
        WhoisField.RegistrantPhone => Blank(registrant.Phone),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a registrant field."),
    };

    /// <summary>"Street Building, Office, City, Region, PostalCode, Country": the order a letter is addressed in.</summary>
    private static string OneLine(PostalAddress a) => string.Join(", ",
        new[] { $"{a.Street} {a.Building}".Trim(), a.Office, a.City, a.Region, a.PostalCode, a.Country }.Where(p => !string.IsNullOrWhiteSpace(p)));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
