namespace Registrar.Core.Contracts;

/// <summary>Why money for a domain would be paid back.</summary>
public enum RefundGround
{
    /// <summary>UA-6.2, UA-6.3: the registrar ended its service early.</summary>
    EarlyTerminationByRegistrar,

    /// <summary>UA-1.3.6: the registry ended its agreement with the registrar.</summary>
    RegistryEndedAgreement,

    /// <summary>UA-1.5.5: a Ukrainian court decided it.</summary>
    CourtDecision,

    /// <summary>The registrant asks for it on any other ground.</summary>
    RegistrantRequest,
}

/// <summary>What ended the contract for the domain, as a refund is judged by it.</summary>
public enum ContractEndedBy
{
    /// <summary>The contract runs, or ends on the registrant's notice or request.</summary>
    NotTheRegistrar,

    /// <summary>UA-1.3.4.1, UA-6.2: the registrar's own notice, with no reason given.</summary>
    RegistrarNotice,

    /// <summary>UA-1.3.6: the registry ended its agreement with the registrar.</summary>
    Registry,
}

public enum RefundRefusalReason
{
    /// <summary>UA-1.5.5: nothing is refunded for a registered domain without a court decision.</summary>
    NoCourtDecision,

    /// <summary>UA-6.2, UA-6.3: an early termination refund follows the registrar's notice ending the contract, and none was decided.</summary>
    RegistrarDidNotTerminate,

    /// <summary>UA-1.3.6: the registry does not refund the registrar, so the registrar refunds nothing.</summary>
    RegistryEndedAgreement,
}

/// <param name="DomainRegistered">The registry registered the domain (UA-1.6); money for a domain never registered is
/// not this policy's concern (KZ-2.1 refunds a name taken before registration).</param>
/// <param name="CourtDecisionReference">The court decision operations recorded: its court, number and date.</param>
/// <param name="EndedBy">What ended the contract for the domain, if anything did.</param>
public sealed record RefundRequest(RefundGround Ground, bool DomainRegistered, string? CourtDecisionReference = null,
    ContractEndedBy EndedBy = ContractEndedBy.NotTheRegistrar);

/// <summary>
/// UA-1.5.5: for a domain registered under the contract the registrar refunds nothing, under any condition, except on a
/// decision of a Ukrainian court, and except where the contract itself provides a refund (UA-6.2, UA-6.3: whole unused
/// months when the registrar ends its service early, so only once its notice ended the contract). UA-1.3.6: when the registry
/// ends its agreement, nothing is refunded, whatever ground the refund is asked on.
/// </summary>
public sealed class RefundPolicy(RefundTerms terms)
{
    /// <returns>Null when the refund may be made; otherwise why not, naming the rule.</returns>
    public RuleRefusal<RefundRefusalReason>? Refusal(RefundRequest request) => request switch
    {
        { DomainRegistered: false } => null,
        // A court's decision stands above the contract's clauses.
        { CourtDecisionReference: { } reference } when !string.IsNullOrWhiteSpace(reference) => null,
        { Ground: RefundGround.EarlyTerminationByRegistrar, EndedBy: ContractEndedBy.RegistrarNotice } => null,
        { Ground: RefundGround.RegistryEndedAgreement } or { EndedBy: ContractEndedBy.Registry } => new(RefundRefusalReason.RegistryEndedAgreement, terms.RegistryEndingRule,
            $"The registry ended its agreement with the registrar and refunds nothing for the domains, so nothing is refunded ({terms.RegistryEndingRule})."),
        { Ground: RefundGround.EarlyTerminationByRegistrar } => new(RefundRefusalReason.RegistrarDidNotTerminate, terms.CourtDecisionRule,
            "The registrar's notice has not ended this contract: an early termination refund (UA-6.2, UA-6.3) follows one, and nothing else "
            + $"is refunded for a registered domain without a court decision ({terms.CourtDecisionRule})."),
        _ => new(RefundRefusalReason.NoCourtDecision, terms.CourtDecisionRule,
            $"Money for a registered domain is refunded only on a court decision ({terms.CourtDecisionRule}); none is recorded."),
    };
}
