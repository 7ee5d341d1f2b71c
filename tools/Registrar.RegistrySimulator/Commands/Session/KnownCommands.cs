using System.Xml.Linq;
using Registrar.RegistrySimulator.Xml;

namespace Registrar.RegistrySimulator.Commands.Session;

/// <summary>RFC 5730 section 3: a command element EPP does not define MUST be answered 2000 (unknown command). Checked before
/// the schema, which would answer it as a syntax error (2001). Only the element in a command's place, first under
/// &lt;command&gt;, is judged: a defined command that is malformed, or a &lt;command&gt; that holds none, stays 2001.</summary>
public static class KnownCommands
{
    private static readonly XNamespace Epp = EppNamespaces.Epp;

    // epp-1.0 commandType: one of the commands, then the optional <extension> and <clTRID>.
    private static readonly HashSet<XName> CommandChildren =
        new[] { "check", "create", "delete", "info", "login", "logout", "poll", "renew", "transfer", "update", "extension", "clTRID" }
            .Select(name => Epp + name).ToHashSet();

    public static void Require(XDocument frame)
    {
        if (frame.Root?.Element(Epp + "command")?.Elements().FirstOrDefault() is not { } first || CommandChildren.Contains(first.Name)) return;
        throw new EppCommandException(ResultCode.UnknownCommand, $"<{first.Name.LocalName}> in {first.Name.NamespaceName} is not an EPP command.");
    }
}
