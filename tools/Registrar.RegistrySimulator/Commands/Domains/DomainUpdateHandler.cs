using System.Xml.Linq;
using Registrar.RegistrySimulator.Registry;

namespace Registrar.RegistrySimulator.Commands.Domains;

/// <summary>RFC 5731 section 3.2.5: add/remove name servers, contacts and client statuses, change the
/// registrant or authInfo; the Hostmaster licence update; and RFC 3915 restore, which rides on update.</summary>
public sealed class DomainUpdateHandler(DomainRestore restore) : ICommandHandler
{
    private static readonly string[] SettableByClients =
        ["clientHold", "clientTransferProhibited", "clientUpdateProhibited", "clientDeleteProhibited", "clientRenewProhibited"];

    public string Name => "domain:update";

    public EppResponse Handle(CommandContext context)
    {
        context.RequireSomeChange();
        var domain = DomainRules.Existing(context, ObjectNames.Domain(context.RequiredElement("name")));
        DomainRules.SponsoredByCaller(context, domain);
        if (context.ExtensionElement(context.Profile.Rgp, "update")?.Element(context.Profile.Rgp + "restore") is { } restoreRequest)
            return restore.Handle(context, domain, (string)restoreRequest.Attribute("op")!);

        var add = context.Element("add");
        var remove = context.Element("rem");
        var change = context.Element("chg");
        var unlocking = Statuses(context, remove).Contains("clientUpdateProhibited");
        DomainRules.NotProhibited(domain, "updates", unlocking
            ? ["serverUpdateProhibited", "pendingDelete"]
            : ["clientUpdateProhibited", "serverUpdateProhibited", "pendingDelete"]);
        var addedStatuses = Statuses(context, add);
        var removedStatuses = Statuses(context, remove);
        // RFC 5731 section 2.3: pendingTransfer MUST NOT be combined with clientTransferProhibited; the transfer is resolved first.
        var locking = add?.Elements(context.Ns + "status").FirstOrDefault(s => (string?)s.Attribute("s") == "clientTransferProhibited");
        if (domain.HasPendingTransfer && locking is not null)
            throw new EppCommandException(ResultCode.StatusProhibits,
                $"{domain.Name} has pendingTransfer, which clientTransferProhibited may not join: approve, reject or cancel the transfer first.", locking);
        var addedNameServers = add is null ? [] : DomainCreateHandler.NameServers(context, add);
        var removedNameServers = remove?.Element(context.Ns + "ns")?.Elements().Select(ObjectNames.Host).ToList() ?? [];
        var addedContacts = Contacts(context, add);
        var removedContacts = Contacts(context, remove);
        var newRegistrant = change?.Element(context.Ns + "registrant")?.Value.Trim();
        // RFC 5731 section 3.2.5: an empty <registrant> removes it, which this registry's names may not be without.
        if (newRegistrant is "")
            throw new EppCommandException(ResultCode.ParameterPolicy, $"{domain.Name} must keep a registrant; name the new one instead.");
        foreach (var id in addedContacts.Select(c => c.Id).Concat(newRegistrant is { Length: > 0 } ? [newRegistrant] : []))
        {
            if (!context.Store.Contacts.ContainsKey(id))
                throw new EppCommandException(ResultCode.ObjectDoesNotExist, $"contact {id} does not exist.");
        }
        var newAuthInfo = change?.Element(context.Ns + "authInfo")?.Element(context.Ns + "pw")?.Value;
        // RFC 5731 section 3.2.5: <null/> removes the authInfo, without which no transfer could ever be authorised here.
        if (change?.Element(context.Ns + "authInfo")?.Element(context.Ns + "null") is not null)
            throw new EppCommandException(ResultCode.ParameterPolicy, $"{domain.Name} must keep an authInfo; give a new <pw> instead.");
        var newLicence = DomainRules.Licence(context, "update");
        var newDsData = DomainSecDns.AfterUpdate(context, domain.DsData);
        var newMaxSigLife = DomainSecDns.MaxSigLife(context, "update");

        // KZ-2.5: a change of registrant never touches the expiry.
        domain.NameServers.RemoveAll(n => removedNameServers.Contains(n, StringComparer.OrdinalIgnoreCase));
        domain.NameServers.AddRange(addedNameServers.Where(n => !domain.NameServers.Contains(n, StringComparer.OrdinalIgnoreCase)));
        domain.Contacts.RemoveAll(removedContacts.Contains);
        domain.Contacts.AddRange(addedContacts.Where(c => !domain.Contacts.Contains(c)));
        domain.Statuses.ExceptWith(removedStatuses);
        domain.Statuses.UnionWith(addedStatuses);
        if (newRegistrant is { Length: > 0 }) domain.Registrant = newRegistrant;
        if (newAuthInfo is not null) domain.AuthInfo = newAuthInfo;
        if (newLicence is not null) domain.Licence = newLicence;
        if (newMaxSigLife is not null) domain.MaxSigLife = newMaxSigLife;
        if (newDsData is not null)
        {
            domain.DsData.Clear();
            domain.DsData.AddRange(newDsData);
        }
        domain.UpdaterId = context.ClientId;
        domain.UpdatedAt = context.Now;
        return EppResponse.Ok();
    }

