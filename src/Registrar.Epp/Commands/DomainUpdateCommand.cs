using System.Xml.Linq;
using Registrar.Epp.Extensions;
using Registrar.Epp.Profiles;
using Registrar.Epp.Responses;

namespace Registrar.Epp.Commands;

/// <summary>What a domain:update adds or removes (RFC 5731 addRemType).</summary>
public sealed record DomainUpdateSet
{
    public IReadOnlyList<string> NameServers { get; init; } = [];
    public IReadOnlyList<DomainContact> Contacts { get; init; } = [];
    public IReadOnlyList<EppStatus> Statuses { get; init; } = [];

    internal bool IsEmpty => NameServers.Count == 0 && Contacts.Count == 0 && Statuses.Count == 0;
}

/// <summary>What a domain:update replaces (RFC 5731 chgType); an empty change is what RFC 3915 restore sends.</summary>
public sealed record DomainChange(string? Registrant = null, string? AuthInfoPassword = null);

/// <summary>RFC 5731 section 3.2.5; also carries RGP restore (RFC 3915) and secDNS update (RFC 5910) extensions.</summary>
public sealed class DomainUpdateCommand : EppCommand<EppAcknowledged>
{
    public required string DomainName { get; init; }
    public DomainUpdateSet? Add { get; init; }
    public DomainUpdateSet? Remove { get; init; }
    public DomainChange? Change { get; init; }

    public override string Name => "domain:update";

    /// <summary>RFC 3915 section 4.2.5: ask to restore a domain in redemptionPeriod.</summary>
    public static DomainUpdateCommand RestoreRequest(string domainName) => new()
    {
        DomainName = domainName, Change = new DomainChange(), Extensions = [new RgpRestoreRequestExtension()],
    };

    /// <summary>RFC 3915 section 4.2.5: the restore report that completes a pending restore.</summary>
    public static DomainUpdateCommand RestoreReport(string domainName, RgpRestoreReport report) => new()
    {
        DomainName = domainName, Change = new DomainChange(), Extensions = [new RgpRestoreReportExtension(report)],
    };

    public override void Validate(EppRegistryProfile profile)
    {
        if (string.IsNullOrWhiteSpace(DomainName)) throw new EppCommandValidationException("domain:update needs a domain name.");
        foreach (var contact in (Add?.Contacts ?? []).Concat(Remove?.Contacts ?? [])) contact.Validate(Name);
        if (Add is { Statuses.Count: > 11 } || Remove is { Statuses.Count: > 11 })
            throw new EppCommandValidationException($"domain:update {DomainName}: at most 11 statuses per add or rem.");
        // RFC 5731 section 3.2.5: at least one of add, rem and chg, unless an extension carries the change.
        if (Extensions.Count == 0 && (Add?.IsEmpty ?? true) && (Remove?.IsEmpty ?? true) && Change is null)
            throw new EppCommandValidationException($"domain:update {DomainName} changes nothing: give what to add, remove or change.");
    }

    public override XElement BuildCommand(EppRegistryProfile profile)
    {
        XNamespace d = profile.DomainNamespace;
        return Verb("update", "domain", d,
            new XElement(d + "name", DomainName),
            SetElement(d + "add", Add, d),
            SetElement(d + "rem", Remove, d),
            Change is null ? null : new XElement(d + "chg",
                Change.Registrant is null ? null : new XElement(d + "registrant", Change.Registrant),
                Change.AuthInfoPassword is null ? null : new XElement(d + "authInfo", new XElement(d + "pw", Change.AuthInfoPassword))));
    }

    public override EppAcknowledged ParseResult(EppResponse response, EppRegistryProfile profile) => new(response.Code);

    private static XElement? SetElement(XName name, DomainUpdateSet? set, XNamespace d) =>
        set is null || set.IsEmpty ? null : new XElement(name,
            set.NameServers.Count == 0 ? null : new XElement(d + "ns", set.NameServers.Select(n => new XElement(d + "hostObj", n))),
            set.Contacts.Select(c => new XElement(d + "contact", new XAttribute("type", c.Type), c.Id)),
            set.Statuses.Select(s => new XElement(d + "status", new XAttribute("s", s.Value), s.Reason)));
}
