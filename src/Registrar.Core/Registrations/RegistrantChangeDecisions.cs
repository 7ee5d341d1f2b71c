using Registrar.Core.Calendars;
using Registrar.Core.Requests;
using Registrar.Core.Tariffs;
using static Registrar.Core.Registrations.RegistrationPhase;

namespace Registrar.Core.Registrations;

/// <summary>
/// KZ-2.4, KZ-2.5: a proved registrant change. It is priced as a new registration (the tariff's RegistrantChange
/// operation) and invoiced; only the invoice's payment sends it to the registry, which creates the new registrant's contact
/// and changes the domain's registrant to it. The expiry is never touched: the registry's stays, and the customer is told it.
/// </summary>
internal static class RegistrantChangeDecisions
{
    /// <summary>KZ-2.4: one year of a registration's price, payable within the zone's invoice window (KZ-3.3).</summary>
    private const int PricedYears = 1;

    public static void Start(RegistrationStep step, string requestId, RegistrantChangeRequest request, IRegistrationSchedule schedule, DateTimeOffset now)
    {
        var state = step.State;
        var order = state.Order!;
        DateTimeOffset dueAt;
        try
        {
            dueAt = schedule.InvoiceDueAt(order.Zone, now);
        }
        catch (DateOutsideCalendarException missing)
        {
            // KZ-3.3: an invoice's window is counted in banking days, never on a guess, and there is no invoice without it.
            step.Flag($"Registrant change {requestId} for {order.DisplayName} is not invoiced: its invoice's due date falls in calendar year "
                + $"{missing.MissingYear} for {missing.Country}, which is not loaded (KZ-3.3). {CalendarWaits.Publish(missing.Country, missing.MissingYear)}, "
                + "then answer the customer.");
            return;
        }
        var invoice = step.Issue(id => new IssueRenewalInvoice(id, state.RegistrationId, order.CustomerId, order.Zone, order.DomainName, PricedYears,
            TariffOperation.RegistrantChange, dueAt, AskedAt: now));
        step.Update(s => s with { RegistrantChange = new RegistrantChange(requestId, request.Registrant, invoice, PayBy: dueAt) });
    }

    /// <summary>KZ-2.4: a change invoiced and not yet paid, whose invoice may still be paid: another change would leave that invoice
    /// payable for a change no longer wanted. Once it lapsed unpaid, a new change may replace it (a late payment of it is held). One
    /// kept before due dates were kept blocks nothing, as then: its due date is not known, and it must not block for ever.</summary>
    public static RegistrantChange? AwaitingPayment(RegistrationState state, DateTimeOffset now) =>
        state.RegistrantChange is { InvoiceCommandId: not null, CommandId: null, PayBy: { } payBy } change && payBy > now ? change : null;

    /// <summary>KZ-App-2, UA-2.2.3: a dispute decision re-delegates the domain to another registrant: not invoiced, sent at once.</summary>
    public static void Redelegate(RegistrationStep step, string decisionId, Customers.RegistrantData registrant)
    {
        step.Update(s => s with { RegistrantChange = new RegistrantChange(decisionId, registrant, InvoiceCommandId: null) });
        Ask(step);
    }

    public static bool IsInvoicedBy(RegistrationState state, RenewalInvoiceIssued issued) =>
        state.RegistrantChange?.InvoiceCommandId is { } invoice && invoice == issued.CommandId;

    public static void OnInvoiceIssued(RegistrationStep step, RenewalInvoiceIssued issued)
    {
        var change = step.State.RegistrantChange!;
        step.Update(s => s with { RegistrantChange = change with { InvoiceNumber = issued.InvoiceNumber } });
        step.Notify(NoticeKind.RegistrantChangeInvoice,
            new NoticeFacts(PayBy: issued.DueAt, InvoiceNumber: issued.InvoiceNumber, Amount: issued.Total, RequestId: change.RequestId));
    }

    public static bool IsPaidBy(RegistrationState state, RenewalPaid paid) =>
        state.RegistrantChange is { InvoiceNumber: { } number, CommandId: null } && number == paid.InvoiceNumber;

    public static void OnPaid(RegistrationStep step)
    {
        var state = step.State;
        if (state.Phase is not (Registered or Expired) || state.AwaitedCommandId is not null)
        {
            step.Flag($"The registrant change {state.RegistrantChange!.RequestId} of {state.Order!.DisplayName} is paid, but the domain is "
                + $"{state.Phase} with a registry command out: carry it out or refund it (KZ-2.4).");
            return;
        }
        Ask(step);
    }

    /// <summary>The registry's answer to the change's own command.</summary>
    public static bool Awaits(RegistrationState state, RegistryAnswered answer) =>
        state.RegistrantChange?.CommandId is { } id && answer.CommandId == id && id == state.AwaitedCommandId;

    public static void OnAnswered(RegistrationStep step, RegistryOutcome outcome)
    {
        var change = step.State.RegistrantChange!;
        var order = step.State.Order!;
        switch (outcome)
        {
            case RegistrantChanged changed:
                var pendingContactChange = step.State.RegistrantContactChange;
                // KZ-2.5: the registrant changes, the expiry stays as the registry has it.
                step.Update(s => s with
                {
                    RegistrantHandle = changed.Handle,
                    Order = order with { Registrant = change.Registrant, RegistrantHandle = changed.Handle },
                    RegistrantChange = null,
                    AwaitedCommandId = null,
                    RegistrantContactChange = null,
                });
                step.Notify(NoticeKind.RegistrantChanged, new NoticeFacts(ExpiresAt: step.State.ExpiresAt, RequestId: change.RequestId));
                if (pendingContactChange is not null) FlagSupersededContactChange(step, pendingContactChange, order.DisplayName, change.RequestId);
                break;
            case OutcomeUnknown:
                // The contact id comes from the request and the update names it, so asking again changes nothing twice.
                Ask(step);
                break;
            default:
                step.Update(s => s with { RegistrantChange = null, AwaitedCommandId = null });
                step.Flag($"The paid registrant change {change.RequestId} of {order.DisplayName} was not carried out: the registry answered "
                    + $"{RenewalAnswers.Describe(outcome)}. Finish it or refund invoice {change.InvoiceNumber} (KZ-2.4).");
                break;
        }
    }

    /// <summary>KZ-2.3: a contact change the registry left pending was for the registrant before; the new one's details came with
    /// the change, so it is not waited for any more, and operations close it with the registry and answer the customer.</summary>
    private static void FlagSupersededContactChange(RegistrationStep step, RegistrantContactChange pending, string domain, string registrantChangeId) =>
        step.Flag($"Contact change {pending.RequestId} for {domain} was still pending at the registry when registrant change "
            + $"{registrantChangeId} gave the domain another registrant: it concerns the previous registrant's contact only, so it is no "
            + "longer followed here. Close it with the registry and answer the customer (KZ-2.3).");

    private static void Ask(RegistrationStep step)
    {
        var change = step.State.RegistrantChange!;
        var order = step.State.Order!;
        step.AskRegistry(id => new ChangeRegistrant(id, step.State.RegistrationId, order.Zone, order.DomainName, change.RequestId, change.Registrant));
        step.Update(s => s with { RegistrantChange = change with { CommandId = s.AwaitedCommandId } });
    }
}
