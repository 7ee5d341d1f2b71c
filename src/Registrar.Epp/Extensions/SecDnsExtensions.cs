using System.Globalization;
using System.Xml.Linq;
using Registrar.Epp.Commands;
using Registrar.Epp.Profiles;

namespace Registrar.Epp.Extensions;

/// <summary>RFC 5910 secDNS:create: DS records given with domain:create.</summary>
public sealed class SecDnsCreateExtension(IReadOnlyList<DsData> dsData, int? maxSigLife = null) : IEppCommandExtension
{
    public string NamespaceFor(EppRegistryProfile profile) => SecDns.Namespace(profile);

    public XElement Build(EppRegistryProfile profile)
    {
        if (dsData.Count == 0) throw new EppCommandValidationException("secDNS:create needs at least one dsData.");
        if (maxSigLife < 1) throw new EppCommandValidationException($"secDNS:maxSigLife is a number of seconds from 1 (RFC 5910 section 3.3), not {maxSigLife}.");
        XNamespace s = NamespaceFor(profile);
        return new XElement(s + "create", new XAttribute(XNamespace.Xmlns + "secDNS", s),
            maxSigLife is null ? null : new XElement(s + "maxSigLife", maxSigLife.Value),
            dsData.Select(ds => SecDns.ToXml(s, ds)));
    }
}

/// <summary>RFC 5910 secDNS:update: remove (some or all) then add DS records with domain:update.</summary>
public sealed class SecDnsUpdateExtension : IEppCommandExtension
{
    public IReadOnlyList<DsData> Add { get; init; } = [];
    public IReadOnlyList<DsData> Remove { get; init; } = [];
    public bool RemoveAll { get; init; }

    public string NamespaceFor(EppRegistryProfile profile) => SecDns.Namespace(profile);

    public XElement Build(EppRegistryProfile profile)
    {
        if (RemoveAll && Remove.Count > 0)
            throw new EppCommandValidationException("secDNS:update removes either all DS records or listed ones, not both.");
        if (!RemoveAll && Remove.Count == 0 && Add.Count == 0)
            throw new EppCommandValidationException("secDNS:update changes nothing.");
        XNamespace s = NamespaceFor(profile);
        return new XElement(s + "update", new XAttribute(XNamespace.Xmlns + "secDNS", s),
            RemoveAll ? new XElement(s + "rem", new XElement(s + "all", "true"))
                : Remove.Count == 0 ? null : new XElement(s + "rem", Remove.Select(ds => SecDns.ToXml(s, ds))),
            Add.Count == 0 ? null : new XElement(s + "add", Add.Select(ds => SecDns.ToXml(s, ds))));
    }
}

internal static class SecDns
{
    public static string Namespace(EppRegistryProfile profile) => profile.SecDnsNamespace
        ?? throw new EppCommandValidationException($"The '{profile.Name}' profile has no secDNS namespace.");

    public static XElement ToXml(XNamespace s, DsData ds)
    {
        if (ds.Digest.Length == 0 || ds.Digest.Length % 2 != 0 || !ds.Digest.All(Uri.IsHexDigit))
            throw new EppCommandValidationException($"DS digest '{ds.Digest}' is not hexadecimal.");
        return new XElement(s + "dsData",
            new XElement(s + "keyTag", ds.KeyTag.ToString(CultureInfo.InvariantCulture)),
            new XElement(s + "alg", ds.Algorithm.ToString(CultureInfo.InvariantCulture)),
            new XElement(s + "digestType", ds.DigestType.ToString(CultureInfo.InvariantCulture)),
            new XElement(s + "digest", ds.Digest.ToUpperInvariant()));
    }
}
