using Registrar.Core.Deadlines;
using Registrar.Core.Zones;
using static Registrar.Core.Registrations.RegistrationPhase;

namespace Registrar.Core.Registrations;

/// <summary>
/// A registered domain's life: reminders (KZ-2.6), renewal invoices (KZ-2.7, UA-1.10, UA-1.11), renewal from the
/// previous expiry (UA-1.7), expiry and deletion (KZ-2.8, UA-1.10, UA-1.12). The registry is the authority for
/// expiry and statuses: what it answers is followed, and an unknown outcome is read back, never sent again blindly.
/// </summary>
internal sealed class RenewalDecisions(IRegistrationSchedule schedule)
{
    private readonly RenewalAheadOfCalendar _aheadOfCalendar = new(schedule);

    public static bool Covers(RegistrationPhase phase) => phase is Registered or Renewing or Expired or Restoring or Deleting;

    /// <summary>What falls due with time: the expiry, the latest due reminder, the deletion; or, when counting them needs a
    /// calendar year that is not loaded, nothing until it is.</summary>
    public void OnTime(RegistrationStep step, DateTimeOffset now)
    {
        var state = step.State;
        if (state.Phase is not (Registered or Expired) || state.Renewal.PaidInvoice is not null || state.Ending is not null) return;
        // KZ-2.6: a warning sent while the deadline waited for its calendar year said the invoice follows.
        var owesInvoice = state.Renewal.CalendarWait is not null && state.Renewal.RemindersSent.Count > 0;
        CalendarWaits.DecideOrWait(step, now, draft => FallDue(draft, now, owesInvoice), waiting => _aheadOfCalendar.WarnWithoutInvoice(waiting, now));
    }

    public DateTimeOffset? NextWake(RegistrationState state)
    {
        // A contract the registrar decided to end is not renewed: no reminder or invoice for a term it will not serve.
        if (state.Phase is not (Registered or Expired) || state.Renewal.PaidInvoice is not null || state.ExpiresAt is null
            || state.Ending is not null) return null;
        if (CalendarWaits.NextCheck(state) is { } check) return check;
        if (WaitsForCalendar(state) is { } waits) return waits;
        var timeline = Timeline(state);
        DateTimeOffset?[] candidates =
        [
            timeline.NextReminderAfter(state.Renewal.RemindersSent),
            state.Phase == Registered ? timeline.Expiry : null,
            timeline.DeleteAt,
        ];
        return candidates.Where(c => c is not null).Min();
    }

    public void OnInvoiceIssued(RegistrationStep step, RenewalInvoiceIssued issued, DateTimeOffset now)
    {
        var waiting = step.State.Renewal.NoticeWithInvoice ?? NoticeKind.RenewalInvoice;
        step.Update(s => s with
        {
            Renewal = s.Renewal with
            {
                InvoiceCommandId = null,
                NoticeWithInvoice = null,
                InvoiceNumber = issued.InvoiceNumber,
                InvoiceTotal = issued.Total,
                InvoiceDueAt = issued.DueAt,
                EarlierInvoices = s.Renewal.InvoiceNumber is { } earlier ? [.. s.Renewal.EarlierInvoices, earlier] : s.Renewal.EarlierInvoices,
            },
        });
        // An earlier invoice's payment, notified while this one was being issued, renews already: this one bills nothing.
        if (step.State.Renewal.PaidInvoice is { } paidBy) CancelInvoices(step, [issued.InvoiceNumber], paidBy);
        else if (step.State.Phase is Registered or Expired)
            step.Notify(waiting, WaitsForCalendar(step.State) is null ? Facts(step.State, Timeline(step.State), now)
                // Issued ahead of its deadline's calendar year (IssueOnRequest): the invoice's own due instant is its pay-by date.
                : new NoticeFacts(ExpiresAt: step.State.ExpiresAt, PayBy: issued.DueAt, InvoiceNumber: issued.InvoiceNumber, Amount: issued.Total));
    }

