using System.Globalization;
using System.Xml.Linq;
using Registrar.Epp.Profiles;
using Registrar.Epp.Responses;

namespace Registrar.Epp.Commands;

/// <summary>RFC 5731 section 3.1.2, with the RGP (RFC 3915) and secDNS (RFC 5910) info data when present.</summary>
public sealed class DomainInfoCommand(string domainName, string? authInfoPassword = null) : EppCommand<DomainInfo>
{
    public string DomainName { get; } = domainName;
    public override string Name => "domain:info";
    public override bool IsIdempotent => true;

    public override void Validate(EppRegistryProfile profile)
    {
        if (string.IsNullOrWhiteSpace(DomainName)) throw new EppCommandValidationException("domain:info needs a domain name.");
    }

    public override XElement BuildCommand(EppRegistryProfile profile)
    {
        XNamespace d = profile.DomainNamespace;
        return Verb("info", "domain", d,
            new XElement(d + "name", new XAttribute("hosts", "all"), DomainName),
            authInfoPassword is null ? null : new XElement(d + "authInfo", new XElement(d + "pw", authInfoPassword)));
    }

    public override DomainInfo ParseResult(EppResponse response, EppRegistryProfile profile)
    {
        XNamespace d = profile.DomainNamespace;
        var info = ResultData(response, d + "infData");
        var ns = info.Element(d + "ns");
        return new DomainInfo(
            EppXml.RequiredValue(info, d + "name"),
            EppXml.RequiredValue(info, d + "roid"),
            info.Elements(d + "status").Select(s => new EppStatus(EppXml.RequiredAttribute(s, "s"), NullIfEmpty(s.Value))).ToList(),
            info.Element(d + "registrant")?.Value.Trim(),
            info.Elements(d + "contact").Select(c => new DomainContact(EppXml.RequiredAttribute(c, "type"), c.Value.Trim())).ToList(),
            ns is null ? [] : ns.Elements(d + "hostObj").Select(h => h.Value.Trim())
                .Concat(ns.Elements(d + "hostAttr").Select(h => EppXml.RequiredValue(h, d + "hostName"))).ToList(),
            info.Elements(d + "host").Select(h => h.Value.Trim()).ToList(),
            EppXml.RequiredValue(info, d + "clID"),
            EppXml.OptionalDate(info, d + "crDate"),
            EppXml.OptionalDate(info, d + "upDate"),
            EppXml.OptionalDate(info, d + "exDate"),
            EppXml.OptionalDate(info, d + "trDate"),
            info.Element(d + "authInfo")?.Element(d + "pw")?.Value,
            RgpStatuses(response, profile),
            DsRecords(response, profile),
            KeyRecords(response, profile));
    }

    private static List<string> RgpStatuses(EppResponse response, EppRegistryProfile profile)
    {
        if (response.Extension is null || profile.RgpNamespace is null) return [];
        XNamespace rgp = profile.RgpNamespace;
        return response.Extension.Elements(rgp + "infData").Elements(rgp + "rgpStatus")
            .Select(s => EppXml.RequiredAttribute(s, "s")).ToList();
    }

    private static List<DsData> DsRecords(EppResponse response, EppRegistryProfile profile) =>
        SecDnsInfoData(response, profile, "dsData", (ds, sec) => new DsData(
            ParseNumber<ushort>(ds, sec + "keyTag"), ParseNumber<byte>(ds, sec + "alg"),
            ParseNumber<byte>(ds, sec + "digestType"), EppXml.RequiredValue(ds, sec + "digest")));

    /// <summary>RFC 5910 section 4: a registry may take the key-data interface instead, answering with keyData where another
    /// answers with dsData; read as no DS records at all, a signed domain would look unsigned.</summary>
    private static List<KeyData> KeyRecords(EppResponse response, EppRegistryProfile profile) =>
        SecDnsInfoData(response, profile, "keyData", (key, sec) => new KeyData(
            ParseNumber<ushort>(key, sec + "flags"), ParseNumber<byte>(key, sec + "protocol"),
            ParseNumber<byte>(key, sec + "alg"), EppXml.RequiredValue(key, sec + "pubKey")));

    private static List<T> SecDnsInfoData<T>(EppResponse response, EppRegistryProfile profile, string element, Func<XElement, XNamespace, T> read)
    {
        if (response.Extension is null || profile.SecDnsNamespace is null) return [];
        XNamespace sec = profile.SecDnsNamespace;
        return response.Extension.Elements(sec + "infData").Elements(sec + element).Select(data => read(data, sec)).ToList();
    }

    private static T ParseNumber<T>(XElement parent, XName name) where T : IParsable<T>
    {
        var text = EppXml.RequiredValue(parent, name);
        return T.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value
            : throw new EppProtocolException($"<{name.LocalName}> '{text}' is not a valid {typeof(T).Name}.");
    }

    private static string? NullIfEmpty(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
