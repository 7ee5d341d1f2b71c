using System.Globalization;
using Registrar.Core.Names;

namespace Registrar.Core.Requests;

/// <summary>KZ-2.3: the name servers a DNS change may ask for: 2 to 13 distinct host names (RFC 1123 LDH labels, at
/// least two, typed in Unicode or A-label form), kept in their lower-case A-label form as the registry knows them.</summary>
public static class NameServerNames
{
    public const int Min = 2;
    public const int Max = 13;

    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true };

    /// <summary>The host names in registry form, or why they are refused.</summary>
    public static (IReadOnlyList<string>? Names, string? Error) Normalize(IReadOnlyList<string>? names)
    {
        if (names is null || names.Count is < Min or > Max) return (null, $"Give {Min} to {Max} name servers.");
        var normalized = new List<string>(names.Count);
        foreach (var name in names)
        {
            if (ToHostName(name) is not { } host) return (null, $"'{name}' is not a host name.");
            if (normalized.Contains(host)) return (null, $"'{name}' is named twice.");
            normalized.Add(host);
        }
        return (normalized, null);
    }

    /// <summary>The host names a DNS change of <paramref name="domain"/> (A-label form) asks for, in registry form, or why they
    /// are refused. A host inside the domain itself is subordinate to it, and the registry creates one only with its addresses,
    /// the glue (RFC 5732 section 3.2.1, RFC 5731 section 1.1), which a DNS change does not carry: the registry would refuse it
    /// (2003) after the customer proved the request. One the domain has now (<paramref name="current"/>) exists at the registry
    /// with its addresses and is kept, not created again, so it may stay.</summary>
    public static (IReadOnlyList<string>? Names, string? Error) ForDomain(IReadOnlyList<string>? names, string domain, IReadOnlyList<string>? current)
    {
        var (normalized, error) = Normalize(names);
        if (normalized is null) return (null, error);
        for (var i = 0; i < normalized.Count; i++)
            if (IsWithin(normalized[i], domain) && current?.Contains(normalized[i], StringComparer.OrdinalIgnoreCase) != true)
                return (null, $"'{names![i]}' is inside the domain itself: the registry creates such a name server only with its addresses "
                    + "(glue, RFC 5732 section 3.2.1), which a DNS change does not give. Name servers outside the domain, or those it has now.");
        return (normalized, null);
    }

    /// <summary>A host name as a person reads it, in its U-labels (RFC 5890 section 2.3.2.1), as the domain is shown; one that
    /// does not decode, as it is kept.</summary>
    public static string ForDisplay(string host)
    {
        try
        {
            return Idn.GetUnicode(host);
        }
        catch (ArgumentException)
        {
            return host;
        }
    }

    private static bool IsWithin(string host, string domain) =>
        host.Equals(domain, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase);

    private static string? ToHostName(string? name)
    {
        var trimmed = name?.Trim();
        // A fully qualified name ends with one dot, the root's empty label (RFC 1034 section 3.1); a second is another empty label.
        if (trimmed?.EndsWith('.') == true) trimmed = trimmed[..^1];
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > 253) return null;
        try
        {
            var ascii = Idn.GetAscii(trimmed).ToLowerInvariant();
            var labels = ascii.Split('.');
            if (labels.Length < 2 || ascii.Length > 253 || !labels.All(IsLdhLabel) || labels[^1].All(char.IsAsciiDigit)) return null;
            // What IdnMapping lets through and IDNA2008 refuses (an emoji, a label of two directions): a registry keeping to
            // IDNA2008 would refuse the host (2005) only after the customer proved the change.
            var unicodeLabels = labels.Select(label => Idn.GetUnicode(label)).ToList();
            return unicodeLabels.All(Idna2008Labels.HasOnlyValidCodePoints) && Idna2008Labels.BidiRuleHolds(unicodeLabels) ? ascii : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>RFC 1123 LDH, and no reserved hyphens, which the registries would refuse only after the customer confirmed the change.</summary>
    private static bool IsLdhLabel(string label) =>
        label.Length is > 0 and <= 63 && label[0] != '-' && label[^1] != '-' && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
        && !Labels.HasReservedHyphens(label);
}
