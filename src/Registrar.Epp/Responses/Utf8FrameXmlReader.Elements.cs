using System.Xml;

namespace Registrar.Epp.Responses;

/// <summary>Start tags, namespaces and the attribute side of the <see cref="XmlReader"/> surface.</summary>
internal sealed partial class Utf8FrameXmlReader
{
    // Far deeper than any EPP answer, and below the full reader's quota, which then judges such a frame.
    private const int MaxDepth = 32;

    // More than any EPP element carries; duplicates are found by comparing pairs, so an element with thousands of
    // attributes is left to the full reader rather than costing a square of them.
    private const int MaxAttributes = 32;

    private void ReadStartTag()
    {
        if (_open.Count == MaxDepth) throw new OutsideFastPathException();
        _position++;
        var nameStart = _position;
        var (prefix, localName) = QualifiedName(ReadName());
        var name = (nameStart, _position);
        var scopesBefore = _scopes.Count;
        var count = 0;
        bool empty;
        while (true)
        {
            var spaced = SkipWhitespace();
            if (At(">"u8) || At("/>"u8))
            {
                empty = _bytes[_position] == '/';
                _position += empty ? 2 : 1;
                break;
            }
            if (!spaced || count == MaxAttributes) throw new OutsideFastPathException();
            count = ReadAttribute(count);
        }
        for (var i = 0; i < count; i++) _attributes[i].NamespaceUri = AttributeNamespace(ref _attributes[i]);
        CheckUnique(count);

        var namespaceUri = prefix == "xmlns" ? throw new OutsideFastPathException() : Namespace(prefix);
        _open.Add(new OpenElement(name, localName, prefix, namespaceUri, scopesBefore));
        SetNode(XmlNodeType.Element, localName, prefix, namespaceUri, _open.Count - 1);
        _attributeCount = count;
        _isEmptyElement = empty;
        _popBeforeNext = empty;
    }

    /// <summary>Reads one attribute into slot <paramref name="count"/>; a namespace declaration also opens its scope.</summary>
    private int ReadAttribute(int count)
    {
        var nameStart = _position;
        var (prefix, localName) = QualifiedName(ReadName());
        var name = (nameStart, _position);
        SkipWhitespace();
        Expect("="u8);
        SkipWhitespace();
        var raw = ReadQuoted();
        Utf8XmlText.CheckCharacterData(_bytes.AsSpan(raw.Start, raw.End - raw.Start), attribute: true);
        if (count == _attributes.Length) Array.Resize(ref _attributes, count * 2);
        _attributes[count] = new Attribute { Name = name, LocalName = localName, Prefix = prefix, NamespaceUri = "", Raw = raw };
        if (prefix == "xmlns") Declare(localName, count);
        else if (prefix.Length == 0 && localName == "xmlns") Declare("", count);
        return count + 1;
    }

    /// <summary>Namespaces in XML §3: "xml" and "xmlns" are not declared by documents this reader reads, and a prefix
    /// cannot be declared empty.</summary>
    private void Declare(string prefix, int attribute)
    {
        ref var declaration = ref _attributes[attribute];
        var raw = _bytes.AsSpan(declaration.Raw.Start, declaration.Raw.End - declaration.Raw.Start);
        // A frame declares the same few namespaces as the last: atomized from its bytes, it costs no string.
        var uri = declaration.Value = Utf8XmlText.IsVerbatim(raw) ? Atomize(raw) : _names.Add(AttributeValue(ref declaration));
        if (prefix is "xml" or "xmlns" || (prefix.Length > 0 && uri.Length == 0) || uri is XmlNamespace or XmlnsNamespace)
            throw new OutsideFastPathException();
        _scopes.Add((prefix, uri));
    }

    private string AttributeNamespace(ref Attribute attribute) =>
        attribute.Prefix == "xmlns" || (attribute.Prefix.Length == 0 && attribute.LocalName == "xmlns") ? XmlnsNamespace
        : attribute.Prefix.Length == 0 ? ""
        : Namespace(attribute.Prefix);

    /// <summary>The namespace a prefix stands for in scope; no prefix is the default namespace, or none.</summary>
    private string Namespace(string prefix) => LookupNamespace(prefix) ?? throw new OutsideFastPathException();

    /// <summary>No attribute given twice, by its name as written or by its namespace and local name.</summary>
    private void CheckUnique(int count)
    {
        for (var i = 1; i < count; i++)
        {
            var name = _bytes.AsSpan(_attributes[i].Name.Start, _attributes[i].Name.End - _attributes[i].Name.Start);
            for (var j = 0; j < i; j++)
            {
                if (name.SequenceEqual(_bytes.AsSpan(_attributes[j].Name.Start, _attributes[j].Name.End - _attributes[j].Name.Start))
                    || (_attributes[i].LocalName == _attributes[j].LocalName && _attributes[i].NamespaceUri.Length > 0
                        && _attributes[i].NamespaceUri == _attributes[j].NamespaceUri))
                    throw new OutsideFastPathException();
            }
        }
    }

