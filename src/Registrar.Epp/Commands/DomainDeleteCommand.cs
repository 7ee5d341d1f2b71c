using System.Xml.Linq;
using Registrar.Epp.Profiles;
using Registrar.Epp.Responses;

namespace Registrar.Epp.Commands;

/// <summary>RFC 5731 section 3.2.2. With RGP the registry usually answers 1001 (pending delete).</summary>
public sealed class DomainDeleteCommand(string domainName) : EppCommand<EppAcknowledged>
{
    public string DomainName { get; } = domainName;
    public override string Name => "domain:delete";

    public override void Validate(EppRegistryProfile profile)
    {
        if (string.IsNullOrWhiteSpace(DomainName)) throw new EppCommandValidationException("domain:delete needs a domain name.");
    }

    public override XElement BuildCommand(EppRegistryProfile profile)
    {
        XNamespace d = profile.DomainNamespace;
        return Verb("delete", "domain", d, new XElement(d + "name", DomainName));
    }

    public override EppAcknowledged ParseResult(EppResponse response, EppRegistryProfile profile) => new(response.Code);
}
