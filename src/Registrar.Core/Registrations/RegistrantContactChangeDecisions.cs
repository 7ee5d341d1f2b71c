using Registrar.Core.Requests;

namespace Registrar.Core.Registrations;

/// <summary>
/// KZ-2.3: a proved change of the registrant's contact details (postal address, phone, e-mail). For .kz/.қаз the customer's
/// change applies at once; for the other zones it is a request the registrar carries out within 1 business day. Either
/// way the registry's registrant contact is updated at once, so the deadline only guards a change the registry has not
/// confirmed when it passes: operations are told, once, and finish it.
/// </summary>
internal static class RegistrantContactChangeDecisions
{
    public static void Start(RegistrationStep step, string requestId, RegistrantContactChangeRequest request, DateTimeOffset? dueBy)
    {
        var change = new RegistrantContactChange(requestId, request.Contact, dueBy);
        if (step.State.RegistrantHandle is null)
        {
            step.Flag($"Contact change {requestId} for {step.State.Order!.DisplayName}: the registry's registrant contact of the domain "
                + "is not known here. Update it by hand and answer the customer (KZ-2.3).");
            return;
        }
        if (step.State.RegistrantContactChange is { } pending)
            step.Flag($"Contact change {pending.RequestId} for {step.State.Order!.DisplayName} {ChangeRequestDeadlines.Superseded(requestId)}");
        Ask(step, change);
    }

    public static void OnAnswered(RegistrationStep step, RegistryOutcome outcome)
    {
        var change = step.State.RegistrantContactChange!;
        switch (outcome)
        {
            case RegistrantContactUpdated:
                step.Update(s => s with { AwaitedCommandId = null });
                Applied(step, change);
                break;
            case RegistrantChanged adopted:
                // The contact was another registrar's (a domain transferred in): the same registrant, now a contact of ours.
                step.Update(s => s with { AwaitedCommandId = null, RegistrantHandle = adopted.Handle, Order = s.Order! with { RegistrantHandle = adopted.Handle } });
                Applied(step, change);
                break;
            case OutcomeUnknown:
                // contact:update sets values: sent again, it changes nothing the first one did.
                Ask(step, change);
                break;
            case RegistryPending:
                step.Update(s => s with { AwaitedCommandId = null });
                if (ChangeRequestDeadlines.PendingNotice(change) is { } notice)
                    step.Flag($"Contact change {change.RequestId} for {step.State.Order!.DisplayName} {notice}");
                break;
            default:
                step.Update(s => s with { AwaitedCommandId = null });
                NotApplied(step, change, RenewalAnswers.Describe(outcome));
                break;
        }
    }

    /// <summary>RFC 5733 section 3.3: the registry's later word on the update it left pending.</summary>
    public static bool IsCompletedBy(RegistrationState state, PendingActionResult completed) =>
        state.RegistrantContactChange?.CommandId is { } id && id == completed.CommandId && id != state.AwaitedCommandId;

    public static void OnCompleted(RegistrationStep step, PendingActionResult completed)
    {
        var change = step.State.RegistrantContactChange!;
        if (completed.Succeeded) Applied(step, change);
        else NotApplied(step, change, ChangeRequestDeadlines.DroppedByRegistry);
    }

    private static void Applied(RegistrationStep step, RegistrantContactChange change)
    {
        var order = step.State.Order!;
        step.Update(s => s with
        {
            // An order that named an existing registry contact (a NIC handle) holds no details to bring up to date.
            Order = order with { Registrant = order.Registrant?.WithContact(change.Contact) },
            RegistrantContactChange = null,
        });
        step.Notify(NoticeKind.RegistrantContactChanged, new NoticeFacts(RequestId: change.RequestId));
    }

    private static void NotApplied(RegistrationStep step, RegistrantContactChange change, string answer)
    {
        step.Update(s => s with { RegistrantContactChange = null });
        step.Flag($"Contact change {change.RequestId} for {step.State.Order!.DisplayName} was not applied: the registry answered {answer}. "
            + ChangeRequestDeadlines.FinishIt(change));
    }

    /// <summary>KZ-2.3: a change request not done by the end of its business day is flagged to operations, once.</summary>
    public static void OnTime(RegistrationStep step, DateTimeOffset now)
    {
        if (step.State.RegistrantContactChange is not { } change || !ChangeRequestDeadlines.IsOverdue(change, now)) return;
        step.Update(s => s with { RegistrantContactChange = change with { OverdueFlagged = true } });
        step.Flag($"Contact change {change.RequestId} for {step.State.Order!.DisplayName} was due by {change.DueBy:u} and the registry "
            + "has not confirmed it (KZ-2.3).");
    }

    public static DateTimeOffset? NextWake(RegistrationState state) => ChangeRequestDeadlines.NextWake(state.RegistrantContactChange);

    /// <summary>The registry's answer to the change's own command.</summary>
    public static bool Awaits(RegistrationState state, RegistryAnswered answer) =>
        state.RegistrantContactChange?.CommandId is { } id && answer.CommandId == id && id == state.AwaitedCommandId;

    private static void Ask(RegistrationStep step, RegistrantContactChange change)
    {
        var state = step.State;
        var order = state.Order!;
        step.AskRegistry(id => new UpdateRegistrantContact(id, state.RegistrationId, order.Zone, order.DomainName, state.RegistrantHandle!, change.Contact,
            order.Registrant?.WithContact(change.Contact)));
        step.Update(s => s with { RegistrantContactChange = change with { CommandId = s.AwaitedCommandId } });
    }
}