    /// <summary>"prefix:local" or "local", each part a name and atomized in the reader's table.</summary>
    private (string Prefix, string LocalName) QualifiedName(ReadOnlySpan<byte> name)
    {
        var colon = name.IndexOf((byte)':');
        if (colon < 0) return ("", Atomize(name));
        var local = name[(colon + 1)..];
        if (local.IsEmpty || !Utf8XmlText.IsNameStart(local[0]) || local.IndexOf((byte)':') >= 0) throw new OutsideFastPathException();
        return (Atomize(name[..colon]), Atomize(local));
    }

    private string Atomize(ReadOnlySpan<byte> utf8) => _nameCache.Get(utf8);

    private string AttributeValue(ref Attribute attribute) =>
        attribute.Value ??= Utf8XmlText.Decode(_bytes.AsSpan(attribute.Raw.Start, attribute.Raw.End - attribute.Raw.Start), attribute: true);

    private bool OnAttribute => _attribute >= 0;

    public override XmlNodeType NodeType => OnAttribute ? XmlNodeType.Attribute : _nodeType;
    public override string LocalName => OnAttribute ? _attributes[_attribute].LocalName : _localName;
    public override string Prefix => OnAttribute ? _attributes[_attribute].Prefix : _prefix;
    public override string NamespaceURI => OnAttribute ? _attributes[_attribute].NamespaceUri : _namespaceUri;
    public override int Depth => OnAttribute ? _depth + 1 : _depth;
    public override bool IsEmptyElement => !OnAttribute && _isEmptyElement;
    public override int AttributeCount => _attributeCount;
    public override bool EOF => _readState == ReadState.EndOfFile;
    public override ReadState ReadState => _readState;
    public override XmlNameTable NameTable => _names;
    public override string BaseURI => "";

    public override string Value => OnAttribute ? AttributeValue(ref _attributes[_attribute])
        : _nodeType is XmlNodeType.Text or XmlNodeType.Whitespace
            ? _value ??= Utf8XmlText.Decode(_bytes.AsSpan(_raw.Start, _raw.End - _raw.Start), attribute: false)
            : _value ?? "";

    public override string GetAttribute(int i) =>
        (uint)i < (uint)_attributeCount ? AttributeValue(ref _attributes[i]) : throw new ArgumentOutOfRangeException(nameof(i));

    public override string? GetAttribute(string name) => IndexOf(name) is var i and >= 0 ? GetAttribute(i) : null;

    public override string? GetAttribute(string name, string? namespaceURI) =>
        IndexOf(name, namespaceURI ?? "") is var i and >= 0 ? GetAttribute(i) : null;

    public override bool MoveToAttribute(string name) => MoveTo(IndexOf(name));

    public override bool MoveToAttribute(string name, string? ns) => MoveTo(IndexOf(name, ns ?? ""));

    public override bool MoveToFirstAttribute() => MoveTo(_attributeCount > 0 ? 0 : -1);

    public override bool MoveToNextAttribute() => MoveTo(_attribute + 1 < _attributeCount ? _attribute + 1 : -1);

    public override bool MoveToElement()
    {
        if (!OnAttribute) return false;
        _attribute = -1;
        return true;
    }

    public override string? LookupNamespace(string prefix)
    {
        if (prefix == "xml") return XmlNamespace;
        if (prefix == "xmlns") return XmlnsNamespace;
        for (var i = _scopes.Count - 1; i >= 0; i--)
            if (_scopes[i].Prefix == prefix) return _scopes[i].Uri;
        return prefix.Length == 0 ? "" : null;
    }

    /// <summary>Attribute values are read whole through <see cref="Value"/>; reading them node by node is left to the full reader.</summary>
    public override bool ReadAttributeValue() => throw new OutsideFastPathException();

    public override void ResolveEntity() => throw new InvalidOperationException("This reader expands every reference it reads.");

    private bool MoveTo(int attribute)
    {
        if (attribute < 0) return false;
        _attribute = attribute;
        return true;
    }

    private int IndexOf(string qualifiedName)
    {
        for (var i = 0; i < _attributeCount; i++)
        {
            ref var attribute = ref _attributes[i];
            var written = attribute.Prefix.Length == 0 ? attribute.LocalName : $"{attribute.Prefix}:{attribute.LocalName}";
            if (written == qualifiedName) return i;
        }
        return -1;
    }

    private int IndexOf(string localName, string namespaceUri)
    {
        for (var i = 0; i < _attributeCount; i++)
            if (_attributes[i].LocalName == localName && _attributes[i].NamespaceUri == namespaceUri) return i;
        return -1;
    }
}
