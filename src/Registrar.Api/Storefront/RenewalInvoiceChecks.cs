using Microsoft.AspNetCore.Http;
using Registrar.Api.Claims;
using Registrar.Api.Http;
using Registrar.Core.Calendars;
using Registrar.Core.Deadlines;
using Registrar.Core.Registrations;
using Registrar.Core.Zones;

namespace Registrar.Api.Storefront;

/// <summary>
/// KZ-2.7: what refuses a renewal invoice request at once, read from the registration's view and the zone's schedule, each
/// a problem naming its rule. The registration judges the request again when it carries it out (a view recorded before it
/// showed the contract's end does not show it), so these checks answer early and decide nothing alone.
/// </summary>
public sealed class RenewalInvoiceChecks(IRegistrationSchedule schedule, ZoneCatalog zones, BusinessCalendars calendars)
{
    /// <summary>A renewal is invoiced only for a domain held here at the registry whose term is not paid yet.</summary>
    public IResult? NotHeld(RegistrationView view) => view.Phase switch
    {
        RegistrationPhase.Registered or RegistrationPhase.Expired => null,
        // UA-1.7: the term is paid and its renewal on its way: nothing is left to invoice.
        RegistrationPhase.Renewing or RegistrationPhase.Restoring => RuleProblems.NotAllowed("UA-1.7",
            $"The renewal of {view.DisplayName} is paid and on its way to the registry: there is nothing left to invoice."),
        // KZ-2.8, UA-1.12: a deleted domain is free for anyone; it is ordered again, not renewed.
        RegistrationPhase.Deleting or RegistrationPhase.Deleted => RuleProblems.NotAllowed(zones.For(view.Zone).Deletion.Rule,
            $"{view.DisplayName} is {view.Phase}: a deleted domain is not renewed."),
        _ => RuleProblems.NotAllowed(zones.For(view.Zone).RenewalDeadline.Rule,
            $"Registration '{view.RegistrationId}' is {view.Phase}: a renewal is invoiced only for a domain held here at the registry."),
    };

    /// <summary>UA-1.3.4.1, UA-6.1, UA-6.4, KZ-App-4: a contract ending on a notice or a decision is renewed no more, so no
    /// renewal is invoiced, and an invoice issued before the notice is not offered for payment.</summary>
    public static IResult? ContractEnding(RegistrationView view) => view.ContractEnd is { } end
        ? RuleProblems.NotAllowed(end.Rule, $"The contract for {view.DisplayName} ends at {LocalTimes.Deadline(end.EndsAt)} ({end.Rule}): no renewal is invoiced.")
        : null;

    /// <summary>KZ-2.7: past the renewal deadline (UA-1.12: for .ua, past deletion) no renewal can be paid, so none is invoiced.
    /// A deadline counted in a calendar year not loaded yet is never guessed: the request is answered as unavailable.</summary>
    public IResult? PastDeadline(RegistrationView view, DateTimeOffset now)
    {
        try
        {
            // A held domain always has its expiry; without one the registration judges the request itself.
            if (view.ExpiresAt is not { } expiry) return null;
            // KZ-2.7: an invoice asked for years ahead lapses (KZ-3.3) before anything of a deadline whose year is not loaded yet.
            if (schedule.RenewalTimelineWaitsUntil(view.Zone, expiry) is { } waits)
                return schedule.InvoiceDueAt(view.Zone, now) < waits ? null : CalendarMissing(view);
            var timeline = schedule.RenewalTimeline(view.Zone, expiry);
            if (timeline.PayableUntil(now) is not null) return null;
            var policy = zones.For(view.Zone);
            return timeline.RenewableUntilDeletion
                ? RuleProblems.NotAllowed(policy.Deletion.Rule, $"The renewal of {view.DisplayName} could be paid until its deletion at {LocalTimes.Deadline(timeline.DeleteAt)}.")
                : RuleProblems.NotAllowed(policy.RenewalDeadline.Rule, $"The renewal of {view.DisplayName} had to be paid by {LocalTimes.Deadline(timeline.PayBy)}.");
        }
        catch (DateOutsideCalendarException)
        {
            return CalendarMissing(view);
        }
    }

    /// <summary>RFC 5731 section 3.2.3: a renewal that would take the expiry past the registry's maximum registration period
    /// (the zone's term maximum) is refused before money is asked, as the registry would refuse it (2306) once paid.</summary>
    public IResult? PastRegistryMaximum(RegistrationView view, DateTimeOffset now)
    {
        if (view.ExpiresAt is not { } expiry) return null;
        var policy = zones.For(view.Zone);
        if (policy.Term.RenewalFits(expiry, RegistrationTerm.RenewalYears, now)) return null;
        // In the registrar's time, as the mails state the expiry.
        var timeZone = calendars.For(policy.CalendarCountry).TimeZone;
        return RuleProblems.NotAllowed(RegistrationTerm.RegistryMaximumRule,
            $"{view.DisplayName} is paid until {LocalTimes.Deadline(expiry, timeZone)}: another year would pass the registry's maximum registration "
            + $"period of {policy.Term.MaxYears} years, which reaches {LocalTimes.Deadline(policy.Term.LatestExpiry(now), timeZone)} now. Ask again once the expiry is nearer.");
    }

    private static IResult CalendarMissing(RegistrationView view) => Problems.CalendarMissing(
        $"The renewal deadline of {view.DisplayName} falls in a calendar year not loaded yet, and is never guessed (KZ-2.7); ask again later.");
}
