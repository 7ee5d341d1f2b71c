using System.Xml.Linq;

namespace Registrar.RegistrySimulator.Commands.Domains;

/// <summary>RFC 5731 section 3.1.2: the sponsor, or anyone with the authInfo, sees everything but, unless it is the
/// sponsor, the authInfo; others see the public part.</summary>
public sealed class DomainInfoHandler : ICommandHandler
{
    public string Name => "domain:info";

    public EppResponse Handle(CommandContext context)
    {
        var domain = DomainRules.Existing(context, Registry.ObjectNames.Domain(context.RequiredElement("name")));
        var authInfo = DomainRules.AuthInfoOf(context);
        if (authInfo is not null && domain.SponsorId != context.ClientId && authInfo != domain.AuthInfo)
            throw new EppCommandException(ResultCode.InvalidAuthInfo, $"the authInfo given for {domain.Name} is wrong.");

        var full = domain.SponsorId == context.ClientId || authInfo is not null;
        XElement?[] extensions = [DomainRules.RgpData(context, "infData", domain.RgpStatus), full ? DomainSecDns.InfData(context, domain) : null];
        return EppResponse.Ok(DomainRules.InfData(context, domain, full)) with
        {
            Extensions = extensions.OfType<XElement>().ToList(),
        };
    }
}
