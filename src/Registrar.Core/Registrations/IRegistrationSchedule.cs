using Registrar.Core.Contracts;
using Registrar.Core.Zones;

namespace Registrar.Core.Registrations;

/// <summary>The zone- and calendar-dependent instants the registration decider needs, read from the zone's
/// current settings at each decision: a settings change applies to the next wake-up of every registration.</summary>
public interface IRegistrationSchedule
{
    /// <summary>KZ-2.1: the end of the last business day on which a registration paid at <paramref name="paidAt"/> must be done.</summary>
    DateTimeOffset RegistrationDueBy(string zone, DateTimeOffset paidAt);

    /// <summary>KZ-2.3: when a change proved at <paramref name="provedAt"/> must be carried out by the registrar; null
    /// where the zone lets the customer make it alone, applied at once.</summary>
    DateTimeOffset? ChangeRequestDueBy(string zone, DateTimeOffset provedAt);

    /// <summary>KZ-3.3: an invoice issued at <paramref name="issuedAt"/> lapses at this instant.</summary>
    DateTimeOffset InvoiceDueAt(string zone, DateTimeOffset issuedAt);

    /// <summary>KZ-2.6, KZ-2.7, KZ-2.8, UA-1.10 to UA-1.12: reminders, payment deadline and deletion for one expiry.</summary>
    RenewalTimeline RenewalTimeline(string zone, DateTimeOffset expiry);

    /// <summary>KZ-2.7: null when the renewal deadline of <paramref name="expiry"/> can be counted in banking days now; else
    /// the first instant anything of that expiry's timeline could fall due. A term of several years ends past the years the
    /// calendar data holds, and its timeline waits until then for them rather than being guessed.</summary>
    DateTimeOffset? RenewalTimelineWaitsUntil(string zone, DateTimeOffset expiry);

    /// <summary>KZ-2.6: the warnings counted in calendar days before <paramref name="expiry"/> (30, 14 and 7 days), which
    /// need no banking day and so go out while the renewal deadline waits for its calendar year.</summary>
    IReadOnlyList<ScheduledReminder> WarningsInCalendarDays(string zone, DateTimeOffset expiry);

    /// <summary>The registrar's own date at <paramref name="instant"/>, in the time zone of the zone's country.</summary>
    DateOnly LocalDate(string zone, DateTimeOffset instant);

    /// <summary>RFC 5731 section 3.2.3: the zone's term bounds, whose maximum is the registry's maximum registration period.</summary>
    RegistrationTerm Term(string zone);

    /// <summary>UA-1.3.4.1: when the registrar's notice sent at <paramref name="sentAt"/> ends the contract; null where the zone's
    /// offer gives the registrar no such notice.</summary>
    DateTimeOffset? RegistrarNoticeEndsAt(string zone, DateTimeOffset sentAt);

    /// <summary>KZ-App-4: the end of the time to cure a breach whose notice was sent at <paramref name="sentAt"/>; null where the
    /// zone's offer has none.</summary>
    DateTimeOffset? BreachCureEndsAt(string zone, DateTimeOffset sentAt);

    /// <summary>KZ-App-9, UA-3.5: when the zone's offer lets a domain's transfer code be issued.</summary>
    TransferEligibility TransferRules(string zone);

    /// <summary>KZ-App-2, UA-2.2.3: the clause of the zone's offer a dispute decision rests on, which a request its block refuses names.</summary>
    string DisputeRule(string zone);
}
