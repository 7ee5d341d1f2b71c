namespace Registrar.Core.Customers;

/// <summary>The registrant's details as the registry needs them (UA-1.5.1, UA-2.2.1).</summary>
/// <param name="Organization">For a legal entity; a natural person gives <paramref name="FullName"/>.</param>
/// <param name="Phone">EPP form (RFC 5733): "+CC.NUMBER", e.g. "+380.441234567".</param>
public sealed record RegistrantData(
    RegistrantKind Kind,
    string? Organization,
    string? FullName,
    PostalAddress Address,
    string Email,
    string Phone);

/// <param name="Country">ISO 3166-1 alpha-2, e.g. "UA", "KZ".</param>
/// <param name="Office">Office or apartment; may be empty where the building has none.</param>
public sealed record PostalAddress(
    string Country,
    string PostalCode,
    string Region,
    string City,
    string Street,
    string Building,
    string? Office);

public enum RegistrantKind
{
    NaturalPerson,
    LegalEntity,
}
