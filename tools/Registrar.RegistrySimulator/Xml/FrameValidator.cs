using System.Collections.Concurrent;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Registrar.RegistrySimulator.Xml;

/// <summary>Validates every incoming frame. Frames of the IETF profile are checked against the RFC
/// schemas (all.xsd). Hostmaster's schemas are not public: its uaepp extension is checked by the
/// structure the open-source clients send, and its object namespaces are checked against the IETF
/// structure they mirror (its server reports errors against the same facets).</summary>
public sealed class FrameValidator
{
    private static readonly Dictionary<XNamespace, XNamespace> HostmasterToIetf = new()
    {
        [EppProfile.Hostmaster.Domain] = EppProfile.Ietf.Domain,
        [EppProfile.Hostmaster.Contact] = EppProfile.Ietf.Contact,
        [EppProfile.Hostmaster.Host] = EppProfile.Ietf.Host,
        [EppProfile.Hostmaster.Rgp] = EppProfile.Ietf.Rgp,
        [EppNamespaces.HostmasterPrefix + "secDNS-1.1"] = EppNamespaces.SecDns,
    };

    private readonly string _allXsd;
    // XmlSchemaSet is not documented as thread-safe, so each concurrent validation rents its own.
    private readonly ConcurrentBag<XmlSchemaSet> _schemaSets = [];

    public FrameValidator(string schemaDirectory)
    {
        _allXsd = Path.Combine(schemaDirectory, "all.xsd");
        if (!File.Exists(_allXsd))
            throw new FileNotFoundException($"The EPP schemas were not found: {_allXsd} does not exist (pass --schemas DIR).", _allXsd);
        _schemaSets.Add(LoadSchemas());
    }

    public void Validate(XDocument frame)
    {
        if (frame.Root?.Name != EppNamespaces.Epp + "epp")
            throw new FrameSyntaxException($"The root element is {frame.Root?.Name}; expected <epp> in {EppNamespaces.Epp}.");

        var usesHostmaster = frame.Descendants().Any(e => EppProfile.IsHostmaster(e.Name.Namespace));
        var toValidate = usesHostmaster ? HostmasterAsIetf(frame) : frame;
        var schemas = _schemaSets.TryTake(out var pooled) ? pooled : LoadSchemas();
        try
        {
            toValidate.Validate(schemas, (_, e) => throw new XmlSchemaValidationException(e.Message, e.Exception));
        }
        catch (XmlSchemaValidationException e)
        {
            var message = usesHostmaster ? BackToHostmasterNames(e.Message) : e.Message;
            throw new FrameSyntaxException($"The frame does not validate: {message}");
        }
        finally
        {
            _schemaSets.Add(schemas);
        }
    }

    private XmlSchemaSet LoadSchemas()
    {
        var schemas = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = new XmlUrlResolver() };
        using (var reader = XmlReader.Create(_allXsd, settings)) schemas.Add(null, reader);
        schemas.Compile();
        return schemas;
    }

    private static XDocument HostmasterAsIetf(XDocument frame)
    {
        var copy = new XDocument(frame);
        foreach (var uaepp in copy.Descendants().Where(e => e.Name.Namespace == EppNamespaces.Uaepp && e.Parent?.Name == EppNamespaces.Epp + "extension").ToList())
        {
            CheckUaeppExtension(uaepp);
            var extension = uaepp.Parent!;
            uaepp.Remove();
            if (!extension.HasElements) extension.Remove();
        }
        foreach (var element in copy.Descendants().ToList())
        {
            if (element.Name.Namespace == EppNamespaces.Uaepp)
                throw new FrameSyntaxException($"<uaepp:{element.Name.LocalName}> is allowed only directly inside <extension>.");
            if (EppProfile.IsHostmaster(element.Name.Namespace))
            {
                if (!HostmasterToIetf.TryGetValue(element.Name.Namespace, out var ietf))
                    throw new FrameSyntaxException($"The namespace {element.Name.NamespaceName} is not served by this registry.");
                element.Name = ietf + element.Name.LocalName;
            }
            // Namespace declarations would otherwise keep the old URIs for prefixed attributes.
            element.Attributes().Where(a => a.IsNamespaceDeclaration).Remove();
        }
        return copy;
    }

    // uaepp-1.1 as Hostmaster's clients send it: <create>/<update> carry one <license>;
    // <delete> on a host carries <deleteNS confirm="yes|no"/>.
    private static void CheckUaeppExtension(XElement extension)
    {
        var children = extension.Elements().ToList();
        switch (extension.Name.LocalName)
        {
            case "create" or "update":
                if (children.Count != 1 || children[0].Name != EppNamespaces.Uaepp + "license")
                    throw new FrameSyntaxException($"<uaepp:{extension.Name.LocalName}> must contain exactly one <uaepp:license>.");
                var licence = children[0].Value.Trim();
                if (licence.Length is 0 or > 255 || children[0].HasElements)
                    throw new FrameSyntaxException("<uaepp:license> must be text of 1 to 255 characters.");
                break;
            case "delete":
                if (children.Count != 1 || children[0].Name != EppNamespaces.Uaepp + "deleteNS"
                    || (string?)children[0].Attribute("confirm") is not ("yes" or "no"))
                    throw new FrameSyntaxException("<uaepp:delete> must contain one <uaepp:deleteNS confirm=\"yes|no\"/>.");
                break;
            default:
                throw new FrameSyntaxException($"<uaepp:{extension.Name.LocalName}> is not an element of {EppNamespaces.Uaepp}.");
        }
    }

    private static string BackToHostmasterNames(string message)
    {
        foreach (var (hostmaster, ietf) in HostmasterToIetf)
            message = message.Replace(ietf.NamespaceName, hostmaster.NamespaceName, StringComparison.Ordinal);
        return message;
    }
}
