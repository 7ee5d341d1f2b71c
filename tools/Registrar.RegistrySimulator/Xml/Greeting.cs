using System.Xml.Linq;
using Registrar.RegistrySimulator.Commands.Session;

namespace Registrar.RegistrySimulator.Xml;

/// <summary>RFC 5730 section 2.4: sent on connect and in answer to &lt;hello&gt;.</summary>
public sealed class Greeting(TimeProvider clock, ServiceMenu services)
{
    private static readonly XNamespace Epp = EppNamespaces.Epp;

    public byte[] Write()
    {
        var menu = new XElement(Epp + "svcMenu",
            new XElement(Epp + "version", "1.0"),
            new XElement(Epp + "lang", "en"),
            services.ObjectUris.Select(uri => new XElement(Epp + "objURI", uri.NamespaceName)),
            services.ExtensionUris.Count == 0 ? null
                : new XElement(Epp + "svcExtension", services.ExtensionUris.Select(uri => new XElement(Epp + "extURI", uri.NamespaceName))));
        var dcp = new XElement(Epp + "dcp",
            new XElement(Epp + "access", new XElement(Epp + "all")),
            new XElement(Epp + "statement",
                new XElement(Epp + "purpose", new XElement(Epp + "admin"), new XElement(Epp + "prov")),
                new XElement(Epp + "recipient", new XElement(Epp + "ours"), new XElement(Epp + "public")),
                new XElement(Epp + "retention", new XElement(Epp + "stated"))));
        var greeting = new XElement(Epp + "greeting",
            new XElement(Epp + "svID", "Registrar registry simulator"),
            new XElement(Epp + "svDate", EppDates.Format(clock.GetUtcNow())),
            menu, dcp);
        return ResponseWriter.Serialize(new XElement(Epp + "epp", greeting));
    }
}
