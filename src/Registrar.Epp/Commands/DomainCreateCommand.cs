using System.Xml.Linq;
using Registrar.Epp.Extensions;
using Registrar.Epp.Profiles;
using Registrar.Epp.Responses;

namespace Registrar.Epp.Commands;

/// <summary>RFC 5731 section 3.2.1. Not idempotent: after a dropped connection the caller reconciles
/// with domain:info instead of sending it again.</summary>
public sealed class DomainCreateCommand : EppCommand<DomainCreated>
{
    public required string DomainName { get; init; }
    public EppPeriod? Period { get; init; }
    public IReadOnlyList<string> NameServers { get; init; } = [];
    public string? Registrant { get; init; }
    public IReadOnlyList<DomainContact> Contacts { get; init; } = [];
    public required string AuthInfoPassword { get; init; }

    public override string Name => "domain:create";

    public override void Validate(EppRegistryProfile profile)
    {
        if (string.IsNullOrWhiteSpace(DomainName)) throw new EppCommandValidationException("domain:create needs a domain name.");
        if (string.IsNullOrEmpty(AuthInfoPassword)) throw new EppCommandValidationException($"domain:create {DomainName} needs an authInfo password.");
        Period?.Validate(Name);
        foreach (var contact in Contacts) contact.Validate(Name);
        if (NameServers.Count > 13) throw new EppCommandValidationException($"domain:create {DomainName}: at most 13 name servers, not {NameServers.Count}.");
        if (IsLicensedSecondLevel(profile) && !Extensions.OfType<HostmasterLicenceExtension>().Any())
            throw new EppCommandValidationException(
                $"{DomainName} is a second-level name in a zone where the registry requires the trademark licence (UA-Pre-7); add a HostmasterLicenceExtension.");
    }

    public override XElement BuildCommand(EppRegistryProfile profile)
    {
        XNamespace d = profile.DomainNamespace;
        return Verb("create", "domain", d,
            new XElement(d + "name", DomainName),
            Period is null ? null : new XElement(d + "period", new XAttribute("unit", Period.UnitCode), Period.Value),
            NameServers.Count == 0 ? null : new XElement(d + "ns", NameServers.Select(n => new XElement(d + "hostObj", n))),
            Registrant is null ? null : new XElement(d + "registrant", Registrant),
            Contacts.Select(c => new XElement(d + "contact", new XAttribute("type", c.Type), c.Id)),
            new XElement(d + "authInfo", new XElement(d + "pw", AuthInfoPassword)));
    }

    public override DomainCreated ParseResult(EppResponse response, EppRegistryProfile profile)
    {
        XNamespace d = profile.DomainNamespace;
        var data = ResultData(response, d + "creData");
        return new DomainCreated(EppXml.RequiredValue(data, d + "name"),
            EppXml.OptionalDate(data, d + "crDate") ?? throw new EppProtocolException("<domain:creData> has no <crDate>."),
            EppXml.OptionalDate(data, d + "exDate"), response.Code == EppResultCode.SuccessPending);
    }

    private bool IsLicensedSecondLevel(EppRegistryProfile profile)
    {
        var labels = DomainName.TrimEnd('.').Split('.');
        return labels.Length == 2 && profile.LicensedSecondLevelZones.Contains(labels[1], StringComparer.OrdinalIgnoreCase);
    }
}
