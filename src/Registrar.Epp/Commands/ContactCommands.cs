using System.Xml.Linq;
using Registrar.Epp.Profiles;
using Registrar.Epp.Responses;

namespace Registrar.Epp.Commands;

/// <summary>RFC 5733 section 3.1.1.</summary>
public sealed class ContactCheckCommand(params string[] ids) : EppCommand<CheckResult>
{
    public override string Name => "contact:check";
    public override bool IsIdempotent => true;

    public override void Validate(EppRegistryProfile profile)
    {
        if (ids.Length == 0 || ids.Any(string.IsNullOrWhiteSpace))
            throw new EppCommandValidationException("contact:check needs at least one id and no empty ids.");
    }

    public override XElement BuildCommand(EppRegistryProfile profile)
    {
        XNamespace c = profile.ContactNamespace;
        return Verb("check", "contact", c, ids.Select(id => new XElement(c + "id", id)));
    }

    public override IResultDataReader ResultDataReader(EppRegistryProfile profile) => new CheckDataReader(profile.ContactNamespace, "id");

    public override CheckResult ParseResult(EppResponse response, EppRegistryProfile profile) =>
        StreamedResultData<CheckResult>(response, "chkData", profile.ContactNamespace);
}

/// <summary>RFC 5733 section 3.1.2.</summary>
public sealed class ContactInfoCommand(string id, string? authInfoPassword = null) : EppCommand<ContactInfo>
{
    public override string Name => "contact:info";
    public override bool IsIdempotent => true;

    public override XElement BuildCommand(EppRegistryProfile profile)
    {
        XNamespace c = profile.ContactNamespace;
        return Verb("info", "contact", c, new XElement(c + "id", id),
            authInfoPassword is null ? null : new XElement(c + "authInfo", new XElement(c + "pw", authInfoPassword)));
    }

    public override ContactInfo ParseResult(EppResponse response, EppRegistryProfile profile)
    {
        XNamespace c = profile.ContactNamespace;
        var info = ResultData(response, c + "infData");
        return new ContactInfo(
            EppXml.RequiredValue(info, c + "id"),
            EppXml.RequiredValue(info, c + "roid"),
            info.Elements(c + "status").Select(s => new EppStatus(EppXml.RequiredAttribute(s, "s"))).ToList(),
            info.Elements(c + "postalInfo").Select(p => PostalInfo.Parse(p, c)).ToList(),
            info.Element(c + "voice")?.Value.Trim(),
            info.Element(c + "fax")?.Value.Trim(),
            EppXml.RequiredValue(info, c + "email"),
            EppXml.RequiredValue(info, c + "clID"),
            EppXml.OptionalDate(info, c + "crDate"),
            EppXml.OptionalDate(info, c + "upDate"),
            info.Element(c + "authInfo")?.Element(c + "pw")?.Value);
    }
}

/// <summary>RFC 5733 section 3.2.1. Names and addresses are user data: escaped by XElement.</summary>
public sealed class ContactCreateCommand : EppCommand<ContactCreated>
{
    public required string Id { get; init; }
    public required IReadOnlyList<PostalInfo> PostalInfos { get; init; }
    public string? Voice { get; init; }
    public string? Fax { get; init; }
    public required string Email { get; init; }
    public required string AuthInfoPassword { get; init; }

    public override string Name => "contact:create";

    public override void Validate(EppRegistryProfile profile)
    {
        if (Id.Length is < 3 or > 16) throw new EppCommandValidationException($"contact:create: the id must be 3 to 16 characters, not '{Id}'.");
        if (PostalInfos.Count is < 1 or > 2) throw new EppCommandValidationException($"contact:create {Id}: one or two postalInfo (loc, int).");
        PostalInfo.ValidateAll(PostalInfos, Name, nameRequired: true);
        if (string.IsNullOrWhiteSpace(Email)) throw new EppCommandValidationException($"contact:create {Id} needs an email.");
        if (string.IsNullOrEmpty(AuthInfoPassword)) throw new EppCommandValidationException($"contact:create {Id} needs an authInfo password.");
    }

