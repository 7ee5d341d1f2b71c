using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Registrar.Api.Claims;
using Registrar.Api.Http;
using Registrar.Core.Calendars;
using Registrar.Core.Contracts;
using Registrar.Core.Deadlines;
using Registrar.Core.Registrations;
using Registrar.Core.Requests;
using Registrar.Core.Zones;

namespace Registrar.Api.Storefront;

/// <summary>
/// The registrant's notice ending the contract, fixed when it is given. With a date: UA-6.1, the contract ends then; a date
/// sooner than the zone's notice days after the notice is refused, naming the earliest. Without one: UA-6.4, the notice stops the contract
/// from renewing at the end of the term paid now (the years a term of several years paid ahead are not cut short, UA-1.5.5), which it
/// does only when given at least 15 calendar days before that end; a later notice is refused,
/// naming the last day it could have come, since the term then renews and only a dated notice ends it sooner.
/// Either way the notice stops every renewal, so the contract ends within the term paid now, by the last day the registry's
/// expiry holds: an end past it is refused naming that day, as the lifecycle would not reach it (it never ends a contract
/// sooner than the registrant asked, <c>NoticeReach</c>).
/// </summary>
public sealed class TerminationNotices(ContractRules rules)
{
    public (CustomerRequest? Request, ProblemHttpResult? Problem) Read(DateOnly? endsOn, RegistrationView registration, DateTimeOffset now)
    {
        if (rules.RegistrantTermination(registration.Zone) is not { } termination || rules.AutoRenewal(registration.Zone) is not { } renewal)
            return (null, RuleProblems.NotAllowed(RegistrantTermination.Rule,
                $"The offer for .{registration.Zone} has no clause for ending the contract by notice; early deletion ends a registration at once."));
        // A registration not yet, or no longer, at the registry has no term to end.
        if (registration.ExpiresAt is not { } expiresAt)
            return (null, Problems.Conflict($"Registration '{registration.RegistrationId}' is {registration.Phase}: requests apply to a domain held at the registry."));
        var calendar = rules.CalendarOf(registration.Zone);
        var today = calendar.LocalDate(now);
        // The last day the term holds: an expiry at local midnight ends the day before, as the renewal deadline counts it (KZ-2.7).
        var termEnds = RenewalDeadline.LastDayHeld(expiresAt, calendar);
        if (endsOn is { } asked)
        {
            if (!termination.GivesNoticeFor(today, asked)) return (null, TooSoon(termination, termEnds, today, asked));
            if (asked > termEnds) return (null, PastTheTerm(termination, termEnds, today, asked));
            // UA-6.4: the term paid ends at the registry's expiry; on the day it falls the contract ends with it, not at midnight
            // after it, hours the registrant did not pay for and the registry no longer serves.
            var endOfDay = LocalDays.EndOf(asked, calendar);
            return (new TerminationRequest(endOfDay < expiresAt ? endOfDay : expiresAt, RegistrantTermination.Rule, expiresAt), null);
        }

        // A term runs a year from payment (UA-6.4) and the registry's expiry is its end: the terms are counted back from that
        // end, since one counted forward from an earlier anniversary of a 29 February expiry ends on 28 February. The years paid
        // ahead are never cut short: the notice stops the renewal at the end of the term paid now.
        var outcome = renewal.NoticeBeforeTermEnds(termEnds, NoticeDay(renewal, termEnds, expiresAt, now, calendar));
        if (!outcome.StopsRenewalOfCurrentPeriod)
        {
            var earliest = termination.EarliestEndAfter(today);
            // A dated notice is the way left only while its soonest end still falls within the term paid now.
            var instead = earliest > termEnds
                ? "no day within the term paid now is far enough ahead for a dated notice either (UA-6.1): unless it is renewed, the "
                    + "contract is not continued past this term (UA-1.10), and an early deletion ends it at once"
                : $"give the date the contract is to end instead, at least {earliest.DayNumber - today.DayNumber} days ahead ({RegistrantTermination.Rule})";
            return (null, RuleProblems.Refused("endsOn", outcome.Rule,
                $"Notice stopping this term's renewal had to be given by {outcome.LastNoticeDay:yyyy-MM-dd} ({outcome.Rule}); {instead}."));
        }
        // UA-6.4: the contract runs a year from the moment the payment arrived, so a term ends at the clock time it began, which
        // the registry's expiry keeps: ending at the midnight before it would take hours of a paid term from the registrant.
        var daysFromExpiry = outcome.ContractEndsOn.DayNumber - termEnds.DayNumber;
        // A term that already ended (the domain expired unpaid) was not paid for: the notice would end the next one.
        if (daysFromExpiry > 0) return (null, PastTheTerm(termination, termEnds, today, outcome.ContractEndsOn));
        return (new TerminationRequest(LocalDays.SameTimeDaysAfter(expiresAt, daysFromExpiry, calendar.TimeZone), outcome.Rule, expiresAt), null);
    }