    private static List<string> Statuses(CommandContext context, XElement? container) => ClientStatuses.Of(context, container, SettableByClients);

    private static List<(string Type, string Id)> Contacts(CommandContext context, XElement? container) =>
        container?.Elements(context.Ns + "contact").Select(c => ((string)c.Attribute("type")!, c.Value.Trim())).ToList() ?? [];
}

/// <summary>RFC 3915 restore: request (then report, where the zone wants one) on a name in redemptionPeriod.</summary>
public sealed class DomainRestore(RegistrarAccounts accounts)
{
    public EppResponse Handle(CommandContext context, Domain domain, string op)
    {
        RequireNothingElse(context);
        var settings = context.Store.ZoneOf(domain.Name).Settings;
        var expected = op == "request" ? DomainPhase.RedemptionPeriod : DomainPhase.PendingRestore;
        if (domain.Phase != expected)
            throw new EppCommandException(ResultCode.StatusProhibits,
                $"a restore {op} needs {domain.Name} in {(op == "request" ? "redemptionPeriod" : "pendingRestore")}; its RGP status is {domain.RgpStatus ?? "none"}.");
        if (op == "request") DomainRules.CanPay(context, accounts, "a restore");

        if (op == "request" && settings.RestoreReportRequired)
        {
            domain.Phase = DomainPhase.PendingRestore;
            domain.RestoreRequestedAt = context.Now;
        }
        else
        {
            Restore(context, domain);
        }
        domain.UpdaterId = context.ClientId;
        domain.UpdatedAt = context.Now;
        return EppResponse.Ok() with { Extensions = DomainRules.RgpData(context, "upData", domain.RgpStatus) is { } upData ? [upData] : [] };
    }

    /// <summary>RFC 3915 section 4.2.5: a restore rides on an update with at least one empty add, rem or chg, "to disallow the
    /// possibility of modifying a domain object as part of redemption grace period recovery processing". One that carries a
    /// change, or no empty element, is an improperly formed restore: 2001, as the schema's faults are, not a restore done
    /// without the change.</summary>
    private static void RequireNothingElse(CommandContext context)
    {
        var parts = new[] { "add", "rem", "chg" }.Select(context.Element).OfType<XElement>().ToList();
        var change = parts.FirstOrDefault(p => p.HasElements || p.Value.Trim().Length > 0)
            ?? context.Extension!.Elements().FirstOrDefault(e => e.Name != context.Profile.Rgp + "update");
        if (change is not null)
            throw new EppCommandException(ResultCode.SyntaxError,
                $"a restore changes nothing else: <{change.Name.LocalName}> of {change.Name.NamespaceName} is not allowed with it (RFC 3915 section 4.2.5).", change);
        if (parts.Count == 0)
            throw new EppCommandException(ResultCode.SyntaxError, "a restore carries an empty <add>, <rem> or <chg> (RFC 3915 section 4.2.5).");
    }

    // A restored name that had expired is renewed past now, as registries charge restore with a renewal.
    private static void Restore(CommandContext context, Domain domain)
    {
        domain.Phase = DomainPhase.Active;
        domain.DeletionStartedAt = null;
        domain.RestoreRequestedAt = null;
        while (domain.ExpiresAt <= context.Now) domain.ExpiresAt = domain.ExpiresAt.AddYears(1);
        // RFC 5731 section 3.3: the delete this client was answered 1001 for will now never happen.
        if (domain.DeleteTransaction is { } delete)
            context.Store.Enqueue(domain.SponsorId, context.Now, $"The deletion of {domain.Name} was cancelled by its restore.",
                new PendingActionNotice(domain.Name, false, delete, context.Now));
        domain.DeleteTransaction = null;
    }
}
