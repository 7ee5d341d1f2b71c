namespace Registrar.Core.Contracts;

// The terms of the two offers that zones.json does not carry yet, as data. Each names the rule ids it
// implements; the figures are the offers' own (none is a default chosen here).

/// <summary>
/// UA-5.1: a claim is accepted in writing within <paramref name="FileWithin"/> of the disputed event and answered within
/// <paramref name="AnswerWithin"/>. UA-5.2: it is considered only with documents proving payment.
/// </summary>
public sealed record ClaimTerms(DayCount FileWithin, DayCount AnswerWithin, string FilingRule, string ProofRule, string AnswerRule);

/// <summary>
/// KZ-5.6 / UA-7.2: a party invoking force majeure notifies the other within <paramref name="NotifyWithin"/> of its start.
/// UA-7.3: and proves it within <paramref name="ProveWithin"/>; null where the offer sets no proof deadline.
/// </summary>
public sealed record ForceMajeureTerms(DayCount NotifyWithin, string NotifyRule, DayCount? ProveWithin, string? ProveRule);

/// <summary>
/// UA-6.4: the contract runs <paramref name="PeriodYears"/> from payment and renews itself for as long again unless
/// either side gives written notice at least <paramref name="NoticeCalendarDays"/> calendar days before its end.
/// </summary>
public sealed record AutoRenewalTerms(int PeriodYears, int NoticeCalendarDays, string Rule);

/// <summary>
/// KZ-App-9 / UA-3.5: what stops a transfer code being issued or a domain moving to another registrar.
/// </summary>
/// <param name="RegistryBanRule">The rule under which the registry's own ban (a server…Prohibited status) refuses the transfer:
/// KZ-App-9 names it; the .ua offer does not, so there it is the registry's protocol (RFC 5731 section 2.3).</param>
/// <param name="AuthorityBanRule">The rule under which an authority's ban the registrar carries out refuses the transfer.</param>
/// <param name="RenewAndDeleteBansBlock">KZ-App-9: a ban on deletion or renewal refuses the transfer too, not only a ban on transfer.</param>
/// <param name="UnpaidRule">UA-3.5: the rule under which an unpaid invoice for a service already rendered refuses it; null where
/// none does (KZ-App-9 refuses for an unpaid credit limit, and this registrar extends no credit: every invoice is a prepayment, KZ-3.2).</param>
/// <param name="AgreementRule">KZ-App-9: another agreement between the parties that forbids the transfer; null where the offer has no such clause.</param>
/// <param name="PaidInFullRule">UA-3.5: every service of the current registrar is paid in full; null where the offer does not ask it.</param>
public sealed record TransferTerms(string RegistryBanRule, string AuthorityBanRule, bool RenewAndDeleteBansBlock, string? UnpaidRule, string? AgreementRule, string? PaidInFullRule);

/// <summary>
/// UA-1.5.5: no refund for a registered domain except on a court decision. UA-1.3.6: when the registry ends its
/// agreement with the registrar, nothing is refunded.
/// </summary>
public sealed record RefundTerms(string CourtDecisionRule, string RegistryEndingRule);

/// <summary>
/// KZ-App-2 / UA-2.2.3: the clause under which a decision taken under a dispute policy blocks, deletes or re-delegates a domain,
/// and the zones it binds: the .kz regulation binds every name of its zones to KazNIC's policy; UA-2.2.3 binds the registrant of a
/// private second-level .UA name only, so a name in .com.ua, .kiev.ua or .kyiv.ua is under no dispute clause of the offer.
/// </summary>
/// <param name="Zones">The zones the clause binds; null for every zone sold under the offer.</param>
/// <param name="Scope">Which names the clause binds, as the offer says it.</param>
public sealed record DisputeTerms(string Rule, IReadOnlySet<string>? Zones, string Scope)
{
    public bool Binds(string zone) => Zones is null || Zones.Contains(zone);
}

/// <summary>The terms of one offer that are not zone settings.</summary>
/// <param name="Offer">Which offer: its file in shared/seeds.</param>
/// <param name="Claims">Null where the offer sets no written claim procedure (KZ-6.1: disputes are negotiated).</param>
/// <param name="AutoRenewal">Null where the contract does not renew itself by the year.</param>
/// <param name="BreachTerminationRule">UA-2.3.2: a termination for the registrant's breach takes effect when the notice is
/// sent; null where the offer has no such clause.</param>
/// <param name="Refunds">Null where the offer has no refund clauses of this kind.</param>
/// <param name="Disputes">KZ-App-2 / UA-2.2.3: the clause under which a dispute decision blocks, deletes or re-delegates a domain.</param>
/// <param name="SuspensionRule">UA-2.3.1: the clause listing the grounds for suspending service; null where the offer has none.</param>
/// <param name="ErasureRequestRule">UA-Pre-6: a written request to erase the registrant's personal data ends the contract from
/// the date of the registrar's reply; null where the offer does not make such a request end it.</param>
/// <param name="ContactEmailConsentRule">UA-4.7: the contact e-mail changes only with the registrar's consent; null where the
/// customer's notice of the change is enough (KZ-2.2, KZ-2.6: the customer tells the registrar of a new address).</param>
public sealed record ContractTerms(
    string Offer,
    ClaimTerms? Claims,
    ForceMajeureTerms ForceMajeure,
    AutoRenewalTerms? AutoRenewal,
    TransferTerms Transfers,
    string? BreachTerminationRule,
    RefundTerms? Refunds,
    DisputeTerms Disputes,
    string? SuspensionRule,
    string? ErasureRequestRule,
    string? ContactEmailConsentRule);
