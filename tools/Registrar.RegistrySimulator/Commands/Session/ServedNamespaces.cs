using System.Xml.Linq;
using Registrar.RegistrySimulator.Xml;

namespace Registrar.RegistrySimulator.Commands.Session;

/// <summary>RFC 5730 section 3: an object this server has no mapping for is answered 2307 (unimplemented object service),
/// and a command extension it does not implement 2103 (unimplemented extension). Checked before the schema, which holds
/// no such namespace and would answer either as a syntax error (2001).</summary>
public sealed class ServedNamespaces(ServiceMenu menu)
{
    private static readonly XNamespace Epp = EppNamespaces.Epp;
    private static readonly HashSet<string> ObjectVerbs = ["check", "info", "transfer", "create", "delete", "renew", "update"];

    public void Require(XDocument frame)
    {
        if (frame.Root?.Element(Epp + "command") is not { } command) return;
        if (command.Elements().FirstOrDefault() is { } verb && verb.Name.Namespace == Epp && ObjectVerbs.Contains(verb.Name.LocalName)
            && verb.Elements().FirstOrDefault() is { } objectElement && objectElement.Name.Namespace != Epp
            && !menu.ObjectUris.Contains(objectElement.Name.Namespace))
            throw new EppCommandException(ResultCode.UnimplementedObjectService, $"objects of {objectElement.Name.NamespaceName} are not served.");
        foreach (var extension in command.Element(Epp + "extension")?.Elements() ?? [])
        {
            if (!menu.ExtensionUris.Contains(extension.Name.Namespace))
                throw new EppCommandException(ResultCode.UnimplementedExtension, $"{extension.Name.NamespaceName} is not implemented by this registry.");
        }
    }
}
