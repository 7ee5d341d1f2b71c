using Registrar.Core.Contracts;
using Registrar.Core.Requests;
using static Registrar.Core.Registrations.RegistrationPhase;

namespace Registrar.Core.Registrations;

/// <summary>
/// Customer requests on a registered domain (KZ-2.3, KZ-5.3, UA-4.7, UA-1.5.8): an unproved one gets a confirmation
/// link at the account's contact e-mail; a proved one is carried out only if its proof is one its kind accepts.
/// A request that cannot be carried out now goes to operations, who answer the customer.
/// </summary>
internal static class CustomerRequestDecisions
{
    public static void OnMade(RegistrationStep step, CustomerRequestMade made, IRegistrationSchedule schedule, DateTimeOffset now)
    {
        if (Refusal(step.State, made.Request, schedule, now) is { } refusal)
        {
            Refuse(step, made.RequestId, made.Request, refusal);
            return;
        }
        // KZ-5.3, UA-4.7: the link goes to the contact e-mail the registration holds, never to an address the request names,
        // and says what it confirms (UA-1.5.8).
        step.Notify(NoticeKind.RequestConfirmation, ConfirmationFacts.Of(made.RequestId, made.Request, step.State.ExpiresAt));
    }

    public static void OnProved(RegistrationStep step, CustomerRequestProved proved, IRegistrationSchedule schedule, DateTimeOffset now)
    {
        if (!RequestProofs.Accepts(proved.Request, proved.Proof))
        {
            // UA-1.5.8: the API never hands such a proof on; if one arrives, nothing is done and a person looks.
            FlagUnanswered(step, proved.RequestId, proved.Request, $"{proved.Proof} does not prove this kind of request (KZ-5.3, UA-1.5.8)");
            return;
        }
        if (Refusal(step.State, proved.Request, schedule, now) is { } refusal)
        {
            Refuse(step, proved.RequestId, proved.Request, refusal);
            return;
        }
        switch (proved.Request)
        {
            case EarlyDeletionRequest:
                DeleteEarly(step, proved.RequestId);
                break;
            case ContactEmailChangeRequest email when proved.NoConsentNeeded:
                ContactEmailChangeDecisions.Change(step, proved.RequestId, email.Email, consentRule: null);
                break;
            case ContactEmailChangeRequest email:
                ContactEmailChangeDecisions.Hold(step, proved.RequestId, email);
                break;
            case TerminationRequest termination:
                EndOnNotice(step, proved.RequestId, termination, schedule);
                break;
            case RegistrantChangeRequest registrant:
                RegistrantChangeDecisions.Start(step, proved.RequestId, registrant, schedule, now);
                break;
            case TransferCodeRequest:
                TransferCodeDecisions.Start(step, proved.RequestId, RequestProofs.IsRecordedByOperations(proved.Proof));
                break;
            case CredentialResetRequest:
                step.Notify(NoticeKind.CredentialReset);
                break;
            case DnsChangeRequest dns:
                NameserverChangeDecisions.Start(step, proved.RequestId, dns, ChangeDueBy(step, proved, schedule, now));
                break;
            case RegistrantContactChangeRequest contact:
                RegistrantContactChangeDecisions.Start(step, proved.RequestId, contact, ChangeDueBy(step, proved, schedule, now));
                break;
        }
    }

    private static DateTimeOffset? ChangeDueBy(RegistrationStep step, CustomerRequestProved proved, IRegistrationSchedule schedule, DateTimeOffset now) =>
        CalendarWaits.GuardOrFlag(step, $"request {proved.RequestId}", () => schedule.ChangeRequestDueBy(step.State.Order!.Zone, proved.ProvedAt ?? now));

    /// <summary>UA-1.5.6: the registrant gives the domain up; once the registry deleted it the name is free.</summary>
    private static void DeleteEarly(RegistrationStep step, string requestId)
    {
        var order = step.State.Order!;
        step.Update(s => s with { Phase = Deleting, DeletionRequestId = requestId });
        step.AskRegistry(id => new DeleteDomain(id, step.State.RegistrationId, order.Zone, order.DomainName));
    }

