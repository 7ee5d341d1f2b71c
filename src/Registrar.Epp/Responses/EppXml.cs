using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Registrar.Epp.Responses;

/// <summary>The EPP namespace and the checks on what a registry's XML holds.</summary>
public static class EppXml
{
    public const string Namespace = "urn:ietf:params:xml:ns:epp-1.0";
    public static readonly XNamespace Epp = Namespace;

    // XML 1.0 §2.3 S: the only white space the schema types' "collapse" (XSD 1.0 Part 2 §4.3.6) strips from a value's ends.
    private const string XmlWhitespace = " \t\r\n";

    /// <summary>A frame the reader refused. A DTD is named as such, and as refused before anything in it was expanded or
    /// resolved: that, not the reader's setting, is what whoever reads the error needs to know.</summary>
    internal static EppProtocolException NotAcceptable(XmlException e, ReadOnlySpan<byte> frame) =>
        frame.IndexOf("<!DOCTYPE"u8) >= 0
            ? new("The registry's frame declares a DTD, which EPP does not use: refused, with no entity expanded or resolved.", e)
            : new($"The registry's frame is not acceptable XML: {e.Message}", e);

    /// <summary>A successful answer without the &lt;resData&gt; child its command is answered with.</summary>
    internal static EppProtocolException MissingResultData(string localName, string namespaceUri) =>
        new($"The successful response has no <resData>/<{localName}> in namespace {namespaceUri}.");

    /// <summary>An element of the registry's answer without a child its schema requires.</summary>
    internal static EppProtocolException MissingChild(string parent, string child, string namespaceUri) =>
        new($"<{parent}> in the registry's answer has no <{child}> (namespace {namespaceUri}).");

    /// <summary>An element of the registry's answer without an attribute its schema requires.</summary>
    internal static EppProtocolException MissingAttribute(string element, string attribute) =>
        new($"<{element}> in the registry's answer has no '{attribute}' attribute.");

    internal static XElement RequiredElement(XElement parent, XName name) =>
        parent.Element(name) ?? throw MissingChild(parent.Name.LocalName, name.LocalName, name.NamespaceName);

    internal static string RequiredValue(XElement parent, XName name) => RequiredElement(parent, name).Value.Trim();

    internal static string RequiredAttribute(XElement element, string name) =>
        element.Attribute(name)?.Value ?? throw MissingAttribute(element.Name.LocalName, name);

    internal static DateTimeOffset? OptionalDate(XElement parent, XName name)
    {
        var element = parent.Element(name);
        if (element is null) return null;
        if (TryParseDateTime(element.Value, out var value)) return value;
        throw new EppProtocolException($"<{name.LocalName}> in the registry's answer is not a date: '{element.Value}'.");
    }

    /// <summary>An xs:dateTime (svDate, qDate, crDate, exDate …), white space collapsed; one without a time zone is taken
    /// as UTC.</summary>
    internal static bool TryParseDateTime(string text, out DateTimeOffset value)
    {
        var trimmed = text.AsSpan().Trim(XmlWhitespace);
        // XSD 1.0 Part 2 §3.2.7: 24:00:00, with no fraction but zeros, is the first instant of the next day; .NET has no hour 24.
        const string EndOfDay = "T24:00:00";
        var at = trimmed.IndexOf(EndOfDay);
        if (at < 0) return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
        var zone = trimmed[(at + EndOfDay.Length)..];
        if (zone.StartsWith('.'))
        {
            var digits = zone[1..].IndexOfAnyExceptInRange('0', '9') is var end and >= 0 ? end : zone.Length - 1;
            if (digits == 0 || zone.Slice(1, digits).ContainsAnyExcept('0'))
            {
                value = default;
                return false;
            }
            zone = zone[(1 + digits)..];
        }
        var parsed = DateTimeOffset.TryParse($"{trimmed[..at]}T00:00:00{zone}", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
        value = parsed ? value.AddDays(1) : default;
        return parsed;
    }

    /// <summary>An xs:unsignedShort or xs:unsignedLong (a result code, a queue's count): white space collapsed, then
    /// digits with an optional sign (XSD 1.0 Part 2 §3.3.13).</summary>
    internal static bool TryParseUnsigned(string text, out ulong value) =>
        ulong.TryParse(text.AsSpan().Trim(XmlWhitespace), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
}
