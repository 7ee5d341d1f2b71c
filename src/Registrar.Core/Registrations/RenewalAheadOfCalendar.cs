using Registrar.Core.Tariffs;
using Registrar.Core.Zones;

namespace Registrar.Core.Registrations;

/// <summary>
/// What a renewal decides while its deadline's calendar year is not loaded yet (a term of several years ending past the
/// calendar data, <see cref="CalendarWaits"/>): only what needs no banking day of that year. The warnings counted in calendar
/// days (KZ-2.6), and an invoice the customer asks for years ahead, which lapses (KZ-3.3) long before the deadline (KZ-2.7).
/// </summary>
internal sealed class RenewalAheadOfCalendar(IRegistrationSchedule schedule)
{
    /// <summary>KZ-2.6: the warnings counted in calendar days need no banking day, so they go out while the renewal deadline
    /// waits for its calendar year, each once: without the invoice, which they say follows (issued once the year is loaded).</summary>
    public void WarnWithoutInvoice(RegistrationStep step, DateTimeOffset now)
    {
        var state = step.State;
        if (state.Phase != RegistrationPhase.Registered || now >= state.ExpiresAt) return;
        var due = schedule.WarningsInCalendarDays(state.Order!.Zone, state.ExpiresAt!.Value)
            .Where(r => r.At <= now && !state.Renewal.RemindersSent.Contains(r.Key)).ToList();
        if (due.Count == 0) return;
        RenewalDecisions.MarkSent(step, due);
        step.Notify(NoticeKind.RenewalReminder, new NoticeFacts(ExpiresAt: state.ExpiresAt, InvoiceFollows: true));
    }

    /// <summary>KZ-2.7, KZ-3.3: an invoice asked for before the calendar year of its renewal deadline is loaded, issued with the
    /// renewal tariff (the expiry is years away) and lapsing at <paramref name="lapses"/>, as an order's invoice does.</summary>
    public static void IssueInvoice(RegistrationStep step, DateTimeOffset now, DateTimeOffset lapses)
    {
        var state = step.State;
        var order = state.Order!;
        var id = step.Issue(id => new IssueRenewalInvoice(id, state.RegistrationId, order.CustomerId, order.Zone, order.DomainName,
            RegistrationTerm.RenewalYears, TariffOperation.Renew, lapses, AskedAt: now));
        step.Update(s => s with { Renewal = s.Renewal with { InvoiceCommandId = id, NoticeWithInvoice = NoticeKind.RenewalInvoice } });
    }
}
