using System.Xml.Linq;

namespace Registrar.RegistrySimulator.Xml;

public static class EppNamespaces
{
    public static readonly XNamespace Epp = "urn:ietf:params:xml:ns:epp-1.0";
    public static readonly XNamespace SecDns = "urn:ietf:params:xml:ns:secDNS-1.1";
    public const string HostmasterPrefix = "http://hostmaster.ua/epp/";
    public static readonly XNamespace Uaepp = "http://hostmaster.ua/epp/uaepp-1.1";
}

/// <summary>The object and RGP namespaces one registry speaks. The IETF profile is RFC 5731-5733 and
/// RFC 3915; Hostmaster (.ua) uses the same element structure under its own namespaces.</summary>
public sealed record EppProfile(string Name, XNamespace Domain, XNamespace Contact, XNamespace Host, XNamespace Rgp)
{
    public static readonly EppProfile Ietf = new("ietf",
        "urn:ietf:params:xml:ns:domain-1.0", "urn:ietf:params:xml:ns:contact-1.0",
        "urn:ietf:params:xml:ns:host-1.0", "urn:ietf:params:xml:ns:rgp-1.0");

    public static readonly EppProfile Hostmaster = new("hostmaster",
        "http://hostmaster.ua/epp/domain-1.1", "http://hostmaster.ua/epp/contact-1.1",
        "http://hostmaster.ua/epp/host-1.1", "http://hostmaster.ua/epp/rgp-1.1");

    public static IReadOnlyList<EppProfile> All { get; } = [Ietf, Hostmaster];

    public IEnumerable<XNamespace> ObjectNamespaces => [Domain, Contact, Host];

    /// <summary>"domain", "contact" or "host" for one of this profile's object namespaces.</summary>
    public string? ObjectTypeOf(XNamespace ns) =>
        ns == Domain ? "domain" : ns == Contact ? "contact" : ns == Host ? "host" : null;

    public static (EppProfile Profile, string ObjectType)? Resolve(XNamespace ns)
    {
        foreach (var profile in All)
        {
            if (profile.ObjectTypeOf(ns) is { } type) return (profile, type);
        }
        return null;
    }

    public static bool IsHostmaster(XNamespace ns) => ns.NamespaceName.StartsWith(EppNamespaces.HostmasterPrefix, StringComparison.Ordinal);
}
