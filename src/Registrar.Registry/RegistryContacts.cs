using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Registrar.Core.Customers;
using Registrar.Epp.Commands;

namespace Registrar.Registry;

/// <summary>Registry contacts made from registrant data. Their ids derive from the registration, so a
/// create repeated after a lost answer names the same contact and cannot make a second one.</summary>
public static class RegistryContacts
{
    private const string Prefix = "RG";

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789ABCDEFabcdef");

    /// <summary>The registrant contact made from the order's data when the registration is created.</summary>
    public static string RegistrantOf(string registrationId) => IdFor(registrationId, "registrant");

    /// <summary>The technical contact made for the person the order named (UA-1.14).</summary>
    public static string TechnicalOf(string registrationId) => IdFor(registrationId, "tech");

    /// <summary>RFC 5730 clIDType: 3 to 16 characters.</summary>
    public static string IdFor(string registrationId, string role) =>
        Prefix + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{registrationId}/{role}")), 0, 7);

    /// <summary>Whether <paramref name="handle"/> has the form of the ids <see cref="IdFor"/> gives, in any case (registries
    /// differ on whether contact ids are case-sensitive).</summary>
    public static bool HasOurForm(string handle) =>
        handle.Length == 16 && handle.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && !handle.AsSpan(2).ContainsAnyExcept(HexDigits);

    public static ContactCreateCommand CreateCommand(string id, RegistrantData data) => new()
    {
        Id = id,
        PostalInfos = [PostalInfoOf(data)],
        Voice = data.Phone,
        Email = data.Email,
        AuthInfoPassword = NewAuthInfo(),
    };

    /// <summary>KZ-2.3: the contact's address, phone and e-mail replaced by <paramref name="contact"/>'s. Its name, organisation
    /// and authInfo stay: the registrant is the same (RFC 5733 chgPostalInfoType leaves out what does not change).</summary>
    public static ContactUpdateCommand UpdateCommand(string id, RegistrantContact contact) => new()
    {
        Id = id,
        PostalInfos = [PostalInfoOf(contact.Address, name: null, organization: null)],
        Voice = contact.Phone,
        Email = contact.Email,
    };

    private static PostalInfo PostalInfoOf(RegistrantData data) =>
        PostalInfoOf(data.Address, data.FullName ?? data.Organization!, data.Kind == RegistrantKind.LegalEntity ? data.Organization : null);

    private static PostalInfo PostalInfoOf(PostalAddress address, string? name, string? organization) => new()
    {
        Type = "loc",
        Name = name,
        Organization = organization,
        Street = Street(address),
        City = address.City,
        StateOrProvince = address.Region,
        PostalCode = address.PostalCode,
        CountryCode = address.Country,
    };

    /// <summary>A fresh secret for an object's authInfo (RFC 5733 pwAuthInfoType), never derived from anything guessable.</summary>
    private static string NewAuthInfo() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)) + "-9a";

    private static IReadOnlyList<string> Street(PostalAddress address) =>
        address.Office is { Length: > 0 } office
            ? [$"{address.Street} {address.Building}", office]
            : [$"{address.Street} {address.Building}"];
}
