using Registrar.RegistrySimulator.Registry;

namespace Registrar.RegistrySimulator.Commands.Domains;

/// <summary>RFC 5731 section 3.1.1.</summary>
public sealed class DomainCheckHandler : ICommandHandler
{
    public string Name => "domain:check";

    public EppResponse Handle(CommandContext context)
    {
        var names = context.Elements("name").Select(e => ObjectNames.Domain(e.Value)).ToList();

        var results = names.Select(name =>
        {
            var taken = context.Store.Domains.TryGetValue(name, out var domain);
            return context.Res("cd",
                context.Res("name", new System.Xml.Linq.XAttribute("avail", taken ? "0" : "1"), name),
                taken ? context.Res("reason", domain!.IsInDeletion ? "In redemption or pending deletion" : "In use") : null);
        });
        return EppResponse.Ok(context.Res("chkData", results));
    }
}
