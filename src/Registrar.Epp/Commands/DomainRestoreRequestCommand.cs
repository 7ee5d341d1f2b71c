using System.Xml.Linq;
using Registrar.Epp.Extensions;
using Registrar.Epp.Profiles;
using Registrar.Epp.Responses;

namespace Registrar.Epp.Commands;

/// <summary>What the registry said to a restore request: its result code and the RFC 3915 rgp:upData status.</summary>
/// <param name="RgpStatus">"pendingRestore" while the registry waits for the restore report; null when the
/// registry sent no rgp:upData (the name is back in its pre-deletion state).</param>
public sealed record RgpRestoreRequested(EppResultCode Code, string? RgpStatus)
{
    public bool IsPending => Code == EppResultCode.SuccessPending;

    /// <summary>RFC 3915 section 3.2: requested, but not restored until the report arrives.</summary>
    public bool AwaitsReport => string.Equals(RgpStatus, "pendingRestore", StringComparison.Ordinal);
}

/// <summary>RFC 3915 section 4.2.5 restore request: the frame of <see cref="DomainUpdateCommand.RestoreRequest"/>,
/// with an answer that says whether the name is restored or waits for the restore report.</summary>
public sealed class DomainRestoreRequestCommand : EppCommand<RgpRestoreRequested>
{
    public DomainRestoreRequestCommand(string domainName)
    {
        DomainName = domainName;
        Extensions = [new RgpRestoreRequestExtension()];
    }

    public string DomainName { get; }
    public override string Name => "domain:update";

    public override void Validate(EppRegistryProfile profile)
    {
        if (string.IsNullOrWhiteSpace(DomainName)) throw new EppCommandValidationException("A restore request needs a domain name.");
    }

    public override XElement BuildCommand(EppRegistryProfile profile) => DomainUpdateCommand.RestoreRequest(DomainName).BuildCommand(profile);

    public override RgpRestoreRequested ParseResult(EppResponse response, EppRegistryProfile profile)
    {
        if (response.Extension is null || profile.RgpNamespace is null) return new(response.Code, null);
        XNamespace rgp = profile.RgpNamespace;
        var status = response.Extension.Elements(rgp + "upData").Elements(rgp + "rgpStatus").FirstOrDefault();
        return new(response.Code, status is null ? null : EppXml.RequiredAttribute(status, "s"));
    }
}
