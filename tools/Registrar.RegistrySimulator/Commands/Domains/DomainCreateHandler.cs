using Registrar.RegistrySimulator.Registry;
using Registrar.RegistrySimulator.Xml;

namespace Registrar.RegistrySimulator.Commands.Domains;

/// <summary>RFC 5731 section 3.2.1, with the zone's policy (term, .ua trademark licence).</summary>
public sealed class DomainCreateHandler(RegistrarAccounts accounts) : ICommandHandler
{
    public string Name => "domain:create";

    public EppResponse Handle(CommandContext context)
    {
        var name = ObjectNames.Domain(context.RequiredElement("name"));
        if (RegistrableNames.WhyNot(context.Store, name) is { } policy)
            throw new EppCommandException(ResultCode.ParameterPolicy, policy);
        var (zone, settings) = context.Store.ZoneOf(name);
        var years = DomainRules.PeriodYears(context, settings);
        if (context.Store.Domains.ContainsKey(name))
            throw new EppCommandException(ResultCode.ObjectExists, $"{name} is already registered.");
        var registrant = context.Value("registrant") is { Length: > 0 } r
            ? r
            : throw new EppCommandException(ResultCode.MissingParameter, "a domain needs a <registrant>.");
        var contacts = context.Elements("contact").Select(c => ((string)c.Attribute("type")!, c.Value.Trim())).ToList();
        foreach (var id in contacts.Select(c => c.Item2).Prepend(registrant).Distinct())
        {
            if (!context.Store.Contacts.ContainsKey(id))
                throw new EppCommandException(ResultCode.ObjectDoesNotExist, $"contact {id} does not exist.");
        }
        var nameServers = NameServers(context);
        var licence = DomainRules.Licence(context, "create");
        var dsData = DomainSecDns.FromCreate(context);
        // UA-Pre-7: a second-level .ua name is registered only for the holder of a matching trademark.
        if (settings.SecondLevelNeedsLicence && name.Count(c => c == '.') == zone.Count(c => c == '.') + 1 && string.IsNullOrEmpty(licence))
            throw new EppCommandException(ResultCode.ParameterPolicy, $"{name} is a second-level .{zone} name: it needs a trademark licence in <uaepp:license>.");
        DomainRules.CanPay(context, accounts, "a registration");

        var domain = new Domain
        {
            Name = name,
            Roid = context.Store.NextRoid('D'),
            Zone = zone,
            SponsorId = context.ClientId,
            CreatorId = context.ClientId,
            CreatedAt = context.Now,
            ExpiresAt = context.Now.AddYears(years),
            Registrant = registrant,
            AuthInfo = DomainRules.AuthInfoOf(context) ?? "",
            Licence = licence,
        };
        domain.Contacts.AddRange(contacts);
        domain.NameServers.AddRange(nameServers);
        domain.DsData.AddRange(dsData);
        domain.MaxSigLife = DomainSecDns.MaxSigLife(context, "create");
        context.Store.Domains.Add(name, domain);

        return EppResponse.Ok(context.Res("creData",
            context.Res("name", name),
            context.Res("crDate", EppDates.Format(domain.CreatedAt)),
            context.Res("exDate", EppDates.Format(domain.ExpiresAt))));
    }

    /// <summary>Name servers must be host objects this registry knows (RFC 5731 hostObj).</summary>
    public static List<string> NameServers(CommandContext context, System.Xml.Linq.XElement? container = null)
    {
        var ns = (container ?? context.Command).Element(context.Ns + "ns");
        if (ns is null) return [];
        if (ns.Elements(context.Ns + "hostAttr").Any())
            throw new EppCommandException(ResultCode.ParameterPolicy, "this registry uses host objects (<hostObj>), not <hostAttr>.");
        var names = ns.Elements(context.Ns + "hostObj").Select(ObjectNames.Host).Distinct().ToList();
        foreach (var host in names)
        {
            if (!context.Store.Hosts.ContainsKey(host))
                throw new EppCommandException(ResultCode.ObjectDoesNotExist, $"host {host} does not exist; create it first.");
        }
        return names;
    }
}
