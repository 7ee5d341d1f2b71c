using Registrar.Core.Requests;

namespace Registrar.Core.Registrations;

/// <summary>
/// KZ-2.3: a proved DNS change. For .kz/.қаз the customer's change applies at once. For the other zones the offer makes
/// it a request the registrar carries out within 1 business day; the system carries it out at once through the same
/// registry command, so the deadline is only a guard: a change still not confirmed by the registry when it passes
/// (refused, pending, stalled) goes to operations, who finish it and answer the customer. A change left pending is finished
/// by the registry's poll message with its result (RFC 5731 section 3.3).
/// </summary>
internal static class NameserverChangeDecisions
{
    public static void Start(RegistrationStep step, string requestId, DnsChangeRequest request, DateTimeOffset? dueBy)
    {
        if (step.State.NameserverChange is { } pending)
            step.Flag($"DNS change {pending.RequestId} for {step.State.Order!.DisplayName} {ChangeRequestDeadlines.Superseded(requestId)}");
        Ask(step, new NameserverChange(requestId, request.NameServers, dueBy));
    }

    public static void OnAnswered(RegistrationStep step, RegistryOutcome outcome)
    {
        var change = step.State.NameserverChange!;
        switch (outcome)
        {
            case NameserversUpdated updated:
                step.Update(s => s with { AwaitedCommandId = null });
                Applied(step, change, updated.NameServers);
                break;
            case OutcomeUnknown:
                // The flow reads the domain's name servers before it adds or removes any, so asking again reconciles
                // with domain:info instead of repeating the update blindly.
                Ask(step, change);
                break;
            case RegistryPending:
                step.Update(s => s with { AwaitedCommandId = null });
                if (ChangeRequestDeadlines.PendingNotice(change) is { } notice)
                    step.Flag($"DNS change {change.RequestId} for {step.State.Order!.DisplayName} {notice}");
                break;
            default:
                // KZ-2.3: a refused request, or a change the customer makes alone that did not apply: a person finishes it.
                step.Update(s => s with { AwaitedCommandId = null });
                NotApplied(step, change, RenewalAnswers.Describe(outcome));
                break;
        }
    }

    /// <summary>RFC 5731 section 3.3: the registry's later word on the update it left pending.</summary>
    public static bool IsCompletedBy(RegistrationState state, PendingActionResult completed) =>
        state.NameserverChange?.CommandId is { } id && id == completed.CommandId && id != state.AwaitedCommandId;

    public static void OnCompleted(RegistrationStep step, PendingActionResult completed)
    {
        var change = step.State.NameserverChange!;
        if (completed.Succeeded) Applied(step, change, change.NameServers);
        else NotApplied(step, change, ChangeRequestDeadlines.DroppedByRegistry);
    }

    private static void Applied(RegistrationStep step, NameserverChange change, IReadOnlyList<string> nameServers)
    {
        // Statuses not read yet stay unknown.
        step.Update(s => s with
        {
            NameserverChange = null,
            NameServers = nameServers,
            RegistryStatuses = s.RegistryStatuses.Count == 0 ? s.RegistryStatuses : DelegationStatuses.After(s.RegistryStatuses, nameServers.Count > 0),
        });
        step.Notify(NoticeKind.NameserversChanged, new NoticeFacts(RequestId: change.RequestId, NameServers: nameServers));
    }

    private static void NotApplied(RegistrationStep step, NameserverChange change, string answer)
    {
        step.Update(s => s with { NameserverChange = null });
        step.Flag($"DNS change {change.RequestId} for {step.State.Order!.DisplayName} was not applied: the registry answered {answer}. "
            + ChangeRequestDeadlines.FinishIt(change));
    }

    /// <summary>KZ-2.3: a change request not done by the end of its business day is flagged to operations, once.</summary>
    public static void OnTime(RegistrationStep step, DateTimeOffset now)
    {
        if (step.State.NameserverChange is not { } change || !ChangeRequestDeadlines.IsOverdue(change, now)) return;
        step.Update(s => s with { NameserverChange = change with { OverdueFlagged = true } });
        step.Flag($"DNS change {change.RequestId} for {step.State.Order!.DisplayName} ({string.Join(", ", change.NameServers)}) "
            + $"was due by {change.DueBy:u} and the registry has not confirmed it (KZ-2.3).");
    }

    public static DateTimeOffset? NextWake(RegistrationState state) => ChangeRequestDeadlines.NextWake(state.NameserverChange);

    /// <summary>The registry's answer to the change's own command.</summary>
    public static bool Awaits(RegistrationState state, RegistryAnswered answer) =>
        state.NameserverChange?.CommandId is { } id && answer.CommandId == id && id == state.AwaitedCommandId;

    private static void Ask(RegistrationStep step, NameserverChange change)
    {
        var order = step.State.Order!;
        step.AskRegistry(id => new UpdateDomainNameservers(id, step.State.RegistrationId, order.Zone, order.DomainName, change.NameServers));
        step.Update(s => s with { NameserverChange = change with { CommandId = s.AwaitedCommandId } });
    }
}
