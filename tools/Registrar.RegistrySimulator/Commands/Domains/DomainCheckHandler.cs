using System.Xml.Linq;
using Registrar.RegistrySimulator.Registry;

namespace Registrar.RegistrySimulator.Commands.Domains;

/// <summary>RFC 5731 section 3.1.1: each name is answered on its own, so a name this registry would refuse (invalid
/// syntax, RFC 5891; not registrable in its zone, UA-2.1.1, KZ-App-8) is avail="0" with the reason, as sent. A reason
/// is at most 32 characters (eppcom reasonBaseType), so it names the kind of refusal; create and info say more.</summary>
public sealed class DomainCheckHandler : ICommandHandler
{
    public string Name => "domain:check";

    public EppResponse Handle(CommandContext context) =>
        EppResponse.Ok(context.Res("chkData", context.Elements("name").Select(e => Result(context, e.Value))));

    private static XElement Result(CommandContext context, string asked)
    {
        string name;
        try
        {
            name = ObjectNames.Domain(asked);
        }
        catch (EppCommandException)
        {
            return Answer(context, asked.Trim(), "Invalid domain name syntax");
        }
        if (RegistrableNames.WhyNot(context.Store, name) is not null)
            return Answer(context, name, "Not registrable in this zone");
        return context.Store.Domains.TryGetValue(name, out var domain)
            ? Answer(context, name, domain.IsInDeletion ? "Redemption or pending deletion" : "In use")
            : Answer(context, name, null);
    }

    private static XElement Answer(CommandContext context, string name, string? unavailableBecause) =>
        context.Res("cd",
            context.Res("name", new XAttribute("avail", unavailableBecause is null ? "1" : "0"), name),
            unavailableBecause is null ? null : context.Res("reason", unavailableBecause));
}