    public void OnPaid(RegistrationStep step, RenewalPaid paid)
    {
        var state = step.State;
        var refusal = state.Phase is not (Registered or Expired) ? $"the domain is {state.Phase}"
            : state.Renewal.PaidInvoice is { } earlier ? $"invoice {earlier} already pays this renewal"
            // KZ-3.5, UA-3.4: the bank applied it as booked in its time, however late the notice; a later invoice of the same
            // expiry (UA-1.11: the redemption invoice issued at expiry) does not undo that.
            : !state.Renewal.Bills(paid.InvoiceNumber) ? "it is not a renewal invoice of the current expiry"
            // UA-1.3.4.1, UA-6.1: a noticed end stands; renewing would buy a registry year the contract no longer reaches.
            : state.Ending is { } ending ? $"the contract ends {ending.EffectiveAt:u} on a notice ({ending.Rule})"
            : null;
        if (refusal is not null)
        {
            // UA-1.7: a payment never renews twice; a person returns or re-applies the money.
            step.Flag($"Renewal payment of invoice {paid.InvoiceNumber} for {state.Order!.DisplayName} renews nothing: {refusal}. Settle the money.");
            return;
        }
        step.Update(s => s with { Renewal = s.Renewal with { PaidInvoice = paid.InvoiceNumber, PaidYears = paid.Years } });
        // UA-1.7: the other invoices of this expiry bill a renewal now paid; a payment of one notified later is held, not taken.
        CancelInvoices(step, state.Renewal.Invoices().Where(n => n != paid.InvoiceNumber), paidBy: paid.InvoiceNumber);
        Renew(step);
    }

    /// <summary>UA-1.7, UA-6.1: invoices of this expiry that no payment may renew by any more, because <paramref name="paidBy"/>
    /// paid the renewal or a notice under <paramref name="endingRule"/> ends the contract before it.</summary>
    public static void CancelInvoices(RegistrationStep step, IEnumerable<string> invoiceNumbers, string? paidBy = null, string? endingRule = null)
    {
        foreach (var number in invoiceNumbers)
            step.Issue(id => new CancelRenewalInvoice(id, step.State.RegistrationId, number, paidBy, endingRule));
    }

    /// <summary>A poll message named the domain: read it back from the registry before believing anything.</summary>
    public static void OnReported(RegistrationStep step)
    {
        if (Covers(step.State.Phase) && step.State.AwaitedCommandId is null) Query(step);
    }

    /// <summary>The sweep read the domain; while a registry command is out, its own answer decides instead.</summary>
    public static void OnObserved(RegistrationStep step, DomainInfo info, DateTimeOffset now)
    {
        var state = step.State;
        if (state.AwaitedCommandId is not null) return;
        if (Covers(state.Phase)) RenewalAnswers.OnAnswered(step, info, now);
        // The registry is the authority for who holds the domain: one that stalled once registered (a renewal refused while a
        // transfer away was pending, or refused for a registry ban) has left once another registrar holds it, or the registry
        // deleted it, whatever operations were still to decide.
        else if (state is { Phase: Stalled, ExpiresAt: not null } && info is { Exists: true, SponsorIsUs: false }) RenewalAnswers.TransferredAwayFrom(step, now);
        else if (state is { Phase: Stalled, ExpiresAt: not null } && !info.Exists) RenewalAnswers.GoneFromRegistry(step);
    }

    /// <summary>Operations retried a registration that stalled after it was registered.</summary>
    public void Resume(RegistrationStep step, DateTimeOffset now)
    {
        if (step.State.Renewal.PaidInvoice is not null)
        {
            // Architecture principle 3: the renew that stalled may have taken effect with its answer lost; what the registry
            // holds decides, rather than a renew from an expiry it may have moved on (refused 2306, stalling again).
            step.Update(s => s with { Phase = Renewing });
            Query(step);
            return;
        }
        step.Update(s => s with { Phase = now >= s.ExpiresAt ? Expired : Registered });
        OnTime(step, now);
    }

    public static void Renew(RegistrationStep step)
    {
        var state = step.State;
        var order = state.Order!;
        step.Update(s => s with { Phase = Renewing });
        // UA-1.7: named from the current expiry, so the registry refuses a repeat instead of adding a second term.
        step.AskRegistry(id => new RenewDomain(id, state.RegistrationId, order.Zone, order.DomainName, state.ExpiresAt!.Value, state.Renewal.PaidYears));
    }

    public static void Query(RegistrationStep step)
    {
        var order = step.State.Order!;
        step.AskRegistry(id => new QueryDomain(id, step.State.RegistrationId, order.Zone, order.DomainName));
    }

    public static void Renewed(RegistrationStep step, DateTimeOffset expiresAt)
    {
        step.Update(s => s with { Phase = Registered, ExpiresAt = expiresAt, AwaitedCommandId = null, Renewal = new() });
        step.Notify(NoticeKind.Renewed, new NoticeFacts(ExpiresAt: expiresAt));
    }

    public static void Deleted(RegistrationStep step)
    {
        step.Update(s => s with { Phase = RegistrationPhase.Deleted, AwaitedCommandId = null });
        // UA-1.5.6: a deletion the registrant asked for is told as such, and one operations decided as the contract's end,
        // not as a lapsed renewal.
        step.Notify(step.State.DeletionRequestId is not null ? NoticeKind.DeletedOnRequest
            : step.State.Ending is not null ? NoticeKind.ServiceEnded
            : NoticeKind.Deleted);
    }

