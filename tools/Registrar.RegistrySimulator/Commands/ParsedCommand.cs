using System.Xml.Linq;
using Registrar.RegistrySimulator.Xml;

namespace Registrar.RegistrySimulator.Commands;

/// <summary>A validated frame reduced to what dispatch needs. Name is "hello", "login", "logout",
/// "poll" or "&lt;object&gt;:&lt;verb&gt;" such as "domain:create".</summary>
public sealed record ParsedCommand(string Name, XElement Verb, XElement? ObjectElement, EppProfile Profile, XElement? Extension, string? ClientTransactionId)
{
    private static readonly XNamespace Epp = EppNamespaces.Epp;

    public bool IsHello => Name == "hello";

    /// <summary>The clTRID to echo. RFC 5730 section 2.5 echoes the client's id, but a response is bound by the same schema:
    /// its clTRID is a trIDStringType of 3 to 64 characters, so one outside that (refused as 2001) is left out rather than
    /// making the answer to it invalid too.</summary>
    public static string? ClientTransactionIdOf(XDocument frame) =>
        frame.Root?.Element(Epp + "command")?.Element(Epp + "clTRID")?.Value.Trim() is { Length: >= 3 and <= 64 } clTrid ? clTrid : null;

    public static ParsedCommand From(XDocument frame)
    {
        var root = frame.Root!;
        if (root.Element(Epp + "hello") is { } hello) return new("hello", hello, null, EppProfile.Ietf, null, null);

        var command = root.Element(Epp + "command")
            ?? throw new EppCommandException(ResultCode.CommandUseError, "A client sends <hello> or <command>, not <" + root.Elements().FirstOrDefault()?.Name.LocalName + ">.");
        var verb = command.Elements().First();
        var clTrid = command.Element(Epp + "clTRID")?.Value.Trim();
        var extension = command.Element(Epp + "extension");
        if (verb.Name.LocalName is "login" or "logout" or "poll")
            return new(verb.Name.LocalName, verb, null, EppProfile.Ietf, extension, clTrid);

        var objectElement = verb.Elements().First();
        if (EppProfile.Resolve(objectElement.Name.Namespace) is not var (profile, type))
            throw new EppCommandException(ResultCode.UnimplementedObjectService, $"Objects of {objectElement.Name.NamespaceName} are not served.");
        return new($"{type}:{verb.Name.LocalName}", verb, objectElement, profile, extension, clTrid);
    }
}
