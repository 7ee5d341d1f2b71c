using System.Xml;

namespace Registrar.Core.Xml;

/// <summary>
/// Passes on the nodes of <paramref name="inner"/> and throws <paramref name="tooDeep"/> at the first one whose
/// <see cref="XmlReader.Depth"/> (0 at the root) is above <paramref name="maxDepth"/>. <see cref="XmlReaderSettings"/> has
/// no depth limit, and a tree built from a reader costs time quadratic in its depth, so the limit is kept as the document
/// is read for its tree or its values: one read, stopped at the first node too deep, instead of a pass of its own before.
/// Everything else the base class does (Skip, ReadContentAs…) goes through <see cref="Read"/>. For bank files and registry
/// frames alike.
/// </summary>
public sealed class DepthLimitedXmlReader(XmlReader inner, int maxDepth, Func<Exception> tooDeep) : XmlReader
{
    public override bool Read()
    {
        if (!inner.Read()) return false;
        if (inner.Depth > maxDepth) throw tooDeep();
        return true;
    }

    public override int AttributeCount => inner.AttributeCount;
    public override string BaseURI => inner.BaseURI;
    public override int Depth => inner.Depth;
    public override bool EOF => inner.EOF;
    public override bool IsEmptyElement => inner.IsEmptyElement;
    public override bool IsDefault => inner.IsDefault;
    public override string LocalName => inner.LocalName;
    public override string Name => inner.Name;
    public override string NamespaceURI => inner.NamespaceURI;
    public override XmlNameTable NameTable => inner.NameTable;
    public override XmlNodeType NodeType => inner.NodeType;
    public override string Prefix => inner.Prefix;
    public override ReadState ReadState => inner.ReadState;
    public override XmlReaderSettings? Settings => inner.Settings;
    public override string Value => inner.Value;
    public override string XmlLang => inner.XmlLang;
    public override XmlSpace XmlSpace => inner.XmlSpace;

    public override string GetAttribute(int i) => inner.GetAttribute(i);
    public override string? GetAttribute(string name) => inner.GetAttribute(name);
    public override string? GetAttribute(string name, string? namespaceURI) => inner.GetAttribute(name, namespaceURI);
    public override string? LookupNamespace(string prefix) => inner.LookupNamespace(prefix);
    public override bool MoveToAttribute(string name) => inner.MoveToAttribute(name);
    public override bool MoveToAttribute(string name, string? ns) => inner.MoveToAttribute(name, ns);
    public override bool MoveToElement() => inner.MoveToElement();
    public override bool MoveToFirstAttribute() => inner.MoveToFirstAttribute();
    public override bool MoveToNextAttribute() => inner.MoveToNextAttribute();
    public override bool ReadAttributeValue() => inner.ReadAttributeValue();
    public override void ResolveEntity() => inner.ResolveEntity();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
