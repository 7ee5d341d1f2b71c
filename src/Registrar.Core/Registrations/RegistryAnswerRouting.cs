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
        else if (IsForAChange(state, answer))
            RouteToChange(step, answer with { Outcome = CountedForAChange(step, answer.Outcome) }, schedule, now);
        else if (answer.CommandId != state.AwaitedCommandId)
            return;
        else if (!TooManyUnknownOutcomes(step, answer.Outcome))
            RouteToPhase(step, answer.Outcome, now);
    }

    private static void RouteToChange(RegistrationStep step, RegistryAnswered answer, IRegistrationSchedule schedule, DateTimeOffset now)
    {
        var state = step.State;
        if (NameserverChangeDecisions.Awaits(state, answer))
            NameserverChangeDecisions.OnAnswered(step, answer.Outcome);
        else if (RegistrantContactChangeDecisions.Awaits(state, answer))
            RegistrantContactChangeDecisions.OnAnswered(step, answer.Outcome);
        else if (RegistrantChangeDecisions.Awaits(state, answer))
            RegistrantChangeDecisions.OnAnswered(step, answer.Outcome);
        else if (TransferCodeDecisions.Awaits(state, answer))
            TransferCodeDecisions.OnAnswered(step, answer.Outcome, schedule, now);
        else
            TransferAwayDecisions.OnAnswered(step, answer.Outcome, now);
    }

    private static void RouteToPhase(RegistrationStep step, RegistryOutcome outcome, DateTimeOffset now)
    {
        var phase = step.State.Phase;
        if (RenewalDecisions.Covers(phase))
            RenewalAnswers.OnAnswered(step, outcome, now);
        else if (TransferInDecisions.Covers(phase))
            TransferInDecisions.OnAnswered(step, outcome);
        else
            CreationAnswers.OnAnswered(step, outcome);
        // A read-back that settled the command whose answer was lost leaves nothing awaited: the next command starts its own count.
        if (step.State is { AwaitedCommandId: null, UnknownOutcomes: > 0 })
            step.Update(s => s with { UnknownOutcomes = 0 });
    }

    /// <summary>An answer to the command of a change beside the phase (name servers, the registrant or its contact details, a
    /// transfer code, the rejection of a transfer away), which that change's flow decides.</summary>
    public static bool IsForAChange(RegistrationState state, RegistryAnswered answer) =>
        NameserverChangeDecisions.Awaits(state, answer) || RegistrantContactChangeDecisions.Awaits(state, answer)
        || RegistrantChangeDecisions.Awaits(state, answer) || TransferCodeDecisions.Awaits(state, answer) || TransferAwayDecisions.Awaits(state, answer);

    /// <summary>A change's command answered unreadably is asked again, which each change's flow makes safe, up to
    /// <see cref="RegistrationDecider.MaxUnknownOutcomes"/> times in a row (its read-backs counting as for the phase's command);
    /// then it is answered as not carried out, as when the host gives up on it, and its flow hands it to operations.</summary>
    private static RegistryOutcome CountedForAChange(RegistrationStep step, RegistryOutcome outcome)
    {
        var unknown = Counted(step.State, outcome);
        if (unknown < RegistrationDecider.MaxUnknownOutcomes)
        {
            step.Update(s => s with { UnknownOutcomes = unknown });
            return outcome;
        }
        step.Update(s => s with { UnknownOutcomes = 0 });
        return new RegistryRefused(0, $"the registry's answers could not be read {unknown} times in a row (lost connections, or answers this client refuses)");
    }

    private static int Counted(RegistrationState state, RegistryOutcome outcome) => outcome switch
    {
        OutcomeUnknown => state.UnknownOutcomes + 1,
        DomainInfo => state.UnknownOutcomes,
        _ => 0,
    };

    /// <summary>Counts an answer that could not be read, and stalls the registration at <see cref="RegistrationDecider.MaxUnknownOutcomes"/>;
    /// any other answer starts the count again, and the count of the host's give-ups too (the registry is reachable again). A
    /// read-back's answer does not: it tells what became of the command whose answer was lost, and that command, asked again,
    /// is lost again against a registry that drops it every time (create, info, create… without end).</summary>
    private static bool TooManyUnknownOutcomes(RegistrationStep step, RegistryOutcome outcome)
    {
        var unknown = Counted(step.State, outcome);
        if (unknown < RegistrationDecider.MaxUnknownOutcomes)
        {
            step.Update(s => s with { UnknownOutcomes = unknown, RegistryRetries = outcome is OutcomeUnknown ? s.RegistryRetries : 0 });
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
