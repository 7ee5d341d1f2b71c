using System.Xml.Linq;
using Registrar.Epp.Responses;

namespace Registrar.Epp.Commands;

/// <summary>RFC 5733 postalInfo. "loc" allows any Unicode; "int" only 7-bit ASCII.</summary>
public sealed record PostalInfo
{
    public string Type { get; init; } = "loc";

    /// <summary>Required at create; an update (chgPostalInfoType) without one keeps the name the registry has.</summary>
    public string? Name { get; init; }

    public string? Organization { get; init; }
    public IReadOnlyList<string> Street { get; init; } = [];
    public required string City { get; init; }
    public string? StateOrProvince { get; init; }
    public string? PostalCode { get; init; }
    public required string CountryCode { get; init; }

    /// <summary>RFC 5733 section 2.5: at most one internationalized and one localized form, each once.</summary>
    internal static void ValidateAll(IReadOnlyList<PostalInfo> postalInfos, string command, bool nameRequired)
    {
        foreach (var postal in postalInfos) postal.Validate(command, nameRequired);
        if (postalInfos.DistinctBy(postal => postal.Type).Count() != postalInfos.Count)
            throw new EppCommandValidationException($"{command}: one postalInfo of each type (loc, int), not two of one.");
    }

    private void Validate(string command, bool nameRequired)
    {
        if (nameRequired && string.IsNullOrWhiteSpace(Name)) throw new EppCommandValidationException($"{command}: a postalInfo needs a name.");
        if (Type is not ("loc" or "int")) throw new EppCommandValidationException($"{command}: postalInfo type is 'loc' or 'int', not '{Type}'.");
        if (Street.Count > 3) throw new EppCommandValidationException($"{command}: at most 3 street lines, not {Street.Count}.");
        if (CountryCode.Length != 2) throw new EppCommandValidationException($"{command}: the country code must be two letters (ISO 3166), not '{CountryCode}'.");
        if (Type == "int" && !IsAscii())
            throw new EppCommandValidationException($"{command}: an 'int' postalInfo must be ASCII; use 'loc' for {Name}.");
    }

    internal XElement ToXml(XNamespace c) => new(c + "postalInfo", new XAttribute("type", Type),
        Name is null ? null : new XElement(c + "name", Name),
        Organization is null ? null : new XElement(c + "org", Organization),
        new XElement(c + "addr",
            Street.Select(s => new XElement(c + "street", s)),
            new XElement(c + "city", City),
            StateOrProvince is null ? null : new XElement(c + "sp", StateOrProvince),
            PostalCode is null ? null : new XElement(c + "pc", PostalCode),
            new XElement(c + "cc", CountryCode)));

    internal static PostalInfo Parse(XElement postal, XNamespace c)
    {
        var addr = EppXml.RequiredElement(postal, c + "addr");
        return new PostalInfo
        {
            Type = EppXml.RequiredAttribute(postal, "type"),
            Name = EppXml.RequiredValue(postal, c + "name"),
            Organization = postal.Element(c + "org")?.Value.Trim(),
            Street = addr.Elements(c + "street").Select(s => s.Value.Trim()).ToList(),
            City = EppXml.RequiredValue(addr, c + "city"),
            StateOrProvince = addr.Element(c + "sp")?.Value.Trim(),
            PostalCode = addr.Element(c + "pc")?.Value.Trim(),
            CountryCode = EppXml.RequiredValue(addr, c + "cc"),
        };
    }

    private bool IsAscii() => new[] { Name, Organization, City, StateOrProvince, PostalCode }.Concat(Street)
        .All(s => s is null || s.All(char.IsAscii));
}

public sealed record ContactInfo(
    string Id, string Roid, IReadOnlyList<EppStatus> Statuses, IReadOnlyList<PostalInfo> PostalInfos,
    string? Voice, string? Fax, string Email, string SponsoringClientId,
    DateTimeOffset? CreatedAt, DateTimeOffset? UpdatedAt, string? AuthInfoPassword);

public sealed record ContactCreated(string Id, DateTimeOffset CreatedAt);
