using System.Text;
using System.Xml;

namespace Registrar.Epp.Responses;

/// <summary>Forward-only steps over an <see cref="XmlReader"/> that leave it on the node after what they read.</summary>
internal static class XmlReaderExtensions
{
    public static bool IsElement(this XmlReader reader, string localName, string namespaceUri) =>
        reader.LocalName == localName && reader.NamespaceURI == namespaceUri;

    /// <summary>From an element's start, moves to its first child node; false (and past the element) when it is empty.</summary>
    public static bool EnterElement(this XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return false;
        }
        reader.Read();
        return true;
    }

    /// <summary>Inside an element: moves to the next child element, true, or past the element's end, false.</summary>
    public static bool NextChildElement(this XmlReader reader)
    {
        while (true)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    return true;
                case XmlNodeType.EndElement:
                    reader.Read();
                    return false;
                default:
                    if (!reader.Read()) return false;
                    break;
            }
        }
    }

    /// <summary>The text of an element and all its descendants, as XElement.Value gives it, and past the element.</summary>
    public static string ReadAllText(this XmlReader reader)
    {
        var depth = reader.Depth;
        if (!reader.EnterElement()) return "";
        string? first = null;
        StringBuilder? more = null;
        while (reader.Depth > depth)
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                if (first is null) first = reader.Value;
                else (more ??= new StringBuilder(first)).Append(reader.Value);
            }
            if (!reader.Read()) return more?.ToString() ?? first ?? "";
        }
        reader.Read();
        return more?.ToString() ?? first ?? "";
    }
}