    /// <summary><see cref="UnpaidDeletion"/>, for the registration's state; the registrant's own notice is never moved so
    /// (<see cref="NoticeReach"/>).</summary>
    public static DateTimeOffset NoLaterThanUnpaidDeletion(RegistrationState state, DateTimeOffset endsAt, IRegistrationSchedule schedule) =>
        state.Order is { } order ? UnpaidDeletion.NoLaterThan(schedule, order.Zone, state.Renewal.PaidInvoice is null ? state.ExpiresAt : null, endsAt) : endsAt;

    /// <summary>KZ-2.7: the invoice a customer asked for ahead of the schedule, issued now as the schedule would issue it (the
    /// same years, tariff and due instant); otherwise why not: the renewal can no longer be paid (KZ-2.7's deadline, UA-1.12's
    /// deletion), or its deadline is counted in a calendar year not loaded yet.</summary>
    public string? IssueOnRequest(RegistrationStep step, DateTimeOffset now)
    {
        var state = step.State;
        if (PastRegistryMaximum(state, now) is { } pastMaximum) return pastMaximum;
        if (WaitsForCalendar(state) is { } waits)
        {
            // KZ-2.7 asks for the invoice early: one asked for years ahead lapses (KZ-3.3) long before anything of a deadline
            // whose calendar year is not loaded yet could fall due, so that deadline cannot bound it.
            var lapses = schedule.InvoiceDueAt(state.Order!.Zone, now);
            if (lapses >= waits) return "its renewal deadline falls in a calendar year not loaded yet and is not counted on a guess (KZ-2.7, KZ-3.3)";
            RenewalAheadOfCalendar.IssueInvoice(step, now, lapses);
            return null;
        }
        var timeline = Timeline(state);
        if (timeline.PayableUntil(now) is not { } payableUntil)
            return $"the renewal could be paid until {LocalTimes.Deadline(timeline.RenewableUntilDeletion ? timeline.DeleteAt : timeline.PayBy)} (KZ-2.7, UA-1.12)";
        IssueInvoice(step, timeline, now, payableUntil, NoticeKind.RenewalInvoice, asked: true);
        return null;
    }

    /// <summary>RFC 5731 section 3.2.3: why a renewal asked at <paramref name="now"/> would take the expiry past the registry's
    /// maximum registration period (the registry refuses it with 2306, after the customer paid); null when it fits. The renewal
    /// is carried out when paid, later than now, when the limit is only further away.</summary>
    private string? PastRegistryMaximum(RegistrationState state, DateTimeOffset now)
    {
        var term = schedule.Term(state.Order!.Zone);
        return term.RenewalFits(state.ExpiresAt!.Value, RegistrationTerm.RenewalYears, now) ? null
            : $"renewing by {RegistrationTerm.RenewalYears} year would take the expiry to {state.ExpiresAt.Value.AddYears(RegistrationTerm.RenewalYears):u}, past the registry's "
                + $"maximum registration period of {term.MaxYears} years ({RegistrationTerm.RegistryMaximumRule}), {term.LatestExpiry(now):u} now";
    }

    public RenewalTimeline Timeline(RegistrationState state) => schedule.RenewalTimeline(state.Order!.Zone, state.ExpiresAt!.Value);

    /// <summary>KZ-2.7: an expiry past the calendar data's years is not counted before its first reminder could be due; by then
    /// the year's calendar is expected (the health check warns a year ahead), and without it the registration waits for it
    /// (<see cref="CalendarWaits"/>), never counting on a guess.</summary>
    private DateTimeOffset? WaitsForCalendar(RegistrationState state) => schedule.RenewalTimelineWaitsUntil(state.Order!.Zone, state.ExpiresAt!.Value);

    private void FallDue(RegistrationStep step, DateTimeOffset now, bool owesInvoice)
    {
        var state = step.State;
        if (WaitsForCalendar(state) is { } waits && now < waits) return;
        var timeline = Timeline(state);
        if (state.Phase == Registered && now >= timeline.Expiry) Expire(step, timeline, now);
        // KZ-2.6: a wake-up past deletion (a host down for weeks) deletes; a reminder then would name a deletion day gone by.
        if (now >= timeline.DeleteAt) Delete(step);
        else RemindIfDue(step, timeline, now, owesInvoice);
    }

    private void Expire(RegistrationStep step, RenewalTimeline timeline, DateTimeOffset now)
    {
        // The expiry notice stands for every reminder due up to it, the "on expiry" one included, and for those a late wake-up
        // finds due after it (KZ-2.6: only the latest due is sent): it carries the same invoice and dates.
        var passed = timeline.Reminders.Where(r => r.At <= timeline.Expiry || r.At <= now).Select(r => r.Key);
        step.Update(s => s with { Phase = Expired, Renewal = s.Renewal with { RemindersSent = [.. s.Renewal.RemindersSent.Union(passed)] } });
        RemindOrInvoice(step, timeline, now, NoticeKind.Expired);
    }

