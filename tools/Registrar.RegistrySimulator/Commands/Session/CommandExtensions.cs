using System.Xml.Linq;
using Registrar.RegistrySimulator.Xml;

namespace Registrar.RegistrySimulator.Commands.Session;

/// <summary>RFC 5730 section 2.7.3: a command-response extension extends one command, as RFC 5910 section 5.2 gives
/// &lt;secDNS:create&gt; to create and &lt;secDNS:update&gt; to update, and RFC 3915 &lt;rgp:update&gt; to update. One sent with
/// another command is not applied, so it is refused rather than ignored: 2002, a well-formed element used out of its
/// context (section 3), naming it.</summary>
public static class CommandExtensions
{
    private static readonly XNamespace HostmasterSecDns = EppNamespaces.HostmasterPrefix + "secDNS-1.1";

    private static readonly Dictionary<string, XName[]> Extending = new(StringComparer.Ordinal)
    {
        ["domain:create"] = [EppNamespaces.SecDns + "create", HostmasterSecDns + "create", EppNamespaces.Uaepp + "create"],
        ["domain:update"] =
        [
            EppNamespaces.SecDns + "update", HostmasterSecDns + "update", EppProfile.Ietf.Rgp + "update", EppProfile.Hostmaster.Rgp + "update",
            EppNamespaces.Uaepp + "update",
        ],
        // Hostmaster's uaepp-1.1 schema is not public: its deleteNS confirmation is taken with either delete.
        ["domain:delete"] = [EppNamespaces.Uaepp + "delete"],
        ["host:delete"] = [EppNamespaces.Uaepp + "delete"],
    };

    public static void Require(ParsedCommand command)
    {
        var extending = Extending.GetValueOrDefault(command.Name) ?? [];
        if (command.Extension?.Elements().FirstOrDefault(e => !extending.Contains(e.Name)) is { } misplaced)
            throw new EppCommandException(ResultCode.CommandUseError,
                $"<{misplaced.Name.LocalName}> of {misplaced.Name.NamespaceName} does not extend {command.Name}.", misplaced);
    }
}
