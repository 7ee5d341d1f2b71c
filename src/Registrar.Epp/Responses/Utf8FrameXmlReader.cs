using System.Text;
using System.Xml;

namespace Registrar.Epp.Responses;

/// <summary>
/// An <see cref="XmlReader"/> straight over one frame's UTF-8 bytes, for the XML registries send: a declaration, elements
/// with ASCII names and namespace prefixes, attributes, character data and comments. It is what makes reading an answer
/// cheap (issue 16): no characters are decoded but the values asked for, names come from its own table, and nothing is
/// built per frame. It gives the nodes the full reader gives. Anything else (a DTD, CDATA, a processing instruction, a
/// name outside ASCII, an encoding other than UTF-8) or anything not well-formed throws
/// <see cref="OutsideFastPathException"/>, and the full reader reads that frame and accepts or refuses it as before:
/// this reader never accepts what the full one refuses. Not thread-safe: one per session.
/// </summary>
internal sealed partial class Utf8FrameXmlReader : XmlReader
{
    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";
    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

    private readonly XmlNameTable _names;
    private readonly Utf8NameCache _nameCache;
    private readonly List<OpenElement> _open = [];
    private readonly List<(string Prefix, string Uri)> _scopes = [];
    private Attribute[] _attributes = new Attribute[8];
    private int _attributeCount;
    private byte[] _bytes = [];
    private int _position;
    private int _end;
    private ReadState _readState;
    private bool _popBeforeNext;

    private XmlNodeType _nodeType;
    private string _localName = "";
    private string _prefix = "";
    private string _namespaceUri = "";
    private bool _isEmptyElement;
    private int _depth;
    private (int Start, int End) _raw;
    private string? _value;
    private int _attribute = -1;

    public Utf8FrameXmlReader(XmlNameTable names)
    {
        _names = names;
        _nameCache = new Utf8NameCache(names);
    }

    /// <summary>Starts over on <paramref name="frame"/>; its characters are checked here, once.</summary>
    public void SetInput(ArraySegment<byte> frame)
    {
        Utf8XmlText.CheckCharacters(frame);
        _bytes = frame.Array!;
        _position = frame.Offset;
        _end = frame.Offset + frame.Count;
        _open.Clear();
        _scopes.Clear();
        _attributeCount = 0;
        _attribute = -1;
        _readState = ReadState.Initial;
        _popBeforeNext = false;
        SetNode(XmlNodeType.None, "", "", "", 0);
    }

    public override bool Read()
    {
        switch (_readState)
        {
            case ReadState.Initial:
                ReadProlog();
                _readState = ReadState.Interactive;
                break;
            case ReadState.Interactive:
                break;
            default:
                return false;
        }
        _attribute = -1;
        if (_popBeforeNext) Pop();
        if (_open.Count == 0 && _nodeType != XmlNodeType.None)
        {
            ReadEpilog();
            _readState = ReadState.EndOfFile;
            SetNode(XmlNodeType.None, "", "", "", 0);
            return false;
        }
        if (_position >= _end) throw new OutsideFastPathException();
        if (_bytes[_position] != '<') ReadCharacterData();
        else if (At("</"u8)) ReadEndTag();
        else if (At("<!--"u8)) ReadComment();
        else if (At("<!"u8) || At("<?"u8)) throw new OutsideFastPathException();
        else ReadStartTag();
        return true;
    }

    /// <summary>An optional byte order mark and declaration, then white space up to the root element.</summary>
    private void ReadProlog()
    {
        if (At("\uFEFF"u8)) _position += 3;
        if (At("<?xml"u8) && _position + 5 < _end && Utf8XmlText.IsWhitespace(_bytes[_position + 5])) ReadDeclaration();
        SkipWhitespace();
        if (!At("<"u8) || At("<!"u8) || At("<?"u8) || At("</"u8)) throw new OutsideFastPathException();
    }

    /// <summary>§2.8: version 1.0, an encoding if any that is UTF-8, standalone if any, in that order.</summary>
    private void ReadDeclaration()
    {
        _position += 5;
        if (!PseudoAttribute("version"u8, out var version) || !version.SequenceEqual("1.0"u8)) throw new OutsideFastPathException();
        if (PseudoAttribute("encoding"u8, out var encoding) && !Ascii.EqualsIgnoreCase(encoding, "utf-8"u8)) throw new OutsideFastPathException();
        if (PseudoAttribute("standalone"u8, out var standalone) && !standalone.SequenceEqual("yes"u8) && !standalone.SequenceEqual("no"u8))
            throw new OutsideFastPathException();
        SkipWhitespace();
        Expect("?>"u8);
    }

