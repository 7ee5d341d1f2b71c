using System.Xml.Linq;
using Registrar.Epp.Commands;
using Registrar.Epp.Profiles;

namespace Registrar.Epp.Extensions;

/// <summary>Hostmaster's uaepp-1.1 extension carrying the trademark licence a second-level .ua name
/// needs (UA-Pre-7): &lt;uaepp:create&gt; with domain:create, &lt;uaepp:update&gt; with domain:update,
/// each holding one &lt;uaepp:license&gt; — the structure Net::DRI's UA extension and
/// struzik-vladislav/epp-ext-hostmasterua-uaepp send (the registry's schema is not public).</summary>
public sealed class HostmasterLicenceExtension : IEppCommandExtension
{
    private readonly string _verb;

    private HostmasterLicenceExtension(string verb, string licence)
    {
        if (string.IsNullOrWhiteSpace(licence))
            throw new EppCommandValidationException("The trademark licence (uaepp:license) cannot be empty (UA-Pre-7).");
        _verb = verb;
        Licence = licence;
    }

    public string Licence { get; }

    public static HostmasterLicenceExtension ForCreate(string licence) => new("create", licence);

    public static HostmasterLicenceExtension ForUpdate(string licence) => new("update", licence);

    public string NamespaceFor(EppRegistryProfile profile) => EppRegistryProfile.HostmasterUaLicenceNamespace;

    public XElement Build(EppRegistryProfile profile)
    {
        XNamespace ua = EppRegistryProfile.HostmasterUaLicenceNamespace;
        return new XElement(ua + _verb, new XAttribute(XNamespace.Xmlns + "uaepp", ua), new XElement(ua + "license", Licence));
    }
}
