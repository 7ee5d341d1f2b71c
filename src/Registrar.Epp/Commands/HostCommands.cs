using System.Net;
using System.Net.Sockets;
using System.Xml.Linq;
using Registrar.Epp.Profiles;
using Registrar.Epp.Responses;

namespace Registrar.Epp.Commands;

public sealed record HostCreated(string Name, DateTimeOffset CreatedAt);

/// <summary>RFC 5732 section 3.1.1.</summary>
public sealed class HostCheckCommand(params string[] names) : EppCommand<CheckResult>
{
    public override string Name => "host:check";
    public override bool IsIdempotent => true;

    public override void Validate(EppRegistryProfile profile)
    {
        if (names.Length == 0 || names.Any(string.IsNullOrWhiteSpace))
            throw new EppCommandValidationException("host:check needs at least one name and no empty names.");
    }

    public override XElement BuildCommand(EppRegistryProfile profile)
    {
        XNamespace h = profile.HostNamespace;
        return Verb("check", "host", h, names.Select(n => new XElement(h + "name", n)));
    }

    public override IResultDataReader ResultDataReader(EppRegistryProfile profile) => new CheckDataReader(profile.HostNamespace, "name");

    public override CheckResult ParseResult(EppResponse response, EppRegistryProfile profile) =>
        StreamedResultData<CheckResult>(response, "chkData", profile.HostNamespace);
}

/// <summary>RFC 5732 section 3.2.1; addresses are needed only for hosts under the registry's own zones (glue).</summary>
public sealed class HostCreateCommand(string hostName, params IPAddress[] addresses) : EppCommand<HostCreated>
{
    public override string Name => "host:create";

    public override void Validate(EppRegistryProfile profile)
    {
        if (string.IsNullOrWhiteSpace(hostName)) throw new EppCommandValidationException("host:create needs a host name.");
    }

    public override XElement BuildCommand(EppRegistryProfile profile)
    {
        XNamespace h = profile.HostNamespace;
        return Verb("create", "host", h, new XElement(h + "name", hostName), addresses.Select(a => HostAddress.ToXml(h, a)));
    }

    public override HostCreated ParseResult(EppResponse response, EppRegistryProfile profile)
    {
        XNamespace h = profile.HostNamespace;
        var data = ResultData(response, h + "creData");
        return new HostCreated(EppXml.RequiredValue(data, h + "name"),
            EppXml.OptionalDate(data, h + "crDate") ?? throw new EppProtocolException("<host:creData> has no <crDate>."));
    }
}

/// <summary>RFC 5732 section 3.2.5: addresses and statuses added/removed, optional rename.</summary>
public sealed class HostUpdateCommand : EppCommand<EppAcknowledged>
{
    public required string HostName { get; init; }
    public IReadOnlyList<IPAddress> AddAddresses { get; init; } = [];
    public IReadOnlyList<IPAddress> RemoveAddresses { get; init; } = [];
    public IReadOnlyList<EppStatus> AddStatuses { get; init; } = [];
    public IReadOnlyList<EppStatus> RemoveStatuses { get; init; } = [];
    public string? NewName { get; init; }

    public override string Name => "host:update";

    public override XElement BuildCommand(EppRegistryProfile profile)
    {
        XNamespace h = profile.HostNamespace;
        return Verb("update", "host", h,
            new XElement(h + "name", HostName),
            Set(h + "add", AddAddresses, AddStatuses, h),
            Set(h + "rem", RemoveAddresses, RemoveStatuses, h),
            NewName is null ? null : new XElement(h + "chg", new XElement(h + "name", NewName)));
    }

    public override EppAcknowledged ParseResult(EppResponse response, EppRegistryProfile profile) => new(response.Code);

    private static XElement? Set(XName name, IReadOnlyList<IPAddress> addresses, IReadOnlyList<EppStatus> statuses, XNamespace h) =>
        addresses.Count == 0 && statuses.Count == 0 ? null : new XElement(name,
            addresses.Select(a => HostAddress.ToXml(h, a)),
            statuses.Select(s => new XElement(h + "status", new XAttribute("s", s.Value), s.Reason)));
}

/// <summary>RFC 5732 section 3.2.2; refused (2305) while a domain delegates to the host.</summary>
public sealed class HostDeleteCommand(string hostName) : EppCommand<EppAcknowledged>
{
    public override string Name => "host:delete";

    public override XElement BuildCommand(EppRegistryProfile profile)
    {
        XNamespace h = profile.HostNamespace;
        return Verb("delete", "host", h, new XElement(h + "name", hostName));
    }

    public override EppAcknowledged ParseResult(EppResponse response, EppRegistryProfile profile) => new(response.Code);
}

internal static class HostAddress
{
    public static XElement ToXml(XNamespace h, IPAddress address) => new(h + "addr",
        new XAttribute("ip", address.AddressFamily == AddressFamily.InterNetworkV6 ? "v6" : "v4"), address.ToString());
}
