using Registrar.Core.Calendars;
using Registrar.Core.Zones;

namespace Registrar.Core.Contracts;

/// <summary>
/// The contract rules of a zone, built from its policy (zones.json: the termination figures), its country's business
/// calendar and its offer's other terms (<see cref="ContractTermsCatalog"/>). A rule the zone's offer does not have is null.
/// </summary>
/// <exception cref="UnknownZoneException">Each method: this registrar does not serve the zone.</exception>
public sealed class ContractRules(ZoneCatalog zones, BusinessCalendars calendars, ContractTermsCatalog offers)
{
    public BusinessCalendar CalendarOf(string zone) => calendars.For(zones.For(zone).CalendarCountry);

    /// <summary>UA-5.1, UA-5.2.</summary>
    public ClaimRule? Claims(string zone) =>
        offers.For(zone).Claims is { } terms ? new ClaimRule(terms, CalendarOf(zone)) : null;

    /// <summary>KZ-5.6, UA-7.2, UA-7.3.</summary>
    public ForceMajeureRule ForceMajeure(string zone) => new(offers.For(zone).ForceMajeure, CalendarOf(zone));

    /// <summary>UA-6.4.</summary>
    public ContractRenewal? AutoRenewal(string zone) =>
        offers.For(zone).AutoRenewal is { } terms ? new ContractRenewal(terms) : null;

    /// <summary>UA-6.1, with the zone's <see cref="TerminationTerms.RegistrantNoticeDays"/>.</summary>
    public RegistrantTermination? RegistrantTermination(string zone) =>
        zones.For(zone).Termination.RegistrantNoticeDays is { } days ? new RegistrantTermination(days) : null;

    /// <summary>UA-1.3.4.1, with the zone's <see cref="TerminationTerms.RegistrarNoticeDays"/>.</summary>
    public RegistrarTermination? RegistrarTermination(string zone) =>
        zones.For(zone).Termination.RegistrarNoticeDays is { } days ? new RegistrarTermination(days, CalendarOf(zone)) : null;

    /// <summary>UA-2.3.2.</summary>
    public BreachTermination? BreachTermination(string zone) =>
        offers.For(zone).BreachTerminationRule is { } rule ? new BreachTermination(rule) : null;

    /// <summary>KZ-App-4, with the zone's <see cref="TerminationTerms.BreachCureDays"/>.</summary>
    public BreachCure? BreachCure(string zone) =>
        zones.For(zone).Termination.BreachCureDays is { } days ? new BreachCure(days, CalendarOf(zone)) : null;

    /// <summary>UA-6.2, UA-6.3, where the zone's <see cref="TerminationTerms.RefundsWholeUnusedMonths"/>.</summary>
    public EarlyTerminationRefund? EarlyTerminationRefund(string zone) =>
        zones.For(zone).Termination.RefundsWholeUnusedMonths ? new EarlyTerminationRefund() : null;

    /// <summary>UA-1.5.5, UA-1.3.6.</summary>
    public RefundPolicy? Refunds(string zone) =>
        offers.For(zone).Refunds is { } terms ? new RefundPolicy(terms) : null;

    /// <summary>UA-1.3.6.</summary>
    public RegistryAgreementEnding? RegistryAgreementEnding(string zone) =>
        offers.For(zone).Refunds is { } terms ? new RegistryAgreementEnding(terms.RegistryEndingRule) : null;

    /// <summary>UA-Pre-6: the rule under which a written erasure request ends the zone's contracts; null where it does not.</summary>
    public string? ErasureRequestEnding(string zone) => offers.For(zone).ErasureRequestRule;

    /// <summary>UA-4.7: the rule under which a change of the contact e-mail waits for the registrar's consent; null where the
    /// customer's proved notice of it is enough (KZ-2.2, KZ-2.6).</summary>
    public string? ContactEmailConsent(string zone) => offers.For(zone).ContactEmailConsentRule;

    /// <summary>KZ-App-9, UA-3.5.</summary>
    public TransferEligibility Transfers(string zone) => new(offers.For(zone).Transfers);
}
