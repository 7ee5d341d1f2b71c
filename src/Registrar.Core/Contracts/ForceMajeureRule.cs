using Registrar.Core.Calendars;

namespace Registrar.Core.Contracts;

/// <summary>Which side of the contract invokes force majeure.</summary>
public enum ContractParty
{
    Registrar,
    Registrant,
}

/// <summary>Where the proof of a force majeure stands (UA-7.3).</summary>
public enum ForceMajeureProof
{
    /// <summary>The offer sets no proof deadline (KZ-5.6 asks only for the notice).</summary>
    NotRequired,

    /// <summary>Not proved yet, and the deadline has not passed.</summary>
    Awaited,

    InTime,
    Late,

    /// <summary>Not proved, and the deadline has passed.</summary>
    Missing,
}

/// <summary>
/// The deadlines of one force majeure, from the day it started. KZ-5.6: late notice forfeits the release from
/// liability the circumstances would give. UA-7.3: the burden of proof lies on the party invoking it.
/// </summary>
/// <param name="NotifyBy">The last day the other party may be notified.</param>
/// <param name="ProveBy">The last day for documentary proof; null where the offer sets none.</param>
public sealed record ForceMajeureDeadlines(DateOnly StartedOn, DateOnly NotifyBy, string NotifyRule, DateOnly? ProveBy, string? ProveRule)
{
    public bool NotifiedInTime(DateOnly notifiedOn) => notifiedOn <= NotifyBy;

    /// <param name="provedOn">When the proof was given; null while it has not been.</param>
    /// <param name="today">The registrar's local date now.</param>
    public ForceMajeureProof Proof(DateOnly? provedOn, DateOnly today) => (ProveBy, provedOn) switch
    {
        (null, _) => ForceMajeureProof.NotRequired,
        ({ } proveBy, { } proved) => proved <= proveBy ? ForceMajeureProof.InTime : ForceMajeureProof.Late,
        ({ } proveBy, null) => today > proveBy ? ForceMajeureProof.Missing : ForceMajeureProof.Awaited,
    };
}

/// <summary>
/// KZ-5.6: a party invoking force majeure notifies the other no later than 14 days after it started.
/// UA-7.2: within the next 3 business days after it started; UA-7.3: and proves it with documents no later than
/// 30 calendar days after. The figures are the offer's (<see cref="ForceMajeureTerms"/>).
/// </summary>
public sealed class ForceMajeureRule(ForceMajeureTerms terms, BusinessCalendar calendar)
{
    /// <exception cref="DateOutsideCalendarException">A business-day deadline falls past the calendar data's years.</exception>
    public ForceMajeureDeadlines DeadlinesFor(DateOnly startedOn) => new(
        startedOn,
        terms.NotifyWithin.LastDayAfter(startedOn, calendar),
        terms.NotifyRule,
        terms.ProveWithin?.LastDayAfter(startedOn, calendar),
        terms.ProveRule);
}