    /// <summary>True, with its value, when the declaration's next name="value" (white space before it) is
    /// <paramref name="name"/>; otherwise false, and nothing read.</summary>
    private bool PseudoAttribute(ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        var start = _position;
        value = default;
        if (!SkipWhitespace() || !At(name))
        {
            _position = start;
            return false;
        }
        _position += name.Length;
        SkipWhitespace();
        Expect("="u8);
        SkipWhitespace();
        var (valueStart, valueEnd) = ReadQuoted();
        value = _bytes.AsSpan(valueStart, valueEnd - valueStart);
        return true;
    }

    private void ReadEpilog()
    {
        SkipWhitespace();
        if (_position != _end) throw new OutsideFastPathException();
    }

    private void ReadCharacterData()
    {
        if (_open.Count == 0) throw new OutsideFastPathException();
        var start = _position;
        var length = _bytes.AsSpan(start, _end - start).IndexOf((byte)'<');
        if (length < 0) throw new OutsideFastPathException();
        _position = start + length;
        var raw = _bytes.AsSpan(start, length);
        Utf8XmlText.CheckCharacterData(raw, attribute: false);
        var whitespace = raw.IndexOfAnyExcept(" \t\n\r"u8) < 0;
        SetNode(whitespace ? XmlNodeType.Whitespace : XmlNodeType.Text, "", "", "", _open.Count);
        _raw = (start, _position);
    }

    private void ReadComment()
    {
        var start = _position + 4;
        var length = _bytes.AsSpan(start, _end - start).IndexOf("-->"u8);
        if (length < 0) throw new OutsideFastPathException();
        _position = start + length + 3;
        if (_open.Count == 0) throw new OutsideFastPathException();
        SetNode(XmlNodeType.Comment, "", "", "", _open.Count);
        _value = Utf8XmlText.Comment(_bytes.AsSpan(start, length));
    }

    private void ReadEndTag()
    {
        _position += 2;
        var name = ReadName();
        SkipWhitespace();
        Expect(">"u8);
        var element = _open[^1];
        if (!name.SequenceEqual(_bytes.AsSpan(element.Name.Start, element.Name.End - element.Name.Start))) throw new OutsideFastPathException();
        SetNode(XmlNodeType.EndElement, element.LocalName, element.Prefix, element.NamespaceUri, _open.Count - 1);
        _popBeforeNext = true;
    }

    private void Pop()
    {
        _popBeforeNext = false;
        var element = _open[^1];
        _open.RemoveAt(_open.Count - 1);
        _scopes.RemoveRange(element.ScopesBefore, _scopes.Count - element.ScopesBefore);
    }

    private bool SkipWhitespace()
    {
        var start = _position;
        while (_position < _end && Utf8XmlText.IsWhitespace(_bytes[_position])) _position++;
        return _position > start;
    }

    private bool At(ReadOnlySpan<byte> text) => _bytes.AsSpan(_position, _end - _position).StartsWith(text);

    private void Expect(ReadOnlySpan<byte> text)
    {
        if (!At(text)) throw new OutsideFastPathException();
        _position += text.Length;
    }

    /// <summary>A name, qualified or not, of ASCII name characters.</summary>
    private ReadOnlySpan<byte> ReadName()
    {
        var start = _position;
        if (_position >= _end || !Utf8XmlText.IsNameStart(_bytes[_position])) throw new OutsideFastPathException();
        while (_position < _end && (Utf8XmlText.IsNameChar(_bytes[_position]) || _bytes[_position] == ':')) _position++;
        return _bytes.AsSpan(start, _position - start);
    }

    /// <summary>The bounds of a quoted value, quotes excluded; the position after the closing quote.</summary>
    private (int Start, int End) ReadQuoted()
    {
        if (_position >= _end || _bytes[_position] is not ((byte)'"' or (byte)'\'')) throw new OutsideFastPathException();
        var quote = _bytes[_position];
        var start = _position + 1;
        var length = _bytes.AsSpan(start, _end - start).IndexOf(quote);
        if (length < 0) throw new OutsideFastPathException();
        _position = start + length + 1;
        return (start, start + length);
    }

    private void SetNode(XmlNodeType type, string localName, string prefix, string namespaceUri, int depth)
    {
        _nodeType = type;
        _depth = depth;
        _attributeCount = 0;
        _localName = localName;
        _prefix = prefix;
        _namespaceUri = namespaceUri;
        _isEmptyElement = false;
        _value = null;
        _raw = default;
    }

    private readonly record struct OpenElement((int Start, int End) Name, string LocalName, string Prefix, string NamespaceUri, int ScopesBefore);

    private struct Attribute
    {
        public (int Start, int End) Name;
        public string LocalName;
        public string Prefix;
        public string NamespaceUri;
        public (int Start, int End) Raw;
        public string? Value;
    }
}