    public override XElement BuildCommand(EppRegistryProfile profile)
    {
        XNamespace c = profile.ContactNamespace;
        return Verb("create", "contact", c,
            new XElement(c + "id", Id),
            PostalInfos.Select(p => p.ToXml(c)),
            Voice is null ? null : new XElement(c + "voice", Voice),
            Fax is null ? null : new XElement(c + "fax", Fax),
            new XElement(c + "email", Email),
            new XElement(c + "authInfo", new XElement(c + "pw", AuthInfoPassword)));
    }

    public override ContactCreated ParseResult(EppResponse response, EppRegistryProfile profile)
    {
        XNamespace c = profile.ContactNamespace;
        var data = ResultData(response, c + "creData");
        return new ContactCreated(EppXml.RequiredValue(data, c + "id"),
            EppXml.OptionalDate(data, c + "crDate") ?? throw new EppProtocolException("<contact:creData> has no <crDate>."));
    }
}

/// <summary>RFC 5733 section 3.2.5: statuses added/removed and data replaced.</summary>
public sealed class ContactUpdateCommand : EppCommand<EppAcknowledged>
{
    public required string Id { get; init; }
    public IReadOnlyList<EppStatus> AddStatuses { get; init; } = [];
    public IReadOnlyList<EppStatus> RemoveStatuses { get; init; } = [];
    public IReadOnlyList<PostalInfo> PostalInfos { get; init; } = [];
    public string? Voice { get; init; }
    public string? Fax { get; init; }
    public string? Email { get; init; }
    public string? AuthInfoPassword { get; init; }

    public override string Name => "contact:update";

    public override void Validate(EppRegistryProfile profile)
    {
        PostalInfo.ValidateAll(PostalInfos, Name, nameRequired: false);
        if (AddStatuses.Count == 0 && RemoveStatuses.Count == 0 && !HasChange)
            throw new EppCommandValidationException($"contact:update {Id} changes nothing.");
    }

    public override XElement BuildCommand(EppRegistryProfile profile)
    {
        XNamespace c = profile.ContactNamespace;
        return Verb("update", "contact", c,
            new XElement(c + "id", Id),
            AddStatuses.Count == 0 ? null : new XElement(c + "add", AddStatuses.Select(s => new XElement(c + "status", new XAttribute("s", s.Value), s.Reason))),
            RemoveStatuses.Count == 0 ? null : new XElement(c + "rem", RemoveStatuses.Select(s => new XElement(c + "status", new XAttribute("s", s.Value), s.Reason))),
            !HasChange ? null : new XElement(c + "chg",
                PostalInfos.Select(p => p.ToXml(c)),
                Voice is null ? null : new XElement(c + "voice", Voice),
                Fax is null ? null : new XElement(c + "fax", Fax),
                Email is null ? null : new XElement(c + "email", Email),
                AuthInfoPassword is null ? null : new XElement(c + "authInfo", new XElement(c + "pw", AuthInfoPassword))));
    }

    public override EppAcknowledged ParseResult(EppResponse response, EppRegistryProfile profile) => new(response.Code);

    private bool HasChange => PostalInfos.Count > 0 || Voice is not null || Fax is not null || Email is not null || AuthInfoPassword is not null;
}

/// <summary>RFC 5733 section 3.2.2; the registry refuses (2305) while a domain links the contact.</summary>
public sealed class ContactDeleteCommand(string id) : EppCommand<EppAcknowledged>
{
    public override string Name => "contact:delete";

    public override XElement BuildCommand(EppRegistryProfile profile)
    {
        XNamespace c = profile.ContactNamespace;
        return Verb("delete", "contact", c, new XElement(c + "id", id));
    }

    public override EppAcknowledged ParseResult(EppResponse response, EppRegistryProfile profile) => new(response.Code);
}
