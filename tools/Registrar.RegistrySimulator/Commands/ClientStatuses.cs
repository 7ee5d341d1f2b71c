using System.Xml.Linq;

namespace Registrar.RegistrySimulator.Commands;

/// <summary>The statuses of an update's add or rem. RFC 5731 section 2.3, RFC 5732 section 2.3 and RFC 5733 section 2.2 let a
/// client add and remove only the statuses prefixed "client"; the others are the server's, outside the values the protocol
/// lets a client send: 2004 (RFC 5730 section 3), as Nomulus answers it, naming the status.</summary>
public static class ClientStatuses
{
    public static List<string> Of(CommandContext context, XElement? container, IReadOnlyCollection<string> settable)
    {
        var statuses = container?.Elements(context.Ns + "status").ToList() ?? [];
        if (statuses.FirstOrDefault(s => !settable.Contains((string?)s.Attribute("s"))) is { } forbidden)
            throw new EppCommandException(ResultCode.ValueRange, $"a registrar may set only client statuses, not {(string?)forbidden.Attribute("s")}.", forbidden);
        return statuses.Select(s => (string)s.Attribute("s")!).ToList();
    }
}
