using Registrar.RegistrySimulator.Registry;

namespace Registrar.RegistrySimulator.Commands.Domains;

/// <summary>RFC 5731 section 3.2.2 with RFC 3915: where the zone has a redemption period the name
/// enters it (1001, pending); otherwise it is purged at once (1000).</summary>
public sealed class DomainDeleteHandler : ICommandHandler
{
    public string Name => "domain:delete";

    public EppResponse Handle(CommandContext context)
    {
        var domain = DomainRules.Existing(context, ObjectNames.Domain(context.RequiredElement("name")));
        DomainRules.SponsoredByCaller(context, domain);
        DomainRules.NotProhibited(domain, "deletion", "clientDeleteProhibited", "serverDeleteProhibited", "pendingDelete", "pendingTransfer");
        // RFC 5731 section 3.2.2: a domain with subordinate hosts is not deleted until they are deleted or renamed out of it.
        var subordinateHosts = context.Store.Hosts.Values
            .Where(h => h.Name.EndsWith("." + domain.Name, StringComparison.OrdinalIgnoreCase))
            .Select(h => h.Name).ToList();
        if (subordinateHosts.Count > 0)
            throw new EppCommandException(ResultCode.AssociationProhibits,
                $"{domain.Name} has subordinate hosts {string.Join(", ", subordinateHosts)}: delete or rename them first.");

        context.Store.Lifecycle.BeginDeletion(domain, context.Now);
        if (!context.Store.Domains.ContainsKey(domain.Name)) return EppResponse.Ok();

        // RFC 5731 section 3.3: the purge (or a restore) is told later by a panData naming this transaction.
        domain.DeleteTransaction = context.Transaction;
        return EppResponse.Pending();
    }
}
