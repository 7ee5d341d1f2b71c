using System.Xml.Linq;
using Registrar.Epp.Profiles;
using Registrar.Epp.Responses;

namespace Registrar.Epp.Commands;

/// <summary>RFC 5731 section 3.1.1: which of these names can be created.</summary>
public sealed class DomainCheckCommand(IReadOnlyList<string> names) : EppCommand<CheckResult>
{
    public DomainCheckCommand(params string[] names) : this((IReadOnlyList<string>)names) { }

    public IReadOnlyList<string> Names { get; } = names;
    public override string Name => "domain:check";
    public override bool IsIdempotent => true;

    public override void Validate(EppRegistryProfile profile)
    {
        if (Names.Count == 0 || Names.Any(string.IsNullOrWhiteSpace))
            throw new EppCommandValidationException("domain:check needs at least one name and no empty names.");
    }

    public override XElement BuildCommand(EppRegistryProfile profile)
    {
        XNamespace d = profile.DomainNamespace;
        return Verb("check", "domain", d, Names.Select(n => new XElement(d + "name", n)));
    }

    public override IResultDataReader ResultDataReader(EppRegistryProfile profile) => new CheckDataReader(profile.DomainNamespace, "name");

    public override CheckResult ParseResult(EppResponse response, EppRegistryProfile profile) =>
        StreamedResultData<CheckResult>(response, "chkData", profile.DomainNamespace);
}
