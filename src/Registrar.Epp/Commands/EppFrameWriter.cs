using System.Text;
using System.Xml;
using System.Xml.Linq;
using Registrar.Epp.Profiles;
using Registrar.Epp.Responses;

namespace Registrar.Epp.Commands;

/// <summary>Builds whole EPP frames with System.Xml.Linq and serializes them with XmlWriter, so
/// user data (names, addresses) is escaped by construction.</summary>
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

    public static XDocument CommandDocument(IEppCommand command, EppRegistryProfile profile, string clTrid)
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

        var extensions = command.Extensions.Select(e => e.Build(profile)).ToList();
        return Document(new XElement(Epp + "command",
            command.BuildCommand(profile),
            extensions.Count == 0 ? null : new XElement(Epp + "extension", extensions),
            new XElement(Epp + "clTRID", clTrid)));
    }

    public static byte[] Command(IEppCommand command, EppRegistryProfile profile, string clTrid) =>
        Serialize(CommandDocument(command, profile, clTrid));

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
                // XmlWriter refuses characters XML cannot carry (control characters in user data).
                throw new EppCommandValidationException($"The frame contains a character XML cannot carry: {e.Message}");
            }
        }
        return buffer.ToArray();
    }

    private static XDocument Document(XElement body) =>
        new(new XDeclaration("1.0", "UTF-8", "no"), new XElement(Epp + "epp", body));
}
