using System.Xml.Linq;
using Registrar.RegistrySimulator.Registry;
using Registrar.RegistrySimulator.Xml;

namespace Registrar.RegistrySimulator.Commands.Hosts;

/// <summary>RFC 5732 section 3.1.1.</summary>
public sealed class HostCheckHandler : ICommandHandler
{
    public string Name => "host:check";

    public EppResponse Handle(CommandContext context) =>
        EppResponse.Ok(context.Res("chkData", context.Elements("name").Select(e =>
            CheckAnswers.Of(context, "name", e.Value, ObjectNames.Host, context.Store.Hosts.ContainsKey, "Invalid host name syntax"))));
}

/// <summary>RFC 5732 section 3.1.2.</summary>
public sealed class HostInfoHandler : ICommandHandler
{
    public string Name => "host:info";

    public EppResponse Handle(CommandContext context)
    {
        var host = HostRules.Existing(context);
        var statuses = host.Statuses.ToList();
        if (context.Store.DomainsUsingHost(host.Name).Any()) statuses.Add("linked");
        if (statuses.Count == 0) statuses.Add("ok");
        return EppResponse.Ok(context.Res("infData",
            context.Res("name", host.Name),
            context.Res("roid", host.Roid),
            statuses.Select(s => context.Res("status", new XAttribute("s", s))),
            host.Addresses.Select(a => context.Res("addr", new XAttribute("ip", a.Ip), a.Address)),
            context.Res("clID", host.SponsorId),
            context.Res("crID", host.CreatorId),
            context.Res("crDate", EppDates.Format(host.CreatedAt))));
    }
}

/// <summary>RFC 5732 section 3.2.1: a host under a domain of this registry (in-bailiwick) belongs to
/// that domain's sponsor and needs addresses; one under a served zone needs that domain registered; an external
/// host takes none.</summary>
public sealed class HostCreateHandler : ICommandHandler
{
    public string Name => "host:create";

    public EppResponse Handle(CommandContext context)
    {
        var name = ObjectNames.Host(context.RequiredElement("name"));
        if (context.Store.Hosts.ContainsKey(name))
            throw new EppCommandException(ResultCode.ObjectExists, $"host {name} already exists.");
        var addresses = HostRules.Addresses(context, context.Command);
        HostRules.CheckPlacement(context, name, addresses.Count);

        var host = new Host
        {
            Name = name, Roid = context.Store.NextRoid('H'), SponsorId = context.ClientId, CreatorId = context.ClientId, CreatedAt = context.Now,
        };
        host.Addresses.AddRange(addresses);
        context.Store.Hosts.Add(name, host);
        return EppResponse.Ok(context.Res("creData", context.Res("name", name), context.Res("crDate", EppDates.Format(host.CreatedAt))));
    }
}

/// <summary>RFC 5732 section 3.2.5: add/remove addresses and client statuses, rename.</summary>
public sealed class HostUpdateHandler : ICommandHandler
{
    private static readonly string[] SettableByClients = ["clientDeleteProhibited", "clientUpdateProhibited"];

    public string Name => "host:update";

    public EppResponse Handle(CommandContext context)
    {
        context.RequireSomeChange();
        var host = HostRules.Existing(context);
        HostRules.SponsoredByCaller(context, host);
        var add = context.Element("add");
        var remove = context.Element("rem");
        var addedStatuses = ClientStatuses.Of(context, add, SettableByClients);
        var removedStatuses = ClientStatuses.Of(context, remove, SettableByClients);
        // RFC 5732 section 2.3: with clientUpdateProhibited, every update but the one removing it is rejected.
        if (host.Statuses.Contains("clientUpdateProhibited") && !removedStatuses.Contains("clientUpdateProhibited"))
            throw new EppCommandException(ResultCode.StatusProhibits, $"host {host.Name} has clientUpdateProhibited.");
        var added = add is null ? [] : HostRules.Addresses(context, add);
        var removed = remove is null ? [] : HostRules.Addresses(context, remove);
        var newName = context.Element("chg")?.Element(context.Ns + "name") is { } n ? ObjectNames.Host(n) : null;
        if (newName is not null && context.Store.Hosts.ContainsKey(newName))
            throw new EppCommandException(ResultCode.ObjectExists, $"host {newName} already exists.");
        var resulting = host.Addresses.Except(removed).Union(added).Count();
        HostRules.CheckPlacement(context, newName ?? host.Name, resulting);

        host.Addresses.RemoveAll(removed.Contains);
        host.Addresses.AddRange(added.Where(a => !host.Addresses.Contains(a)));
        host.Statuses.ExceptWith(removedStatuses);
        host.Statuses.UnionWith(addedStatuses);
        if (newName is not null)
        {
            context.Store.Hosts.Remove(host.Name);
            foreach (var domain in context.Store.DomainsUsingHost(host.Name))
                domain.NameServers[domain.NameServers.FindIndex(s => s.Equals(host.Name, StringComparison.OrdinalIgnoreCase))] = newName;
            host.Name = newName;
            context.Store.Hosts.Add(newName, host);
        }
        host.UpdaterId = context.ClientId;
        host.UpdatedAt = context.Now;
        return EppResponse.Ok();
    }
}

