using System.Globalization;
using System.Xml.Linq;
using Registrar.RegistrySimulator.Registry;
using Registrar.RegistrySimulator.Xml;

namespace Registrar.RegistrySimulator.Commands.Domains;

/// <summary>RFC 5910 secDNS-1.1, DS data interface: create, update (add, rem, rem all) and info.</summary>
public static class DomainSecDns
{
    private static readonly XNamespace[] Namespaces = [EppNamespaces.SecDns, EppNamespaces.HostmasterPrefix + "secDNS-1.1"];

    public static IReadOnlyList<DsRecord> FromCreate(CommandContext context) =>
        Extension(context, "create") is { } create ? Records(create) : [];

    /// <summary>The DS set after a secDNS:update, or null when the command carries none.</summary>
    public static List<DsRecord>? AfterUpdate(CommandContext context, IReadOnlyList<DsRecord> current)
    {
        if (Extension(context, "update") is not { } update) return null;
        // RFC 5910 section 5.2.5: a server that does not support "urgent" must refuse it with 2102, not do the change at
        // its usual pace while the client believes it asked for more.
        if (((string?)update.Attribute("urgent"))?.Trim() is "true" or "1")
            throw new EppCommandException(ResultCode.UnimplementedOption, "this registry does not implement the urgent attribute of <secDNS:update>.");
        var ns = update.Name.Namespace;
        var result = current.ToList();
        if (update.Element(ns + "rem") is { } remove)
        {
            // xs:boolean collapses white space: " true " asks for all of them too.
            if (((string?)remove.Element(ns + "all"))?.Trim() is "true" or "1") result.Clear();
            else result.RemoveAll(Records(remove).Contains);
        }
        if (update.Element(ns + "add") is { } add) result.AddRange(Records(add).Where(r => !result.Contains(r)));
        return result;
    }

    /// <summary>RFC 5910 section 3.3: the maxSigLife of a secDNS:create, or of a secDNS:update's chg; null without one.</summary>
    public static int? MaxSigLife(CommandContext context, string command)
    {
        var extension = Extension(context, command);
        var holder = command == "update" ? extension?.Element(extension.Name.Namespace + "chg") : extension;
        return holder?.Element(holder.Name.Namespace + "maxSigLife") is { } maxSigLife ? int.Parse(maxSigLife.Value, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>secDNS:infData in the namespace the session asked for at login; null if it asked for none. The schema gives a
    /// maxSigLife only alongside DS records, so a domain without them shows neither.</summary>
    public static XElement? InfData(CommandContext context, Domain domain)
    {
        var records = domain.DsData;
        if (records.Count == 0 || Namespaces.FirstOrDefault(context.Session.ExtensionUris.Contains) is not { } ns) return null;
        return new XElement(ns + "infData", domain.MaxSigLife is { } maxSigLife ? new XElement(ns + "maxSigLife", maxSigLife) : null,
            records.Select(r => new XElement(ns + "dsData",
                new XElement(ns + "keyTag", r.KeyTag), new XElement(ns + "alg", r.Algorithm),
                new XElement(ns + "digestType", r.DigestType), new XElement(ns + "digest", r.Digest))));
    }

    private static XElement? Extension(CommandContext context, string name) =>
        Namespaces.Select(ns => context.ExtensionElement(ns, name)).FirstOrDefault(e => e is not null);

    /// <summary>The DS records of a create, add or rem, each once: RFC 5910 section 4 gives a domain a set of them.</summary>
    private static List<DsRecord> Records(XElement container)
    {
        var ns = container.Name.Namespace;
        if (container.Elements(ns + "keyData").Any())
            throw new EppCommandException(ResultCode.ParameterPolicy, "this registry takes DS records (<secDNS:dsData>), not <secDNS:keyData>.");
        return container.Elements(ns + "dsData").Select(ds => new DsRecord(
            int.Parse(ds.Element(ns + "keyTag")!.Value, CultureInfo.InvariantCulture),
            int.Parse(ds.Element(ns + "alg")!.Value, CultureInfo.InvariantCulture),
            int.Parse(ds.Element(ns + "digestType")!.Value, CultureInfo.InvariantCulture),
            ds.Element(ns + "digest")!.Value.Trim().ToUpperInvariant())).Distinct().ToList();
    }
}
