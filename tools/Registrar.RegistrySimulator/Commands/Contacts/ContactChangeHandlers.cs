using Registrar.RegistrySimulator.Registry;
using Registrar.RegistrySimulator.Xml;

namespace Registrar.RegistrySimulator.Commands.Contacts;

/// <summary>RFC 5733 section 3.2.1.</summary>
public sealed class ContactCreateHandler : ICommandHandler
{
    public string Name => "contact:create";

    public EppResponse Handle(CommandContext context)
    {
        var id = ObjectNames.Contact(context.RequiredElement("id"));
        if (context.Store.Contacts.ContainsKey(id))
            throw new EppCommandException(ResultCode.ObjectExists, $"contact {id} already exists.");
        DisclosurePreferences.Check(context, context.Command);
        var details = new ContactDetails(ContactRules.PostalInfos(context, context.Command), context.Value("voice"), context.Value("fax"),
            ContactRules.Email(context.Required("email")));

        var contact = new Contact
        {
            Id = id, Roid = context.Store.NextRoid('C'), SponsorId = context.ClientId, CreatorId = context.ClientId,
            CreatedAt = context.Now, AuthInfo = context.Element("authInfo")?.Element(context.Ns + "pw")?.Value ?? "", Details = details,
        };
        context.Store.Contacts.Add(id, contact);
        return EppResponse.Ok(context.Res("creData", context.Res("id", id), context.Res("crDate", EppDates.Format(contact.CreatedAt))));
    }
}

/// <summary>RFC 5733 section 3.2.5.</summary>
public sealed class ContactUpdateHandler : ICommandHandler
{
    private static readonly string[] SettableByClients = ["clientDeleteProhibited", "clientTransferProhibited", "clientUpdateProhibited"];

    public string Name => "contact:update";

    public EppResponse Handle(CommandContext context)
    {
        context.RequireSomeChange();
        var contact = ContactRules.Existing(context);
        ContactRules.SponsoredByCaller(context, contact);
        var added = ClientStatuses.Of(context, context.Element("add"), SettableByClients);
        var removed = ClientStatuses.Of(context, context.Element("rem"), SettableByClients);
        if (!removed.Contains("clientUpdateProhibited") && contact.Statuses.Contains("clientUpdateProhibited"))
            throw new EppCommandException(ResultCode.StatusProhibits, $"contact {contact.Id} has clientUpdateProhibited.");
        if (contact.HeldUpdate is not null)
            throw new EppCommandException(ResultCode.StatusProhibits, $"contact {contact.Id} has pendingUpdate: its last update waits for review.");
        var change = context.Element("chg");
        DisclosurePreferences.Check(context, change);
        var d = contact.Details;
        var postal = change is null ? [] : ContactRules.PostalInfos(context, change, d.PostalInfos);
        var email = change?.Element(context.Ns + "email") is { } e ? ContactRules.Email(e.Value) : d.Email;

        var details = d with
        {
            PostalInfos = postal.Count > 0 ? d.PostalInfos.Where(p => postal.All(n => n.Type != p.Type)).Concat(postal).ToList() : d.PostalInfos,
            Voice = change?.Element(context.Ns + "voice")?.Value.Trim() ?? d.Voice,
            Fax = change?.Element(context.Ns + "fax")?.Value.Trim() ?? d.Fax,
            Email = email,
        };
        var authInfo = change?.Element(context.Ns + "authInfo")?.Element(context.Ns + "pw")?.Value ?? contact.AuthInfo;
        var (clientId, now) = (context.ClientId, context.Now);
        void Apply()
        {
            contact.Details = details;
            contact.AuthInfo = authInfo;
            contact.Statuses.ExceptWith(removed);
            contact.Statuses.UnionWith(added);
            contact.UpdaterId = clientId;
            contact.UpdatedAt = now;
        }
        if (!contact.UnderReview)
        {
            Apply();
            return EppResponse.Ok();
        }
        // RFC 5733 section 3.2.5: 1001, and the review's decision is told later by a panData naming this transaction.
        contact.HeldUpdate = new HeldContactUpdate(Apply, context.Transaction);
        return EppResponse.Pending();
    }
}

/// <summary>RFC 5733 section 3.2.2: a contact a domain still uses cannot go.</summary>
public sealed class ContactDeleteHandler : ICommandHandler
{
    public string Name => "contact:delete";

    public EppResponse Handle(CommandContext context)
    {
        var contact = ContactRules.Existing(context);
        ContactRules.SponsoredByCaller(context, contact);
        if (contact.Statuses.Contains("clientDeleteProhibited"))
            throw new EppCommandException(ResultCode.StatusProhibits, $"contact {contact.Id} has clientDeleteProhibited.");
        if (context.Store.IsContactLinked(contact.Id))
            throw new EppCommandException(ResultCode.AssociationProhibits, $"contact {contact.Id} is linked to a domain.");

        context.Store.Contacts.Remove(contact.Id);
        return EppResponse.Ok();
    }
}