    /// <summary>UA-6.1, UA-6.4: why a notice read when it was asked no longer holds now (it is given when proved, perhaps days
    /// later): the refusal a request for the same end would get now, or a changed end; null when it still ends as it did.</summary>
    public string? NoLongerInTime(TerminationRequest notice, RegistrationView registration, DateTimeOffset now)
    {
        var calendar = rules.CalendarOf(registration.Zone);
        // A dated notice ends at the end of the day asked (or at the expiry on the day it falls): one tick before is on that day.
        DateOnly? endsOn = notice.Rule == RegistrantTermination.Rule ? calendar.LocalDate(notice.EndsAt.AddTicks(-1)) : null;
        var (again, problem) = Read(endsOn, registration, now);
        if (problem is not null)
            return problem.ProblemDetails is HttpValidationProblemDetails invalid
                ? string.Join(" ", invalid.Errors.SelectMany(e => e.Value))
                : problem.ProblemDetails.Detail;
        return again is TerminationRequest same && same.EndsAt == notice.EndsAt
            ? null
            : $"the contract would now end at {(again is TerminationRequest other ? LocalTimes.Deadline(other.EndsAt) : null)}, not as asked.";
    }

    /// <summary>UA-6.1: the notice's days run before the contract ends, so an earlier date, in the past or not, is refused naming the
    /// earliest one rather than moved to it: the registrant decides the date, and the answer shows no other.</summary>
    private static ProblemHttpResult TooSoon(RegistrantTermination termination, DateOnly termEnds, DateOnly today, DateOnly asked)
    {
        var earliest = termination.EarliestEndAfter(today);
        return earliest > termEnds
            ? PastTheTerm(termination, termEnds, today, earliest)
            : RuleProblems.Refused("endsOn", RegistrantTermination.Rule,
                $"A notice given on {today:yyyy-MM-dd} ends the contract {earliest.DayNumber - today.DayNumber} days later at the soonest (UA-6.1), "
                + $"not on {asked:yyyy-MM-dd}: name a day from {earliest:yyyy-MM-dd} to {termEnds:yyyy-MM-dd}.");
    }

    /// <summary>UA-6.1, UA-6.4: an end the term paid now does not reach, with the latest date a notice may name now; when even
    /// the soonest end a notice given today has (UA-6.1's notice days) falls past the term, no date is possible.</summary>
    private static ProblemHttpResult PastTheTerm(RegistrantTermination termination, DateOnly termEnds, DateOnly today, DateOnly ends)
    {
        var earliest = termination.EarliestEndAfter(today);
        var advice = earliest > termEnds
            ? $"A notice given today ends it on {earliest:yyyy-MM-dd} at the soonest (UA-6.1): unless it is renewed, "
                + "the contract is not continued past this term (UA-1.10), and an early deletion ends it at once."
            : $"Name {termEnds:yyyy-MM-dd} at the latest.";
        return RuleProblems.Refused("endsOn", RegistrantTermination.Rule,
            $"The contract would end on {ends:yyyy-MM-dd}, past {termEnds:yyyy-MM-dd}, the last day of the term paid now: the notice stops it "
            + $"renewing (UA-6.4), so the contract never reaches a later date (UA-6.1). {advice}");
    }

    /// <summary>UA-6.4: a term ends at the clock time of the registry's expiry, so a notice given on a term's last day before
    /// that hour falls in the term it would end, as one given the day before does, not in the next.</summary>
    private static DateOnly NoticeDay(ContractRenewal renewal, DateOnly termEnds, DateTimeOffset expiry, DateTimeOffset now, BusinessCalendar calendar)
    {
        var today = calendar.LocalDate(now);
        var endsToday = renewal.PeriodOn(termEnds, today).StartsOn == today
            && now < LocalDays.SameTimeDaysAfter(expiry, today.DayNumber - termEnds.DayNumber, calendar.TimeZone);
        return endsToday ? today.AddDays(-1) : today;
    }
}
