using System.Globalization;
using System.Xml.Linq;
using Registrar.Epp.Profiles;
using Registrar.Epp.Responses;

namespace Registrar.Epp.Commands;

/// <summary>RFC 5731 section 3.2.3. The current expiry date makes a repeated renew fail at the
/// registry instead of renewing twice; still never re-sent blindly.</summary>
public sealed class DomainRenewCommand(string domainName, DateOnly currentExpiryDate, EppPeriod? period = null) : EppCommand<DomainRenewed>
{
    public string DomainName { get; } = domainName;

    /// <summary>RFC 5731 3.2.3 curExpDate: the date the current period ends, which the registry compares with its own.</summary>
    public DateOnly CurrentExpiryDate { get; } = currentExpiryDate;

    public override string Name => "domain:renew";

    public override void Validate(EppRegistryProfile profile)
    {
        if (string.IsNullOrWhiteSpace(DomainName)) throw new EppCommandValidationException("domain:renew needs a domain name.");
        period?.Validate(Name);
    }

    public override XElement BuildCommand(EppRegistryProfile profile)
    {
        XNamespace d = profile.DomainNamespace;
        return Verb("renew", "domain", d,
            new XElement(d + "name", DomainName),
            new XElement(d + "curExpDate", CurrentExpiryDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            period is null ? null : new XElement(d + "period", new XAttribute("unit", period.UnitCode), period.Value));
    }

    public override DomainRenewed ParseResult(EppResponse response, EppRegistryProfile profile)
    {
        XNamespace d = profile.DomainNamespace;
        var data = ResultData(response, d + "renData");
        return new DomainRenewed(EppXml.RequiredValue(data, d + "name"), EppXml.OptionalDate(data, d + "exDate"),
            response.Code == EppResultCode.SuccessPending);
    }
}
