using System.Xml.Linq;
using Registrar.Epp.Profiles;
using Registrar.Epp.Responses;

namespace Registrar.Epp.Commands;

/// <summary>RFC 5731 sections 3.1.3 (query) and 3.2.4 (request, approve, reject, cancel).</summary>
public sealed class DomainTransferCommand(string domainName, TransferOperation operation, string? authInfoPassword = null, EppPeriod? period = null)
    : EppCommand<DomainTransferStatus>
{
    public string DomainName { get; } = domainName;
    public TransferOperation Operation { get; } = operation;
    public override string Name => "domain:transfer";
    public override bool IsIdempotent => Operation == TransferOperation.Query;

    public override void Validate(EppRegistryProfile profile)
    {
        if (string.IsNullOrWhiteSpace(DomainName)) throw new EppCommandValidationException("domain:transfer needs a domain name.");
        if (period is not null && Operation != TransferOperation.Request)
            throw new EppCommandValidationException("A period can only accompany a transfer request.");
        period?.Validate(Name);
    }

    public override XElement BuildCommand(EppRegistryProfile profile)
    {
        XNamespace d = profile.DomainNamespace;
        return new XElement(Epp + "transfer", new XAttribute("op", Operation.ToString().ToLowerInvariant()),
            new XElement(d + "transfer", new XAttribute(XNamespace.Xmlns + "domain", d),
                new XElement(d + "name", DomainName),
                period is null ? null : new XElement(d + "period", new XAttribute("unit", period.UnitCode), period.Value),
                authInfoPassword is null ? null : new XElement(d + "authInfo", new XElement(d + "pw", authInfoPassword))));
    }

    public override DomainTransferStatus ParseResult(EppResponse response, EppRegistryProfile profile)
    {
        XNamespace d = profile.DomainNamespace;
        var data = ResultData(response, d + "trnData");
        return new DomainTransferStatus(
            EppXml.RequiredValue(data, d + "name"),
            EppXml.RequiredValue(data, d + "trStatus"),
            EppXml.RequiredValue(data, d + "reID"),
            EppXml.OptionalDate(data, d + "reDate") ?? throw new EppProtocolException("<domain:trnData> has no <reDate>."),
            EppXml.RequiredValue(data, d + "acID"),
            EppXml.OptionalDate(data, d + "acDate") ?? throw new EppProtocolException("<domain:trnData> has no <acDate>."),
            EppXml.OptionalDate(data, d + "exDate"));
    }
}
