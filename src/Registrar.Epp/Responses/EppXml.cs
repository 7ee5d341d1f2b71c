using System.Runtime.InteropServices;
using System.Xml;
using System.Xml.Linq;

namespace Registrar.Epp.Responses;

/// <summary>The EPP namespace and the one hardened way this library reads XML from a registry.</summary>
public static class EppXml
{
    public const string Namespace = "urn:ietf:params:xml:ns:epp-1.0";
    public static readonly XNamespace Epp = Namespace;

    /// <summary>Parses a frame with no DTD processing, no resolver (no external entities) and a
    /// character limit, so a hostile or broken server cannot expand entities or exhaust memory.</summary>
    public static XDocument Parse(ReadOnlyMemory<byte> frame, long maxCharacters) => Parse(frame, ReaderSettings(maxCharacters));

    /// <summary>The hardened reader settings; parsers create them once and reuse them.</summary>
    public static XmlReaderSettings ReaderSettings(long maxCharacters) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = maxCharacters,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    public static XDocument Parse(ReadOnlyMemory<byte> frame, XmlReaderSettings settings)
    {
        try
        {
            using var reader = CreateReader(frame, settings);
            return XDocument.Load(reader, LoadOptions.None);
        }
        catch (XmlException e)
        {
            throw NotAcceptable(e);
        }
    }

    /// <summary>A reader straight over the frame's bytes, wherever they live (a rented buffer included).</summary>
    internal static XmlReader CreateReader(ReadOnlyMemory<byte> frame, XmlReaderSettings settings)
    {
        var stream = MemoryMarshal.TryGetArray(frame, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(frame.ToArray(), writable: false);
        return XmlReader.Create(stream, settings);
    }

    internal static EppProtocolException NotAcceptable(XmlException e) =>
        new($"The registry's frame is not acceptable XML: {e.Message}", e);

    internal static XElement RequiredElement(XElement parent, XName name) =>
        parent.Element(name) ?? throw new EppProtocolException(
            $"<{parent.Name.LocalName}> in the registry's answer has no <{name.LocalName}> (namespace {name.NamespaceName}).");

    internal static string RequiredValue(XElement parent, XName name) => RequiredElement(parent, name).Value.Trim();

    internal static string RequiredAttribute(XElement element, string name) =>
        element.Attribute(name)?.Value ?? throw new EppProtocolException(
            $"<{element.Name.LocalName}> in the registry's answer has no '{name}' attribute.");

    internal static DateTimeOffset? OptionalDate(XElement parent, XName name)
    {
        var element = parent.Element(name);
        if (element is null) return null;
        if (DateTimeOffset.TryParse(element.Value.Trim(), System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal, out var value))
            return value;
        throw new EppProtocolException($"<{name.LocalName}> in the registry's answer is not a date: '{element.Value}'.");
    }
}
