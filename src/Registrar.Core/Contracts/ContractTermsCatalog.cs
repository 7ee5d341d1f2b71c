using System.Collections.Frozen;
using Registrar.Core.Zones;

namespace Registrar.Core.Contracts;

/// <summary>
/// The offer each zone is sold under. Each registrar sells under its own country's offer, and a zone's calendar country
/// is that registrar's country, so a zone added to zones.json gets its offer's terms without a change here.
/// </summary>
public sealed class ContractTermsCatalog(ZoneCatalog zones)
{
    /// <summary>The Kazakh registrar's offer (000_405c32fc95690920.txt) for .kz and .қаз.</summary>
    public static readonly ContractTerms Kazakhstan = new(
        Offer: "000_405c32fc95690920",
        Claims: null,
        ForceMajeure: new ForceMajeureTerms(DayCount.Calendar(14), "KZ-5.6", ProveWithin: null, ProveRule: null),
        AutoRenewal: null,
        // KZ-App-9's unpaid credit limit: this registrar extends no credit (KZ-3.2: 100 % prepayment), so no invoice stands for it.
        Transfers: new TransferTerms("KZ-App-9", "KZ-App-9", RenewAndDeleteBansBlock: true, UnpaidRule: null, AgreementRule: "KZ-App-9", PaidInFullRule: null),
        BreachTerminationRule: null,
        Refunds: null,
        // KZ-App-2: the Regulation binds the customer to KazNIC's domain dispute policy.
        Disputes: new DisputeTerms("KZ-App-2", Zones: null, "every name in .kz and .қаз"),
        SuspensionRule: null,
        ErasureRequestRule: null,
        ContactEmailConsentRule: null);

    /// <summary>The Ukrainian registrar's offer (003_bcd5c043e548e63f.txt) for .ua, .com.ua, .kiev.ua and .kyiv.ua.</summary>
    public static readonly ContractTerms Ukraine = new(
        Offer: "003_bcd5c043e548e63f",
        Claims: new ClaimTerms(DayCount.Calendar(3), DayCount.Business(14), FilingRule: "UA-5.1", ProofRule: "UA-5.2", AnswerRule: "UA-5.1"),
        ForceMajeure: new ForceMajeureTerms(DayCount.Business(3), "UA-7.2", DayCount.Calendar(30), "UA-7.3"),
        AutoRenewal: new AutoRenewalTerms(PeriodYears: 1, NoticeCalendarDays: 15, "UA-6.4"),
        // The offer names no registry ban (only the registry's protocol refuses the transfer then), an authority's ban is a dispute
        // decision's (UA-2.2.3), and the offer has no clause on other agreements.
        Transfers: new TransferTerms("RFC 5731 section 2.3", "UA-2.2.3", RenewAndDeleteBansBlock: false, UnpaidRule: "UA-3.5", AgreementRule: null, PaidInFullRule: "UA-3.5"),
        BreachTerminationRule: "UA-2.3.2",
        Refunds: new RefundTerms(CourtDecisionRule: "UA-1.5.5", RegistryEndingRule: "UA-1.3.6"),
        Disputes: new DisputeTerms("UA-2.2.3", Zones: new[] { "ua" }.ToFrozenSet(), "private second-level names in .UA"),
        SuspensionRule: "UA-2.3.1",
        ErasureRequestRule: "UA-Pre-6",
        ContactEmailConsentRule: "UA-4.7");

    private static readonly FrozenDictionary<string, ContractTerms> ByCountry = new Dictionary<string, ContractTerms>
    {
        ["KZ"] = Kazakhstan,
        ["UA"] = Ukraine,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="label"/> names one of the offers, by its id.</summary>
    public static bool IsOffer(string label) => ByCountry.Values.Any(terms => terms.Offer == label);

    /// <exception cref="UnknownZoneException">This registrar does not serve the zone.</exception>
    /// <exception cref="InvalidOperationException">No offer is known for the zone's country.</exception>
    public ContractTerms For(string zone)
    {
        var country = zones.For(zone).CalendarCountry;
        return ByCountry.TryGetValue(country, out var terms)
            ? terms
            : throw new InvalidOperationException($"No offer's terms are known for zone '{zone}' (country {country}); add them to ContractTermsCatalog.");
    }
}