    /// <summary>UA-6.1, UA-6.4: the registrant's notice ends the contract at its date, never sooner; the domain is deleted then,
    /// with no refund (UA-1.5.5), and no renewal is invoiced meanwhile. So a notice ends the contract within the term paid now:
    /// a date past the term's last day is one the contract would not reach (the storefront refuses it when the notice is given,
    /// <see cref="NoticeReach"/>), and one that arrives all the same goes to operations rather than ending the contract sooner
    /// than asked. A renewal paid between the notice and its proof is judged by <see cref="RenewedSinceTheNotice"/>.</summary>
    private static void EndOnNotice(RegistrationStep step, string requestId, TerminationRequest termination, IRegistrationSchedule schedule)
    {
        var endsAt = RenewedSinceTheNotice(step, requestId, termination);
        if (NoticeReach.PastTheTerm(step.State, endsAt, schedule) is { } lastDay)
        {
            Refuse(step, requestId, termination, new(RequestRefusalReason.PastTheTerm, $"it ends the contract at {endsAt:u}, past "
                + $"{lastDay:yyyy-MM-dd}, the last day of the term paid now, which no renewal follows once the notice is given (UA-6.1, UA-6.4)"));
            return;
        }
        step.Update(s => s with { Ending = new ServiceEnding(termination.Rule, endsAt, TerminationGround.RegistrantNotice) });
        // UA-6.1, UA-6.4: the notice stops every renewal, as its confirmation says; an invoice still open for one would take money
        // for a renewal never carried out.
        var renewal = step.State.Renewal;
        RenewalDecisions.CancelInvoices(step, renewal.Invoices().Where(n => n != renewal.PaidInvoice), endingRule: termination.Rule);
        step.Notify(NoticeKind.TerminationConfirmed, new NoticeFacts(DeletionAt: endsAt, Clause: OperationsDecisions.Clause(termination.Rule)));
    }

    /// <summary>The end a notice has once proved, when a renewal was paid after it was given and before its proof (UA-1.7: the
    /// registry's expiry then lies a term further). A notice ending the contract at the end of the term (UA-6.4, no date asked)
    /// ends it at the end of the term now paid: the contract runs a year from each payment, and the customer has the year
    /// paid for. A notice ending it sooner keeps its date, as asked, and the renewal, which buys a term the contract does not
    /// reach, goes to operations, as one paid after the notice's proof does (RenewalDecisions).</summary>
    private static DateTimeOffset RenewedSinceTheNotice(RegistrationStep step, string requestId, TerminationRequest termination)
    {
        var state = step.State;
        if (termination.TermEndsAt is not { } termEnded || state.ExpiresAt is not { } expiresAt || expiresAt <= termEnded)
            return termination.EndsAt;
        if (termination.Rule != RegistrantTermination.Rule && termination.EndsAt == termEnded) return expiresAt;
        step.Flag($"Customer request {requestId} (termination) ends the contract for {state.Order!.DisplayName} at {termination.EndsAt:u}, "
            + $"as asked, but a renewal paid after the notice was given holds the domain until {expiresAt:u}: that term is one the contract "
            + $"does not reach ({termination.Rule}, UA-1.7). Settle the money.");
        return termination.EndsAt;
    }

    /// <summary>What the customer's view shows (<see cref="CustomerRequestRefusals"/>), then what only the state holds: a registry
    /// command of its own out, and (KZ-2.4) a registrant change whose invoice may still be paid.</summary>
    private static RequestRefusal? Refusal(RegistrationState state, CustomerRequest request, IRegistrationSchedule schedule, DateTimeOffset now) =>
        CustomerRequestRefusals.Of(request, state.Phase, ContractEnd.Of(state.Ending),
            state.DisputeBlock is null ? null : schedule.DisputeRule(state.Order!.Zone), state.Suspension is not null, state.RegistryStatuses)
        ?? (request is CredentialResetRequest ? null
        : state.AwaitedCommandId is not null
            ? new(RequestRefusalReason.RegistryBusy, "a registry command for it is still awaiting its answer")
        : request is RegistrantChangeRequest && RegistrantChangeDecisions.AwaitingPayment(state, now) is { } pending
            ? new(RequestRefusalReason.RegistrantChangeAwaitsPayment, $"registrant change {pending.RequestId} waits for the payment of its "
                + $"invoice {pending.InvoiceNumber ?? "(being issued)"}" + (pending.PayBy is { } payBy ? $" until {payBy:u}" : "")
                + ": a second change would leave that invoice payable for a change no longer wanted (KZ-2.4)")
        : null);

    /// <summary>UA-1.5.8: the request was the customer's, so the customer is told it was not carried out and why, at the contact
    /// e-mail, rather than left waiting; a registration that has ended mails nobody, and operations answer then.</summary>
    private static void Refuse(RegistrationStep step, string requestId, CustomerRequest request, RequestRefusal refusal)
    {
        if (step.State.Order is null || step.State.Phase.HasEnded())
        {
            FlagUnanswered(step, requestId, request, refusal.Detail);
            return;
        }
        var pendingChange = refusal.Reason == RequestRefusalReason.RegistrantChangeAwaitsPayment ? step.State.RegistrantChange : null;
        step.Notify(NoticeKind.RequestRefused, new NoticeFacts(DeletionAt: refusal.EndsAt, InvoiceNumber: pendingChange?.InvoiceNumber,
            PayBy: pendingChange?.PayBy, RequestId: requestId, RequestKind: request.Kind, Refusal: refusal.Reason));
    }

    private static void FlagUnanswered(RegistrationStep step, string requestId, CustomerRequest request, string why) =>
        step.Flag($"Customer request {requestId} ({request.Kind}) for {step.State.Order?.DisplayName ?? step.State.RegistrationId} is not "
            + $"carried out: {why}. Answer the customer.");
}
