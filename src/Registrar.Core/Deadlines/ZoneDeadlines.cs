using Registrar.Core.Calendars;
using Registrar.Core.Contracts;
using Registrar.Core.Registrations;
using Registrar.Core.Zones;

namespace Registrar.Core.Deadlines;

/// <summary>
/// Deadlines counted in the zone's country's business (banking) days. A deadline of N business
/// days after an instant ends when the N-th business day after that instant's local date ends,
/// in the registrar's own time zone.
/// </summary>
public sealed class ZoneDeadlines(ZoneCatalog zones, BusinessCalendars calendars) : IRegistrationSchedule
{
    private readonly ContractRules _rules = new(zones, calendars, new ContractTermsCatalog(zones));
    private readonly ContractTermsCatalog _offers = new(zones);

    /// <summary>KZ-3.3: an invoice is payable within the zone's payment window of banking days.</summary>
    public DateTimeOffset InvoiceDueAt(string zone, DateTimeOffset issuedAt)
    {
        var policy = zones.For(zone);
        return EndOfBusinessDayAfter(policy, issuedAt, policy.InvoicePaymentWindow.BankingDays);
    }

    /// <summary>KZ-2.1: after payment the registration is carried out within the zone's business days.</summary>
    public DateTimeOffset RegistrationDueBy(string zone, DateTimeOffset paidAt)
    {
        var policy = zones.For(zone);
        return EndOfBusinessDayAfter(policy, paidAt, policy.RegistrationAfterPayment.BusinessDays);
    }

    /// <summary>KZ-2.3: outside .kz/.қаз a DNS or contact change is a request carried out within the zone's business days.</summary>
    public DateTimeOffset? ChangeRequestDueBy(string zone, DateTimeOffset provedAt)
    {
        var policy = zones.For(zone);
        return policy.Changes.RequestDeadline is { } deadline ? EndOfBusinessDayAfter(policy, provedAt, deadline.BusinessDays) : null;
    }

    public RenewalTimeline RenewalTimeline(string zone, DateTimeOffset expiry)
    {
        var policy = zones.For(zone);
        var calendar = calendars.For(policy.CalendarCountry);
        var payBy = policy.RenewalDeadline.DueAt(expiry, calendar);
        // KZ-2.6: the deadline's reminder goes out as that last banking day begins, while paying is still possible.
        var deadlineDayStarts = policy.RenewalDeadline.IsAtExpiry ? payBy : StartOfLocalDayBefore(payBy, calendar);
        return new RenewalTimeline(
            expiry,
            policy.Reminders.For(expiry, deadlineDayStarts, calendar.TimeZone),
            payBy,
            policy.Deletion.DeletionDueAt(expiry, calendar.TimeZone),
            policy.Deletion.RenewalPriorityUntilDeletion,
            policy.Redemption.AppliesAfterExpiry);
    }

    public DateTimeOffset? RenewalTimelineWaitsUntil(string zone, DateTimeOffset expiry)
    {
        var policy = zones.For(zone);
        var calendar = calendars.For(policy.CalendarCountry);
        if (policy.RenewalDeadline.IsAtExpiry || RenewalDeadline.LastDayHeld(expiry, calendar) <= calendar.LastDate) return null;
        // No week of the calendars goes without a banking day, so the deadline falls at most that many weeks before the
        // expiry, and its reminder a day before that.
        var earliestDeadlineReminder = expiry.AddDays(-7 * policy.RenewalDeadline.BankingDaysBeforeExpiry - 2);
        var firstReminder = policy.Reminders.DaysBeforeExpiry.Count > 0 ? expiry.AddDays(-policy.Reminders.DaysBeforeExpiry.Max()) : expiry;
        return firstReminder < earliestDeadlineReminder ? firstReminder : earliestDeadlineReminder;
    }

    public IReadOnlyList<ScheduledReminder> WarningsInCalendarDays(string zone, DateTimeOffset expiry)
    {
        var policy = zones.For(zone);
        return policy.Reminders.BeforeExpiry(expiry, calendars.For(policy.CalendarCountry).TimeZone);
    }

    public RegistrationTerm Term(string zone) => zones.For(zone).Term;

    public DateTimeOffset? RegistrarNoticeEndsAt(string zone, DateTimeOffset sentAt) => _rules.RegistrarTermination(zone)?.AfterNoticeSentAt(sentAt).At;

    public DateTimeOffset? BreachCureEndsAt(string zone, DateTimeOffset sentAt) => _rules.BreachCure(zone)?.CureDeadline(sentAt);

    public TransferEligibility TransferRules(string zone) => _rules.Transfers(zone);

    public string DisputeRule(string zone) => _offers.For(zone).Disputes.Rule;

    /// <summary><paramref name="instant"/> in the registrar's own zone: how an invoice states its due instant, as the mails do.</summary>
    public DateTimeOffset LocalTime(string zone, DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, calendars.For(zones.For(zone).CalendarCountry).TimeZone);

    /// <summary>The registrar's own date at <paramref name="instant"/>: what an invoice issued then is dated.</summary>
    public DateOnly LocalDate(string zone, DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, calendars.For(zones.For(zone).CalendarCountry).TimeZone).DateTime);

    private static DateTimeOffset StartOfLocalDayBefore(DateTimeOffset endOfDay, BusinessCalendar calendar)
    {
        var start = calendar.LocalDate(endOfDay).AddDays(-1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(start, calendar.TimeZone.GetUtcOffset(start));
    }

    private DateTimeOffset EndOfBusinessDayAfter(ZonePolicy policy, DateTimeOffset instant, int businessDays)
    {
        var calendar = calendars.For(policy.CalendarCountry);
        var local = TimeZoneInfo.ConvertTime(instant, calendar.TimeZone);
        var lastDay = calendar.AddBusinessDays(DateOnly.FromDateTime(local.DateTime), businessDays);
        var endLocal = lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(endLocal, calendar.TimeZone.GetUtcOffset(endLocal));
    }
}
