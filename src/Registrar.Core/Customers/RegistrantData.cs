namespace Registrar.Core.Customers;

/// <summary>The registrant's details as the registry needs them (UA-1.5.1, UA-2.2.1).</summary>
/// <param name="Phone">EPP form (RFC 5733): "+CC.NUMBER", e.g. "+380.441234567".</param>
/// <param name="Organization">For a legal entity; a natural person gives <paramref name="FullName"/>.</param>
/// <remarks>Optional members come last with defaults, so a client may leave them out of the JSON.</remarks>
public sealed record RegistrantData(
    RegistrantKind Kind,
    PostalAddress Address,
    string Email,
    string Phone,
    string? Organization = null,
    string? FullName = null)
{
    /// <summary>KZ-2.4: whether <paramref name="other"/> is who holds the domain already, the same kind of registrant under the same
    /// name (letter case and spacing aside): handing a domain to the registrant who holds it changes nothing, and new details of
    /// that registrant are a contact change (KZ-2.3), not a new registration's price.</summary>
    public bool IsSameRegistrantAs(RegistrantData other) =>
        Kind == other.Kind && SameName(Organization, other.Organization) && SameName(FullName, other.FullName);

    private static bool SameName(string? one, string? other) =>
        string.Equals(Collapsed(one), Collapsed(other), StringComparison.OrdinalIgnoreCase);

    private static string Collapsed(string? name) => string.Join(' ', (name ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>KZ-2.3: the same registrant, reachable at <paramref name="contact"/>.</summary>
    public RegistrantData WithContact(RegistrantContact contact) =>
        this with { Address = contact.Address, Email = contact.Email, Phone = contact.Phone };
}

/// <param name="Country">ISO 3166-1 alpha-2, e.g. "UA", "KZ".</param>
/// <param name="Office">Office or apartment; may be empty where the building has none.</param>
public sealed record PostalAddress(
    string Country,
    string PostalCode,
    string Region,
    string City,
    string Street,
    string Building,
    string? Office = null);

public enum RegistrantKind
{
    NaturalPerson,
    LegalEntity,
}
