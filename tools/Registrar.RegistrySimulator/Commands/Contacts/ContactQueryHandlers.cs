using System.Xml.Linq;
using Registrar.RegistrySimulator.Registry;
using Registrar.RegistrySimulator.Xml;

namespace Registrar.RegistrySimulator.Commands.Contacts;

/// <summary>RFC 5733 section 3.1.1.</summary>
public sealed class ContactCheckHandler : ICommandHandler
{
    public string Name => "contact:check";

    public EppResponse Handle(CommandContext context) =>
        EppResponse.Ok(context.Res("chkData", context.Elements("id").Select(e =>
            CheckAnswers.Of(context, "id", e.Value.Trim(), id => ObjectNames.Contact(id), context.Store.Contacts.ContainsKey, "Invalid contact id syntax"))));
}

/// <summary>RFC 5733 section 3.1.2: the sponsor, or a registrar with the contact's authInfo; only the sponsor is shown
/// the authInfo, which MUST NOT be provided to any other client.</summary>
public sealed class ContactInfoHandler : ICommandHandler
{
    public string Name => "contact:info";

    public EppResponse Handle(CommandContext context)
    {
        var contact = ContactRules.Existing(context);
        var authInfo = context.Element("authInfo")?.Element(context.Ns + "pw")?.Value;
        if (contact.SponsorId != context.ClientId && authInfo != contact.AuthInfo)
            throw new EppCommandException(authInfo is null ? ResultCode.AuthorizationError : ResultCode.InvalidAuthInfo,
                $"contact {contact.Id} is sponsored by another registrar; send its authInfo.");

        XElement R(string name, params object?[] content) => context.Res(name, content);
        var statuses = contact.Statuses.ToList();
        if (context.Store.IsContactLinked(contact.Id)) statuses.Add("linked");
        if (contact.HeldUpdate is not null) statuses.Add("pendingUpdate");
        if (statuses.Count == 0) statuses.Add("ok");
        var d = contact.Details;
        return EppResponse.Ok(R("infData",
            R("id", contact.Id),
            R("roid", contact.Roid),
            statuses.Select(s => R("status", new XAttribute("s", s))),
            d.PostalInfos.Select(p => R("postalInfo", new XAttribute("type", p.Type),
                R("name", p.Name),
                p.Org is null ? null : R("org", p.Org),
                R("addr", p.Street.Select(s => R("street", s)), R("city", p.City),
                    p.Province is null ? null : R("sp", p.Province), p.PostalCode is null ? null : R("pc", p.PostalCode), R("cc", p.CountryCode)))),
            d.Voice is null ? null : R("voice", d.Voice),
            d.Fax is null ? null : R("fax", d.Fax),
            R("email", d.Email),
            R("clID", contact.SponsorId),
            R("crID", contact.CreatorId),
            R("crDate", EppDates.Format(contact.CreatedAt)),
            contact.UpdaterId is null ? null : R("upID", contact.UpdaterId),
            contact.UpdatedAt is { } updated ? R("upDate", EppDates.Format(updated)) : null,
            contact.SponsorId == context.ClientId ? R("authInfo", R("pw", contact.AuthInfo)) : null));
    }
}

public static class ContactRules
{
    public static Contact Existing(CommandContext context)
    {
        var id = ObjectNames.Contact(context.RequiredElement("id"));
        return context.Store.Contacts.TryGetValue(id, out var contact)
            ? contact
            : throw new EppCommandException(ResultCode.ObjectDoesNotExist, $"contact {id} does not exist.");
    }

    public static void SponsoredByCaller(CommandContext context, Contact contact)
    {
        if (contact.SponsorId != context.ClientId)
            throw new EppCommandException(ResultCode.AuthorizationError, $"contact {contact.Id} is sponsored by another registrar.");
    }

    /// <summary>The postalInfos of a create, or of an update's chg over <paramref name="current"/>: chgPostalInfoType (RFC 5733
    /// section 3.2.5) makes name, org and addr each optional, so what a changed postalInfo leaves out is kept from the one
    /// of its type; a type the contact lacks needs name and addr, as at create.</summary>
    public static IReadOnlyList<PostalInfo> PostalInfos(CommandContext context, XElement container, IReadOnlyList<PostalInfo>? current = null)
    {
        PostalInfoForms.Check(context, container);
        return container.Elements(context.Ns + "postalInfo").Select(p =>
        {
            var type = (string)p.Attribute("type")!;
            var before = current?.FirstOrDefault(c => c.Type == type);
            var addr = p.Element(context.Ns + "addr");
            string? Optional(XElement parent, string name) => parent.Element(context.Ns + name)?.Value.Trim() is { Length: > 0 } v ? v : null;
            string Required(string? value, string name) =>
                value ?? throw new EppCommandException(ResultCode.MissingParameter, $"<postalInfo type=\"{type}\"> needs <{name}>.");
            return new PostalInfo(type, Required(p.Element(context.Ns + "name")?.Value.Trim() ?? before?.Name, "name"),
                p.Element(context.Ns + "org") is null ? before?.Org : Optional(p, "org"),
                addr is null ? before?.Street ?? [] : addr.Elements(context.Ns + "street").Select(s => s.Value.Trim()).ToList(),
                Required(addr is null ? before?.City : addr.Element(context.Ns + "city")!.Value.Trim(), "addr"),
                addr is null ? before?.Province : Optional(addr, "sp"), addr is null ? before?.PostalCode : Optional(addr, "pc"),
                Required(addr is null ? before?.CountryCode : CountryCodes.Of(addr.Element(context.Ns + "cc")!), "addr"));
        }).ToList();
    }

    public static string Email(string email) =>
        email.Trim() is var e && e.IndexOf('@') is > 0 and var at && at < e.Length - 1 && !e.Contains(' ')
            ? e
            : throw new EppCommandException(ResultCode.ValueSyntax, $"'{email}' is not an e-mail address.");
}
