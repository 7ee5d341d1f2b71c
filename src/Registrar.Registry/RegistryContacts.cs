using System.Security.Cryptography;
using System.Text;
using Registrar.Core.Customers;
using Registrar.Epp.Commands;

namespace Registrar.Registry;

/// <summary>Registry contacts made from registrant data. Their ids derive from the registration, so a
/// create repeated after a lost answer names the same contact and cannot make a second one.</summary>
public static class RegistryContacts
{
    /// <summary>RFC 5730 clIDType: 3 to 16 characters.</summary>
    public static string IdFor(string registrationId, string role) =>
        "RG" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{registrationId}/{role}")), 0, 7);

    public static ContactCreateCommand CreateCommand(string id, RegistrantData data) => new()
    {
        Id = id,
        PostalInfos =
        [
            new PostalInfo
            {
                Type = "loc",
                Name = data.FullName ?? data.Organization!,
                Organization = data.Kind == RegistrantKind.LegalEntity ? data.Organization : null,
                Street = Street(data.Address),
                City = data.Address.City,
                StateOrProvince = data.Address.Region,
                PostalCode = data.Address.PostalCode,
                CountryCode = data.Address.Country,
            },
        ],
        Voice = data.Phone,
        Email = data.Email,
        AuthInfoPassword = NewAuthInfo(),
    };

    /// <summary>A fresh secret for an object's authInfo (RFC 5733 pwAuthInfoType), never derived from anything guessable.</summary>
    private static string NewAuthInfo() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)) + "-9a";

    private static IReadOnlyList<string> Street(PostalAddress address) =>
        address.Office is { Length: > 0 } office
            ? [$"{address.Street} {address.Building}", office]
            : [$"{address.Street} {address.Building}"];
}
