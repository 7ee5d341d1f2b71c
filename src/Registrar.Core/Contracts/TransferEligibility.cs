namespace Registrar.Core.Contracts;

public enum TransferRefusalReason
{
    /// <summary>The registry banned transfer (or, KZ-App-9, deletion or renewal): a server…Prohibited status.</summary>
    RegistryBan,

    /// <summary>An authority ordered the ban; the registrar set the client…Prohibited status for it.</summary>
    AuthorityBan,

    /// <summary>UA-3.5: the customer has not paid for a service already rendered (a renewal after expiry, UA-1.11).</summary>
    UnpaidInvoices,

    /// <summary>KZ-App-9: another agreement between the customer and the registrar forbids the transfer.</summary>
    AgreementForbidsTransfer,

    /// <summary>UA-3.5: not every service of the current registrar is paid in full.</summary>
    ServicesNotPaidInFull,
}

/// <summary>What the registrar knows about a domain and its customer when a transfer code is asked for.</summary>
/// <param name="RegistryStatuses">The domain's EPP statuses at the registry (RFC 5731), as last read.</param>
/// <param name="StatusesSetForAuthority">The client…Prohibited statuses the registrar set on an authority's order,
/// as opposed to a lock the registrant asked for, which the registrar lifts on request.</param>
/// <param name="UnpaidInvoices">The customer's open invoices for services already rendered: a renewal after expiry, which renews
/// from the previous expiry (UA-1.7, UA-1.11), so pays for time that has passed. Every other invoice is a 100 % prepayment for
/// a service not yet rendered (KZ-3.2, UA-1.5.3: a renewal before expiry, a registrant change, an order) that lapses unpaid
/// with no consequence (KZ-3.3): it is owed nothing and is not counted.</param>
/// <param name="ForbiddingAgreement">Another agreement with the customer that forbids the transfer (its title, number and
/// date, as operations recorded it); null when none does.</param>
/// <param name="AllServicesPaidInFull">Every service the registrar rendered the customer is paid for in full.</param>
public sealed record TransferSituation(
    IReadOnlyCollection<string> RegistryStatuses,
    IReadOnlyCollection<string> StatusesSetForAuthority,
    int UnpaidInvoices,
    string? ForbiddingAgreement,
    bool AllServicesPaidInFull);

/// <summary>
/// KZ-App-9: a transfer code is refused while KazNIC or another authority has banned the domain's transfer, deletion or
/// renewal, while the customer's credit limit is unpaid (this registrar extends no credit, so never), or while another
/// agreement forbids the transfer. UA-3.5: a domain moves to another registrar only when every service of the current one
/// is paid in full; a prepayment for a service not yet rendered is not one owed.
/// Every refusal names its reason and rule; the figures and clauses are the zone's offer's (<see cref="TransferTerms"/>).
/// </summary>
public sealed class TransferEligibility(TransferTerms terms)
{
    private static readonly string[] TransferBans = ["serverTransferProhibited"];
    private static readonly string[] RenewAndDeleteBans = ["serverRenewProhibited", "serverDeleteProhibited"];
    private static readonly string[] AuthorityTransferBans = ["clientTransferProhibited"];
    private static readonly string[] AuthorityRenewAndDeleteBans = ["clientRenewProhibited", "clientDeleteProhibited"];

    /// <summary>Every reason the code may not be issued, nor the domain transfer away; empty when it may.</summary>
    public IReadOnlyList<RuleRefusal<TransferRefusalReason>> Refusals(TransferSituation situation)
    {
        var refusals = new List<RuleRefusal<TransferRefusalReason>>();
        var registryBans = situation.RegistryStatuses.Intersect(Bans(TransferBans, RenewAndDeleteBans), StringComparer.Ordinal).ToList();
        if (registryBans.Count > 0)
            refusals.Add(new(TransferRefusalReason.RegistryBan, terms.RegistryBanRule,
                $"The registry has banned this domain ({string.Join(", ", registryBans)}): it cannot transfer ({terms.RegistryBanRule})."));
        var authorityBans = situation.StatusesSetForAuthority.Intersect(Bans(AuthorityTransferBans, AuthorityRenewAndDeleteBans), StringComparer.Ordinal).ToList();
        if (authorityBans.Count > 0)
            refusals.Add(new(TransferRefusalReason.AuthorityBan, terms.AuthorityBanRule,
                $"An authority ordered a ban on this domain ({string.Join(", ", authorityBans)}): it cannot transfer ({terms.AuthorityBanRule})."));
        if (terms.UnpaidRule is { } unpaidRule && situation.UnpaidInvoices > 0)
            refusals.Add(new(TransferRefusalReason.UnpaidInvoices, unpaidRule,
                $"The customer has {situation.UnpaidInvoices} unpaid invoice(s) for services already rendered; they are paid before a transfer ({unpaidRule})."));
        if (terms.AgreementRule is { } agreementRule && situation.ForbiddingAgreement is { } agreement)
            refusals.Add(new(TransferRefusalReason.AgreementForbidsTransfer, agreementRule,
                $"Another agreement with the customer forbids transferring this domain: {agreement} ({agreementRule})."));
        // UA-3.5: an unpaid invoice for a service rendered is what leaves a service not paid in full: one cause, told once.
        if (terms.PaidInFullRule is { } paidInFullRule && !situation.AllServicesPaidInFull
            && !refusals.Any(r => r.Reason == TransferRefusalReason.UnpaidInvoices))
            refusals.Add(new(TransferRefusalReason.ServicesNotPaidInFull, paidInFullRule,
                $"A domain moves to another registrar only when every service of this one is paid in full ({paidInFullRule})."));
        return refusals;
    }

    public bool MayTransfer(TransferSituation situation) => Refusals(situation).Count == 0;

    private IEnumerable<string> Bans(string[] transfer, string[] renewAndDelete) =>
        terms.RenewAndDeleteBansBlock ? transfer.Concat(renewAndDelete) : transfer;
}