    /// <param name="owesInvoice">A warning went out without the invoice (<see cref="RenewalAheadOfCalendar.WarnWithoutInvoice"/>): it is issued now,
    /// whether or not a reminder is due.</param>
    private void RemindIfDue(RegistrationStep step, RenewalTimeline timeline, DateTimeOffset now, bool owesInvoice)
    {
        var due = timeline.DueReminders(now, step.State.Renewal.RemindersSent);
        if (due.Count == 0 && !owesInvoice) return;
        MarkSent(step, due);
        RemindOrInvoice(step, timeline, now, NoticeKind.RenewalReminder);
    }

    /// <summary>KZ-2.6: each reminder once; a late wake-up sends only the latest one due, and the ones it passed over count as sent.</summary>
    internal static void MarkSent(RegistrationStep step, IReadOnlyList<ScheduledReminder> due) =>
        step.Update(s => s with { Renewal = s.Renewal with { RemindersSent = [.. s.Renewal.RemindersSent.Union(due.Select(r => r.Key))] } });

    /// <summary>KZ-2.7: while the renewal can still be paid and no invoice is open (KZ-3.3 lets one lapse within days),
    /// a new invoice is issued and the notice waits to carry it.</summary>
    private void RemindOrInvoice(RegistrationStep step, RenewalTimeline timeline, DateTimeOffset now, NoticeKind kind)
    {
        var state = step.State;
        // RFC 5731 section 3.2.3: a year the registry would refuse is not billed; a later reminder bills it once it fits.
        if (timeline.PayableUntil(now) is { } payableUntil && !state.Renewal.HasOpenInvoice(now) && state.Renewal.InvoiceCommandId is null
            && PastRegistryMaximum(state, now) is null)
        {
            IssueInvoice(step, timeline, now, payableUntil, kind == NoticeKind.Expired ? NoticeKind.Expired : NoticeKind.RenewalInvoice);
            return;
        }
        step.Notify(kind, Facts(state, timeline, now));
    }

    /// <param name="asked">The customer asked for it (<see cref="IssueOnRequest"/>), rather than the schedule issuing it.</param>
    private void IssueInvoice(RegistrationStep step, RenewalTimeline timeline, DateTimeOffset now, DateTimeOffset payableUntil, NoticeKind notice,
        bool asked = false)
    {
        var state = step.State;
        var order = state.Order!;
        // UA-1.10, UA-1.12: the renewal is payable until expiry at the renewal tariff, and the priority after it until deletion,
        // and so is each invoice; the payment window is a KZ-3.3 figure the UA offer does not set: it lapsed an invoice weeks
        // before expiry, so a customer paying it then was held, and billed the redemption tariff (UA-1.11) at expiry. UA-3.1:
        // one asked for while the term has more than its last year to run would stay payable for years at today's tariff, and
        // lapses as an order's invoice does; the next is priced when asked for again, or by the schedule.
        var farAhead = asked && now.AddYears(1) < timeline.Expiry;
        var lapses = timeline.RenewableUntilDeletion && !farAhead ? payableUntil : schedule.InvoiceDueAt(order.Zone, now);
        var dueAt = lapses < payableUntil ? lapses : payableUntil;
        // UA-1.11: after expiry the renewal is priced with the redemption tariff.
        var id = step.Issue(id => new IssueRenewalInvoice(id, state.RegistrationId, order.CustomerId, order.Zone, order.DomainName,
            RegistrationTerm.RenewalYears, timeline.OperationAt(now), dueAt, AskedAt: now));
        step.Update(s => s with { Renewal = s.Renewal with { InvoiceCommandId = id, NoticeWithInvoice = notice } });
    }

    public static void Delete(RegistrationStep step)
    {
        var order = step.State.Order!;
        step.Update(s => s with { Phase = Deleting });
        step.AskRegistry(id => new DeleteDomain(id, step.State.RegistrationId, order.Zone, order.DomainName));
    }

    private static NoticeFacts Facts(RegistrationState state, RenewalTimeline timeline, DateTimeOffset now)
    {
        var invoice = state.Renewal.HasOpenInvoice(now) ? state.Renewal : null;
        return new NoticeFacts(
            ExpiresAt: timeline.Expiry,
            PayBy: invoice?.InvoiceDueAt ?? timeline.PayableUntil(now),
            DeletionAt: timeline.DeleteAt,
            InvoiceNumber: invoice?.InvoiceNumber,
            Amount: invoice?.InvoiceTotal);
    }
}
