namespace Registrar.Core.Registrations;

/// <summary>
/// Which part of the lifecycle a registry answer belongs to: the command it answers names it. Holds, name servers,
/// registrant contact details, registrant changes and transfer codes each await their own command beside the registration's phase; otherwise it is
/// the phase's own command, after registration a renewal's or a deletion's (<see cref="RenewalAnswers"/>), before it a
/// transfer in's (<see cref="TransferInDecisions"/>) or the contact's or the domain's creation (<see cref="CreationAnswers"/>). An answer to a command no longer awaited changes nothing.
/// </summary>
internal static class RegistryAnswerRouting
{
    public static void Route(RegistrationStep step, RegistryAnswered answer, IRegistrationSchedule schedule, DateTimeOffset now)
    {
        var state = step.State;
        if (OperationsDecisions.Awaits(state, answer))
            OperationsDecisions.OnHoldsAnswered(step, answer.Outcome);
        else if (NameserverChangeDecisions.Awaits(state, answer))
            NameserverChangeDecisions.OnAnswered(step, answer.Outcome);
        else if (RegistrantContactChangeDecisions.Awaits(state, answer))
            RegistrantContactChangeDecisions.OnAnswered(step, answer.Outcome);
        else if (RegistrantChangeDecisions.Awaits(state, answer))
            RegistrantChangeDecisions.OnAnswered(step, answer.Outcome);
        else if (TransferCodeDecisions.Awaits(state, answer))
            TransferCodeDecisions.OnAnswered(step, answer.Outcome, schedule, now);
        else if (TransferAwayDecisions.Awaits(state, answer))
            TransferAwayDecisions.OnAnswered(step, answer.Outcome, now);
        else if (answer.CommandId != state.AwaitedCommandId)
            return;
        else if (TooManyUnknownOutcomes(step, answer.Outcome))
            return;
        else if (RenewalDecisions.Covers(state.Phase))
            RenewalAnswers.OnAnswered(step, answer.Outcome, now);
        else if (TransferInDecisions.Covers(state.Phase))
            TransferInDecisions.OnAnswered(step, answer.Outcome);
        else
            CreationAnswers.OnAnswered(step, answer.Outcome);
    }

    /// <summary>An answer to the command of a change beside the phase (name servers, the registrant or its contact details, a
    /// transfer code, the rejection of a transfer away), which that change's flow decides.</summary>
    public static bool IsForAChange(RegistrationState state, RegistryAnswered answer) =>
        NameserverChangeDecisions.Awaits(state, answer) || RegistrantContactChangeDecisions.Awaits(state, answer)
        || RegistrantChangeDecisions.Awaits(state, answer) || TransferCodeDecisions.Awaits(state, answer) || TransferAwayDecisions.Awaits(state, answer);

    /// <summary>Counts an answer that could not be read, and stalls the registration at <see cref="RegistrationDecider.MaxUnknownOutcomes"/>;
    /// any other answer starts the count again, and the count of the host's give-ups too (the registry is reachable again).</summary>
    private static bool TooManyUnknownOutcomes(RegistrationStep step, RegistryOutcome outcome)
    {
        var unknown = outcome is OutcomeUnknown ? step.State.UnknownOutcomes + 1 : 0;
        if (unknown < RegistrationDecider.MaxUnknownOutcomes)
        {
            step.Update(s => s with { UnknownOutcomes = unknown, RegistryRetries = unknown == 0 ? 0 : s.RegistryRetries });
            return false;
        }
        var state = step.State;
        step.Update(s => s with { Phase = RegistrationPhase.Stalled, AwaitedCommandId = null, UnknownOutcomes = 0 });
        step.Flag($"The registry's answers about {state.Order?.DisplayName} could not be read {unknown} times in a row while it was {state.Phase} "
            + "(lost connections, or answers this client refuses): decide how to go on; a retry reads the domain back or asks again.");
        return true;
    }

    /// <summary>RFC 5731, RFC 5733 section 3.3: a change the registry left pending (1001) waits for the poll message naming its
    /// command; any other pending action's message is read as a report on the domain.</summary>
    public static bool AwaitsCompletion(RegistrationState state, PendingActionResult completed) =>
        NameserverChangeDecisions.IsCompletedBy(state, completed) || RegistrantContactChangeDecisions.IsCompletedBy(state, completed);

    public static void RouteCompletion(RegistrationStep step, PendingActionResult completed)
    {
        if (NameserverChangeDecisions.IsCompletedBy(step.State, completed)) NameserverChangeDecisions.OnCompleted(step, completed);
        else RegistrantContactChangeDecisions.OnCompleted(step, completed);
    }
}
