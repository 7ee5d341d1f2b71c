using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Registrar.RegistrySimulator.Commands;

namespace Registrar.RegistrySimulator.Registry;

/// <summary>Syntax of domain and host names (RFC 1123 LDH labels, A-labels for IDNs) and contact ids. Names compare
/// without case (RFC 4343): they are kept in lower case, so "EXAMPLE.kz" and "example.kz" are one object.</summary>
public static partial class ObjectNames
{
    private const int MaxNameOctets = 253;

    // RFC 1123 section 2.1, RFC 5891 section 4.2.3.1: 1-63 letters, digits and hyphens, no hyphen at either end.
    [GeneratedRegex("^(?!-)[a-z0-9-]{1,63}(?<!-)$")]
    private static partial Regex LdhLabel();

    [GeneratedRegex(@"^[\x21-\x7e]{3,16}$")]
    private static partial Regex ContactId();

    /// <summary>The name of <paramref name="sent"/>, which a refusal names in its extValue (RFC 5730 section 2.6).</summary>
    public static string Domain(XElement sent) => Domain(sent.Value, sent);

    /// <inheritdoc cref="Domain(XElement)"/>
    public static string Host(XElement sent) => Domain(sent.Value, sent);

    public static string Domain(string name, XElement? sent = null)
    {
        var normalized = name.Trim().TrimEnd('.').ToLowerInvariant();
        if (normalized.Any(c => c > 127))
            throw Invalid(sent, name, "it is not in A-label form; send IDNs in their xn-- form");
        var labels = normalized.Split('.');
        if (labels.Length < 2)
            throw Invalid(sent, name, "it needs at least two labels");
        if (normalized.Length > MaxNameOctets)
            throw Invalid(sent, name, $"it is {normalized.Length} octets long, over {MaxNameOctets}");
        if (labels.Select(LabelError).FirstOrDefault(error => error is not null) is { } why)
            throw Invalid(sent, name, why);
        return normalized;
    }

    public static string Host(string name) => Domain(name);

    /// <inheritdoc cref="Domain(XElement)"/>
    public static string Contact(XElement sent) => Contact(sent.Value.Trim(), sent);

    public static string Contact(string id, XElement? sent = null) =>
        ContactId().IsMatch(id) ? id : throw new EppCommandException(ResultCode.ValueSyntax, $"'{id}' is not a valid contact id (3-16 printable characters).", sent);

    private static string? LabelError(string label)
    {
        if (!LdhLabel().IsMatch(label))
            return $"the label '{label}' is not 1-63 letters, digits and hyphens without a hyphen at its start or end";
        if (label.Length < 4 || label[2] != '-' || label[3] != '-')
            return null;
        // RFC 5891 section 4.2.3.1: hyphens in the 3rd and 4th positions are reserved; only an A-label has them.
        if (!label.StartsWith("xn--", StringComparison.Ordinal))
            return $"the label '{label}' has hyphens in the 3rd and 4th positions, which only an xn-- A-label may have";
        return IsALabel(label) ? null : $"the label '{label}' is not a valid A-label: it does not decode to a U-label that encodes back to it";
    }

    /// <summary>RFC 5890 section 2.3.2.1, RFC 5891 section 5.4: an A-label decodes to a valid U-label whose encoding is
    /// the A-label again; IdnMapping refuses what IDNA does not allow (CONTEXTJ, bidi, disallowed code points).</summary>
    private static bool IsALabel(string label)
    {
        var idn = new IdnMapping { UseStd3AsciiRules = true };
        try
        {
            return idn.GetAscii(idn.GetUnicode(label)) == label;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static EppCommandException Invalid(XElement? sent, string name, string why) =>
        new(ResultCode.ValueSyntax, $"'{name.Trim()}' is not a valid domain name: {why}.", sent);
}