/// <summary>RFC 5732 section 3.2.2: a host a domain still delegates to, or one with clientDeleteProhibited, cannot go.</summary>
public sealed class HostDeleteHandler : ICommandHandler
{
    public string Name => "host:delete";

    public EppResponse Handle(CommandContext context)
    {
        var host = HostRules.Existing(context);
        HostRules.SponsoredByCaller(context, host);
        if (host.Statuses.Contains("clientDeleteProhibited"))
            throw new EppCommandException(ResultCode.StatusProhibits, $"host {host.Name} has clientDeleteProhibited.");
        var users = context.Store.DomainsUsingHost(host.Name).Select(d => d.Name).ToList();
        if (users.Count > 0)
            throw new EppCommandException(ResultCode.AssociationProhibits, $"host {host.Name} is a name server of {string.Join(", ", users)}.");

        context.Store.Hosts.Remove(host.Name);
        return EppResponse.Ok();
    }
}

public static class HostRules
{
    public static Host Existing(CommandContext context)
    {
        var name = ObjectNames.Host(context.RequiredElement("name"));
        return context.Store.Hosts.TryGetValue(name, out var host)
            ? host
            : throw new EppCommandException(ResultCode.ObjectDoesNotExist, $"host {name} does not exist.");
    }

    public static void SponsoredByCaller(CommandContext context, Host host)
    {
        if (host.SponsorId != context.ClientId)
            throw new EppCommandException(ResultCode.AuthorizationError, $"host {host.Name} is sponsored by another registrar.");
    }

    /// <summary>The addresses of a create, add or rem, canonical and each once: RFC 5732 section 3.2.1 makes a host's addresses
    /// a set, so two spellings of one address ("2001:db8::1", "2001:0db8:0:0::1") are one address.</summary>
    public static List<(string Ip, string Address)> Addresses(CommandContext context, XElement container) =>
        container.Elements(context.Ns + "addr").Select(a =>
        {
            var ip = (string?)a.Attribute("ip") ?? "v4";
            var address = IpAddressText.Parse(ip, a.Value.Trim())
                ?? throw new EppCommandException(ResultCode.ValueSyntax, ip == "v6"
                    ? $"'{a.Value}' is not an IPv6 address in an RFC 4291 section 2.2 text form (without a zone index)."
                    : $"'{a.Value}' is not an IPv4 address in dotted-quad decimal (RFC 791), four octets of 0-255 without leading zeros.", a);
            return (ip, address);
        }).Distinct().ToList();

    public static void CheckPlacement(CommandContext context, string name, int addressCount)
    {
        var superordinate = context.Store.SuperordinateDomain(name);
        // RFC 5732 section 3.2.1: a host in a namespace the server is authoritative for needs its superordinate domain known.
        // The missing domain is an object that does not exist (2303), as Nomulus answers it.
        if (superordinate is null && RegistrableNames.SuperordinateOf(context.Store, name) is { } missing)
            throw new EppCommandException(ResultCode.ObjectDoesNotExist, $"{name} is under {missing}, which is not registered: register it first.");
        if (superordinate is not null && superordinate.SponsorId != context.ClientId)
            throw new EppCommandException(ResultCode.AuthorizationError, $"{name} is under {superordinate.Name}, which another registrar sponsors.");
        if (superordinate is not null && addressCount == 0)
            throw new EppCommandException(ResultCode.MissingParameter, $"{name} is under {superordinate.Name} in this registry: it needs at least one address.");
        if (superordinate is null && addressCount > 0)
            throw new EppCommandException(ResultCode.ParameterPolicy, $"{name} is outside this registry's domains: it takes no addresses.");
    }
}
