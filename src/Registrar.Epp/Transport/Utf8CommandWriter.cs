using System.Buffers;
using System.Text;
using System.Xml.Linq;
using Registrar.Epp.Responses;

namespace Registrar.Epp.Transport;

/// <summary>
/// Writes a command's envelope and elements straight as UTF-8, the bytes <see cref="System.Xml.XmlWriter"/> writes for
/// them, at a fraction of its cost (issue 16). It writes what commands are built of: elements whose namespaces are
/// declared once with a prefix of their own, unprefixed or prefixed attributes, and text. Anything else (a namespace
/// declared twice or as a default, a comment, CDATA, a character XML cannot carry, a line end or tab, whose writing
/// XmlWriter settles) makes it give up, and the frame is written by XmlWriter as before.
/// </summary>
internal sealed class Utf8CommandWriter(RentedBufferStream output)
{
    private static ReadOnlySpan<byte> EnvelopeStart => "<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><command>"u8;

    // Characters written other than as themselves, or not by this writer; surrogates only in a valid pair.
    private static readonly SearchValues<char> TextSpecials = SearchValues.Create(Specials(attribute: false));
    private static readonly SearchValues<char> AttributeSpecials = SearchValues.Create(Specials(attribute: true));

    private readonly List<(string Prefix, string Namespace)> _scope = [];

    /// <summary>False, with part of the frame written, when the command holds what only XmlWriter writes.</summary>
    public bool TryWrite(XElement body, XElement? extension, string clTrid)
    {
        _scope.Clear();
        _scope.Add(("", EppXml.Namespace));
        output.Write(EnvelopeStart);
        if (!TryWrite(body) || (extension is not null && !TryWrite(extension))) return false;
        output.Write("<clTRID>"u8);
        if (!TryWriteEscaped(clTrid, TextSpecials)) return false;
        output.Write("</clTRID></command></epp>"u8);
        return true;
    }

    private bool TryWrite(XElement element)
    {
        var scopeBefore = _scope.Count;
        if (!TryDeclareNamespaces(element) || Prefix(element.Name.Namespace, allowDefault: true) is not { } prefix) return false;
        output.Write("<"u8);
        WriteName(prefix, element.Name.LocalName);
        for (var attribute = element.FirstAttribute; attribute is not null; attribute = attribute.NextAttribute)
            if (!TryWrite(attribute)) return false;
        if (element.IsEmpty) output.Write(" />"u8);
        else
        {
            output.Write(">"u8);
            for (var node = element.FirstNode; node is not null; node = node.NextNode)
            {
                var written = node switch
                {
                    XElement child => TryWrite(child),
                    XText text when text is not XCData => TryWriteEscaped(text.Value, TextSpecials),
                    _ => false,
                };
                if (!written) return false;
            }
            output.Write("</"u8);
            WriteName(prefix, element.Name.LocalName);
            output.Write(">"u8);
        }
        _scope.RemoveRange(scopeBefore, _scope.Count - scopeBefore);
        return true;
    }

    /// <summary>Brings the element's xmlns:prefix declarations into scope; each prefix and namespace once in scope.</summary>
    private bool TryDeclareNamespaces(XElement element)
    {
        for (var attribute = element.FirstAttribute; attribute is not null; attribute = attribute.NextAttribute)
        {
            if (!attribute.IsNamespaceDeclaration) continue;
            if (attribute.Name.Namespace == XNamespace.None) return false;
            var prefix = attribute.Name.LocalName;
            foreach (var (inScope, ns) in _scope)
                if (inScope == prefix || ns == attribute.Value) return false;
            _scope.Add((prefix, attribute.Value));
        }
        return true;
    }

    private bool TryWrite(XAttribute attribute)
    {
        output.Write(" "u8);
        if (attribute.IsNamespaceDeclaration) WriteName("xmlns", attribute.Name.LocalName);
        else if (attribute.Name.Namespace == XNamespace.None) WriteName("", attribute.Name.LocalName);
        else if (Prefix(attribute.Name.Namespace, allowDefault: false) is { } prefix) WriteName(prefix, attribute.Name.LocalName);
        else return false;
        output.Write("=\""u8);
        if (!TryWriteEscaped(attribute.Value, AttributeSpecials)) return false;
        output.Write("\""u8);
        return true;
    }

    private string? Prefix(XNamespace ns, bool allowDefault)
    {
        foreach (var (prefix, inScope) in _scope)
            if (inScope == ns.NamespaceName && (allowDefault || prefix.Length > 0)) return prefix;
        return null;
    }

    private void WriteName(string prefix, string localName)
    {
        if (prefix.Length > 0)
        {
            WriteUtf8(prefix);
            output.Write(":"u8);
        }
        WriteUtf8(localName);
    }

    private bool TryWriteEscaped(string text, SearchValues<char> specials)
    {
        var rest = text.AsSpan();
        for (var at = rest.IndexOfAny(specials); at >= 0; at = rest.IndexOfAny(specials))
        {
            WriteUtf8(rest[..at]);
            var character = rest[at];
            var length = 1;
            switch (character)
            {
                case '<': output.Write("&lt;"u8); break;
                case '>': output.Write("&gt;"u8); break;
                case '&': output.Write("&amp;"u8); break;
                case '"': output.Write("&quot;"u8); break;
                case var high when char.IsHighSurrogate(high) && at + 1 < rest.Length && char.IsLowSurrogate(rest[at + 1]):
                    WriteUtf8(rest.Slice(at, 2));
                    length = 2;
                    break;
                default: return false;
            }
            rest = rest[(at + length)..];
        }
        WriteUtf8(rest);
        return true;
    }

    private void WriteUtf8(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return;
        var bytes = output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        output.Advance(Encoding.UTF8.GetBytes(text, bytes));
    }

    private static string Specials(bool attribute)
    {
        var specials = new StringBuilder("<>&\uFFFE\uFFFF");
        if (attribute) specials.Append('"');
        for (var c = '\0'; c < ' '; c++) specials.Append(c);
        for (var c = '\uD800'; c <= '\uDFFF'; c++) specials.Append(c);
        return specials.ToString();
    }
}
