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
    public static void OnMade(RegistrationStep step, CustomerRequestMade made)
    {
        if (Refusal(step.State, made.Request) is { } refusal)
        {
            Refuse(step, made.RequestId, made.Request, refusal);
            return;
        }
        // KZ-5.3, UA-4.7: the link goes to the contact e-mail the registration holds, never to an address the request names.
        step.Notify(NoticeKind.RequestConfirmation, new NoticeFacts(RequestId: made.RequestId, RequestKind: made.Request.Kind));
    }

    public static void OnProved(RegistrationStep step, CustomerRequestProved proved, IRegistrationSchedule schedule, DateTimeOffset now)
    {
        if (!RequestProofs.Accepts(proved.Request, proved.Proof))
        {
            // UA-1.5.8: the API never hands such a proof on; if one arrives, nothing is done and a person looks.
            Refuse(step, proved.RequestId, proved.Request, $"{proved.Proof} does not prove this kind of request (KZ-5.3, UA-1.5.8)");
            return;
        }
        if (Refusal(step.State, proved.Request) is { } refusal)
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
                EndOnNotice(step, termination, schedule);
                break;
            case RegistrantChangeRequest registrant:
                RegistrantChangeDecisions.Start(step, proved.RequestId, registrant, schedule, now);
                break;
            case TransferCodeRequest:
                TransferCodeDecisions.Start(step, proved.RequestId);
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

    /// <summary>UA-6.1, UA-6.4: the registrant's notice ends the contract at its date; the domain is deleted then, with no refund
    /// (UA-1.5.5), and no renewal is invoiced meanwhile. So a date past the deletion of the unpaid domain (UA-1.10, UA-1.12), as
    /// a notice given after expiry names (UA-6.4: the end of the next yearly term), cannot be kept: the contract ends with the
    /// deletion, and the registrant is told that date.</summary>
    private static void EndOnNotice(RegistrationStep step, TerminationRequest termination, IRegistrationSchedule schedule)
    {
        var endsAt = RenewalDecisions.NoLaterThanUnpaidDeletion(step.State, termination.EndsAt, schedule);
        step.Update(s => s with { Ending = new ServiceEnding(termination.Rule, endsAt, TerminationGround.RegistrantNotice) });
        step.Notify(NoticeKind.TerminationConfirmed, new NoticeFacts(DeletionAt: endsAt, Clause: OperationsDecisions.Clause(termination.Rule)));
    }

    /// <summary>Requests apply to a domain held at the registry with no registry command of its own out. A transfer code asked
    /// while a dispute decision blocks the domain goes on: KZ-App-9 refuses it to the customer naming that ban. A credential
    /// reset concerns the account, not the domain: only a registration that has ended no longer mails its customer.</summary>
    private static string? Refusal(RegistrationState state, CustomerRequest request) =>
        request is CredentialResetRequest ? (state.Phase.HasEnded() ? $"the domain is {state.Phase}" : null)
        : state.Phase is not (Registered or Expired) ? $"the domain is {state.Phase}"
        : state.AwaitedCommandId is not null ? "a registry command for it is still awaiting its answer"
        : state.DisputeBlock is not null && request is not TransferCodeRequest ? "a dispute decision blocks the domain (KZ-App-2, UA-2.2.3)"
        : state.Ending is not null ? $"the contract ends at {state.Ending.EffectiveAt:u} ({state.Ending.Rule})"
        : null;

    private static void Refuse(RegistrationStep step, string requestId, CustomerRequest request, string reason) =>
        step.Flag($"Customer request {requestId} ({request.Kind}) for {step.State.Order?.DisplayName ?? step.State.RegistrationId} is not carried out: {reason}. Answer the customer.");
}
