using static Registrar.Core.Registrations.RegistrationPhase;

namespace Registrar.Core.Registrations;

/// <summary>
/// UA-3.5, KZ-App-9: another registrar asked for a domain we sponsor, and the registry holds the transfer pending for our
/// answer (RFC 5731 section 3.2.4: the sponsor approves or rejects; the registry approves one left unanswered). The offer's
/// terms decide as for a transfer code (<see cref="TransferEligibility"/>): while one refuses it (a renewal unpaid past expiry,
/// another agreement, a ban), the transfer is rejected once and the customer is told each reason and its rule; otherwise (a
/// renewal invoice for the next term is a prepayment, not a debt) it is left to go through.
/// </summary>
internal static class TransferAwayDecisions
{
    public const string PendingTransfer = "pendingTransfer";

    /// <summary>The registry's answer to the reject's own command.</summary>
    public static bool Awaits(RegistrationState state, RegistryAnswered answer) =>
        state.TransferAwayRejectionCommandId is { } id && answer.CommandId == id && id == state.AwaitedCommandId;

    public static void OnAnswered(RegistrationStep step, RegistryOutcome outcome, DateTimeOffset now)
    {
        switch (outcome)
        {
            case DomainInfo info:
                RenewalAnswers.OnAnswered(step, info, now);
                if (step.State.Phase is Registered or Expired) OperationsDecisions.SetMissingHolds(step, info);
                break;
            case OutcomeUnknown:
                // A reject repeated after one that took effect finds nothing pending and reads the domain back.
                Reject(step);
                break;
            default:
                step.Update(s => s with { AwaitedCommandId = null });
                step.Flag($"The transfer of {step.State.Order!.DisplayName} to another registrar could not be rejected: the registry answered "
                    + $"{RenewalAnswers.Describe(outcome)}. Reject it by hand before the registry approves it (UA-3.5, KZ-App-9).");
                break;
        }
    }

    /// <summary>After every decision: a pending transfer the registry showed last is judged once; one no longer shown is forgotten.</summary>
    public static void OnTime(RegistrationStep step, IRegistrationSchedule schedule, DateTimeOffset now)
    {
        var state = step.State;
        var pending = state.RegistryStatuses.Contains(PendingTransfer, StringComparer.OrdinalIgnoreCase);
        if (!pending)
        {
            if (state.TransferAwayRejectionCommandId is not null && state.AwaitedCommandId != state.TransferAwayRejectionCommandId)
                step.Update(s => s with { TransferAwayRejectionCommandId = null });
            return;
        }
        if (state.Phase is not (Registered or Expired) || state.AwaitedCommandId is not null || state.TransferAwayRejectionCommandId is not null) return;
        var refusals = schedule.TransferRules(state.Order!.Zone).Refusals(TransferCodeDecisions.Situation(state, state.RegistryStatuses, now));
        if (refusals.Count == 0) return;
        Reject(step);
        step.Notify(NoticeKind.TransferAwayRejected, new NoticeFacts(
            TransferRefusals: [.. refusals.Select(r => r.Reason)], Rules: [.. refusals.Select(r => r.Rule).Distinct()]));
    }

    private static void Reject(RegistrationStep step)
    {
        var order = step.State.Order!;
        step.AskRegistry(id => new RejectTransferAway(id, step.State.RegistrationId, order.Zone, order.DomainName));
        step.Update(s => s with { TransferAwayRejectionCommandId = s.AwaitedCommandId });
    }
}
