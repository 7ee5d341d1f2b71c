using Registrar.RegistrySimulator.Registry;

namespace Registrar.RegistrySimulator.Commands.Domains;

/// <summary>RFC 5731 section 3.2.2 with RFC 3915: where the zone has a redemption period the name
/// enters it (1001, pending); otherwise it is purged at once (1000).</summary>
public sealed class DomainDeleteHandler : ICommandHandler
{
    public string Name => "domain:delete";

    public EppResponse Handle(CommandContext context)
    {
        var domain = DomainRules.Existing(context, ObjectNames.Domain(context.Required("name")));
        DomainRules.SponsoredByCaller(context, domain);
        DomainRules.NotProhibited(domain, "deletion", "clientDeleteProhibited", "serverDeleteProhibited", "pendingDelete", "pendingTransfer");
        var linkedHosts = context.Store.Hosts.Values
            .Where(h => h.Name.EndsWith("." + domain.Name, StringComparison.OrdinalIgnoreCase))
            .Where(h => context.Store.DomainsUsingHost(h.Name).Any(d => d != domain))
            .Select(h => h.Name).ToList();
        if (linkedHosts.Count > 0)
            throw new EppCommandException(ResultCode.AssociationProhibits, $"other domains use its hosts {string.Join(", ", linkedHosts)}.");

        context.Store.Lifecycle.BeginDeletion(domain, context.Now);
        if (!context.Store.Domains.ContainsKey(domain.Name)) return EppResponse.Ok();

        // RFC 5731 section 3.3: the purge (or a restore) is told later by a panData naming this transaction.
        domain.DeleteTransaction = context.Transaction;
        return EppResponse.Pending();
    }
}
