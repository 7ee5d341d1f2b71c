using System.Text;
using System.Xml;
using System.Xml.Linq;
using Registrar.Epp.Profiles;
using Registrar.Epp.Responses;
using Registrar.Epp.Transport;

namespace Registrar.Epp.Commands;

/// <summary>Builds EPP frames with System.Xml.Linq and serializes them with XmlWriter, so user data (names,
/// addresses) is escaped by construction. A command's own element is built as an XElement; the envelope
/// around it is written straight to the writer, which is what the client sends.</summary>
public static class EppFrameWriter
{
    private static readonly XNamespace Epp = EppXml.Epp;
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = false,
        OmitXmlDeclaration = false,
        CheckCharacters = true,
    };

    /// <summary>The frame as a document, to look into; it serializes to the same bytes as <see cref="Command"/>.</summary>
    public static XDocument CommandDocument(IEppCommand command, EppRegistryProfile profile, string clTrid)
    {
        var (body, extension) = Build(command, profile, clTrid);
        return Document(new XElement(Epp + "command", body, extension, new XElement(Epp + "clTRID", clTrid)));
    }

    /// <summary>The payload the client sends for <paramref name="command"/>.</summary>
    public static byte[] Command(IEppCommand command, EppRegistryProfile profile, string clTrid)
    {
        using var frame = OutgoingFrame.Command(command, profile, clTrid);
        return frame.Payload.ToArray();
    }

    /// <summary>The command's own element and its &lt;extension&gt;, if any, once the command is found fit to send.</summary>
    internal static (XElement Body, XElement? Extension) Build(IEppCommand command, EppRegistryProfile profile, string clTrid)
    {
        var extensions = ValidatedExtensions(command, profile, clTrid);
        return (command.BuildCommand(profile), extensions.Count == 0 ? null : new XElement(Epp + "extension", extensions));
    }

    /// <summary>&lt;epp&gt;&lt;command&gt;…&lt;clTRID&gt;…&lt;/clTRID&gt;&lt;/command&gt;&lt;/epp&gt;, the elements
    /// <see cref="CommandDocument"/> holds, written without building the envelope's elements.</summary>
    internal static void WriteCommand(XmlWriter writer, XElement body, XElement? extension, string clTrid)
    {
        try
        {
            writer.WriteStartElement("epp", EppXml.Namespace);
            writer.WriteStartElement("command", EppXml.Namespace);
            body.WriteTo(writer);
            extension?.WriteTo(writer);
            writer.WriteElementString("clTRID", EppXml.Namespace, clTrid);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        catch (ArgumentException e)
        {
            throw CannotCarry(e);
        }
    }

    public static byte[] Hello() => Serialize(Document(new XElement(Epp + "hello")));

    public static byte[] Serialize(XDocument document)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, Settings))
        {
            try
            {
                document.Save(writer);
            }
            catch (ArgumentException e)
            {
                throw CannotCarry(e);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>XmlWriter refuses characters XML cannot carry (control characters in user data).</summary>
    private static EppCommandValidationException CannotCarry(ArgumentException e) =>
        new($"The frame contains a character XML cannot carry: {e.Message}");

    private static IReadOnlyList<XElement> ValidatedExtensions(IEppCommand command, EppRegistryProfile profile, string clTrid)
    {
        command.Validate(profile);
        foreach (var extension in command.Extensions)
        {
            var ns = extension.NamespaceFor(profile);
            if (!profile.Speaks(ns))
                throw new EppCommandValidationException(
                    $"{command.Name} carries an extension in {ns}, which the '{profile.Name}' profile does not announce at login.");
        }
        if (clTrid.Length is < 3 or > 64)
            throw new EppCommandValidationException($"clTRID '{clTrid}' must be 3 to 64 characters (RFC 5730 trIDStringType).");
        if (command.Extensions.Count == 0) return [];
        var extensions = new XElement[command.Extensions.Count];
        for (var i = 0; i < extensions.Length; i++) extensions[i] = command.Extensions[i].Build(profile);
        return extensions;
    }

    private static XDocument Document(XElement body) =>
        new(new XDeclaration("1.0", "UTF-8", "no"), new XElement(Epp + "epp", body));
}
