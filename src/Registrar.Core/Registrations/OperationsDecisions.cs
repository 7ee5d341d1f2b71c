using Registrar.Core.Contracts;
using static Registrar.Core.Registrations.RegistrationPhase;

namespace Registrar.Core.Registrations;

/// <summary>
/// What operations decide about a registered domain, carried out by the lifecycle: suspension (UA-2.3.1), dispute
/// decisions (KZ-App-2, UA-2.2.3), breach notices (KZ-App-4), the registrar's terminations (UA-1.3.4.1, UA-2.3.2,
/// UA-1.3.6), another agreement's restriction on transfer (KZ-App-9) and the cancel of a pending transfer in (RFC 5731 section 3.2.4). A decision that does not apply to the registration as it is now changes nothing and goes back to
/// operations; the API refuses what it can see before raising one, the lifecycle judges what only its state knows.
/// </summary>
internal static class OperationsDecisions
{
    /// <summary>KZ-App-4 is item 4 of the `.kz` offer's appendix, as the customer reads it there.</summary>
    private const string BreachClause = "4";

    public static void OnDecided(RegistrationStep step, OperationsDecided decided, IRegistrationSchedule schedule)
    {
        if (Refusal(step.State, decided.Decision) is { } refusal)
        {
            step.Flag($"{decided.DecidedBy} decided {decided.Decision.Kind} for {step.State.Order?.DisplayName ?? step.State.RegistrationId}, "
                + $"but {refusal}: nothing was changed.");
            return;
        }
        var at = decided.DecidedAt;
        switch (decided.Decision)
        {
            case SuspendService suspend:
                step.Update(s => s with { Suspension = new ServiceSuspension(suspend.Ground, at) });
                SetHolds(step);
                // UA-2.3.1: the notice names the offer's clause and asks the registrant to explain in writing.
                step.Notify(NoticeKind.Suspended, new NoticeFacts(Clause: suspend.Clause));
                break;
            case ResumeService:
                step.Update(s => s with { Suspension = null });
                SetHolds(step);
                step.Notify(NoticeKind.Unsuspended);
                break;
            case DisputeDecision { Outcome: DisputeOutcome.Block } block:
                step.Update(s => s with { DisputeBlock = new DisputeBlock(block.Document, at) });
                SetHolds(step);
                step.Notify(NoticeKind.Blocked, new NoticeFacts(Document: block.Document));
                break;
            case DisputeDecision { Outcome: DisputeOutcome.Unblock } unblock:
                step.Update(s => s with { DisputeBlock = null });
                SetHolds(step);
                step.Notify(NoticeKind.Unblocked, new NoticeFacts(Document: unblock.Document));
                break;
            case DisputeDecision { Outcome: DisputeOutcome.Delete } delete:
                step.Update(s => s with { Ending = new ServiceEnding(delete.Rule, at, null) });
                break;
            case DisputeDecision { Outcome: DisputeOutcome.Redelegate, Registrant: { } registrant } redelegate:
                RegistrantChangeDecisions.Redelegate(step, decided.EventId, registrant);
                step.Flag($"{step.State.Order!.DisplayName} is re-delegated to another registrant on {redelegate.Document} ({redelegate.Rule}): "
                    + "settle this customer's account for it.");
                break;
            case BreachNotice notice:
                step.Update(s => s with { Breach = new PendingBreach(at, notice.CureDeadline) });
                step.Notify(NoticeKind.BreachNoticed, new NoticeFacts(DeletionAt: notice.CureDeadline, Clause: BreachClause));
                break;
            case BreachCured:
                // KZ-App-4: the registrant was told in writing the registration would be cancelled, and asked to reply: the
                // acceptance of the cure is told as well.
                step.Notify(NoticeKind.BreachCured, new NoticeFacts(Clause: BreachClause));
                step.Update(s => s with { Breach = null });
                break;
            case TerminationNotice termination:
                // UA-1.3.4.1: the contract ends 30 days after the notice, but the renewal is no longer invoiced, so an unpaid
                // domain cannot outlive its deletion (UA-1.12: at the latest 28 days after expiry); the registrant is told the
                // earlier date. An immediate end (UA-2.3.2, UA-1.3.6) is never later than it.
                var effectiveAt = RenewalDecisions.NoLaterThanUnpaidDeletion(step.State, termination.EffectiveAt, schedule);
                step.Update(s => s with { Ending = new ServiceEnding(termination.Rule, effectiveAt, termination.Ground) });
                // UA-Pre-6: the registrant asked for the end (an erasure request), so the notice confirms it rather than gives it.
                var told = termination.Ground == TerminationGround.ErasureRequest ? NoticeKind.TerminationConfirmed : NoticeKind.TerminationNoticed;
                step.Notify(told, TerminationFacts(termination.Ground, effectiveAt, termination.Rule));
                break;
            case RestrictTransfer restriction:
                // KZ-App-9: recorded, not told: the customer is a party to the agreement; a transfer code request names it.
                step.Update(s => s with { TransferRestriction = new TransferRestriction(restriction.Agreement, at) });
                // A registry refuses clientTransferProhibited beside pendingTransfer (2304): the pending transfer is rejected first
                // (TransferAwayDecisions), and the hold set once its answer shows the transfer gone.
                if (!step.State.RegistryStatuses.Contains(TransferAwayDecisions.PendingTransfer, StringComparer.OrdinalIgnoreCase)) SetHolds(step);
                break;
            case LiftTransferRestriction:
                step.Update(s => s with { TransferRestriction = null });
                SetHolds(step);
                break;
            case CancelTransferIn:
                TransferInDecisions.Cancel(step);
                break;
        }
    }

    /// <summary>UA-1.3.4.1, KZ-App-4: the period runs from the letter, which the decision counted from its own instant; a letter
    /// that left on a later local day (the mail service was down) moves the end to its own count, never earlier. The customer
    /// gets the letter again with the end it now has, and operations are told. An end already carried out stays: the letter
    /// then came too late to change it.</summary>
    public static void OnNoticeSent(RegistrationStep step, NoticeSent sent, IRegistrationSchedule schedule)
    {
        var state = step.State;
        var zone = state.Order!.Zone;
        switch (sent.Kind)
        {
            case NoticeKind.TerminationNoticed when state.Ending is { Ground: TerminationGround.RegistrarNotice, CarriedOut: false } ending
                && schedule.RegistrarNoticeEndsAt(zone, sent.SentAt) is { } endsAt
                && RenewalDecisions.NoLaterThanUnpaidDeletion(state, endsAt, schedule) is var later && later > ending.EffectiveAt:
                step.Update(s => s with { Ending = ending with { EffectiveAt = later } });
                step.Notify(NoticeKind.TerminationNoticed, TerminationFacts(ending.Ground, later, RegistrarTermination.Rule));
                step.Flag($"The termination notice for {state.Order.DisplayName} left at {sent.SentAt:u}, after the day it was decided: "
                    + $"the contract now ends at {later:u}, counted from the letter, not at {ending.EffectiveAt:u} ({RegistrarTermination.Rule}).");
                break;
            case NoticeKind.BreachNoticed when state.Breach is { } breach
                && schedule.BreachCureEndsAt(zone, sent.SentAt) is { } cureBy && cureBy > breach.CureDeadline:
                step.Update(s => s with { Breach = breach with { CureDeadline = cureBy } });
                step.Notify(NoticeKind.BreachNoticed, new NoticeFacts(DeletionAt: cureBy, Clause: BreachClause));
                step.Flag($"The breach notice for {state.Order.DisplayName} left at {sent.SentAt:u}, after the day it was decided: the "
                    + $"customer may cure it until {cureBy:u}, not {breach.CureDeadline:u} ({BreachCure.Rule}).");
                break;
        }
    }

    /// <summary>After every decision: a breach whose cure time ran out becomes the registration's end (KZ-App-4), and an
    /// end that took effect deletes the domain as soon as no other registry command is out.</summary>
    public static void OnTime(RegistrationStep step, DateTimeOffset now, IRegistrationSchedule schedule)
    {
        if (step.State.Breach is { } breach && now >= breach.CureDeadline && step.State.Ending is null)
        {
            step.Update(s => s with
            {
                Breach = null,
                Ending = new ServiceEnding(BreachCure.Rule, breach.CureDeadline, TerminationGround.BreachUncured),
            });
        }
        if (step.State.Ending is not { CarriedOut: false } ending || now < ending.EffectiveAt) return;
        if (step.State.Phase is Deleting or Deleted or TransferredAway or Closed)
        {
            step.Update(s => s with { Ending = ending with { CarriedOut = true } });
            return;
        }
        if (step.State.AwaitedCommandId is not null) return; // the answer's decision comes back here
        var order = step.State.Order!;
        step.Update(s => s with { Phase = Deleting, Ending = ending with { CarriedOut = true } });
        step.AskRegistry(id => new DeleteDomain(id, step.State.RegistrationId, order.Zone, order.DomainName));
        if (ending.Ground == TerminationGround.RegistrarNotice)
        {
            // UA-6.2, UA-6.3: the registrar ended its service early, so whole unused months are paid back. The quote's day is the
            // last one served, in the registrar's time zone: an end at midnight leaves the month starting that midnight wholly
            // unused, and the instant's own offset (UTC once stored) says nothing of the registrar's date.
            var lastDayServed = schedule.LocalDate(order.Zone, ending.EffectiveAt.AddTicks(-1));
            step.Flag($"The registrar ended the service of {order.DisplayName} early (UA-1.3.4.1): refund the whole unused months, "
                + $"quoted at /api/ops/registrations/{step.State.RegistrationId}/early-termination-refund?on={lastDayServed:yyyy-MM-dd} (UA-6.2, UA-6.3).");
        }
    }

    /// <summary>UA-6.2, UA-6.3: the registrar's own notice also tells the registrant of the refund of whole unused months it owes.</summary>
    private static NoticeFacts TerminationFacts(TerminationGround? ground, DateTimeOffset endsAt, string rule) =>
        new(DeletionAt: endsAt, Clause: Clause(rule), Rules: ground == TerminationGround.RegistrarNotice ? ["UA-6.2", "UA-6.3"] : null);

    public static DateTimeOffset? NextWake(RegistrationState state)
    {
        if (state.Ending is { CarriedOut: false } ending) return state.AwaitedCommandId is null ? ending.EffectiveAt : null;
        return state.Breach?.CureDeadline;
    }

    /// <summary>The registry's answer to the holds' own command.</summary>
    public static bool Awaits(RegistrationState state, RegistryAnswered answer) => answer.CommandId == state.HoldsCommandId;

    /// <summary>KZ-App-9: the holds a restriction wants and the registry does not show, once no pending transfer bars them.</summary>
    public static void SetMissingHolds(RegistrationStep step, DomainInfo info)
    {
        var shown = info.Statuses;
        if (step.State.HoldsCommandId is null && !shown.Contains(TransferAwayDecisions.PendingTransfer, StringComparer.OrdinalIgnoreCase)
            && WantedHolds(step.State).Any(hold => !shown.Contains(hold, StringComparer.OrdinalIgnoreCase)))
            SetHolds(step);
    }

    public static void OnHoldsAnswered(RegistrationStep step, RegistryOutcome outcome)
    {
        if (outcome is HoldsUpdated reported)
            step.Update(s => s with { RegistryStatuses = WithHolds(s.RegistryStatuses, reported.Holds) });
        switch (outcome)
        {
            case HoldsUpdated updated when updated.Holds.Order().SequenceEqual(WantedHolds(step.State).Order()):
                step.Update(s => s with { HoldsCommandId = null });
                break;
            case HoldsUpdated or OutcomeUnknown:
                SetHolds(step); // the flow reads the domain first, so asking again reconciles
                break;
            default:
                step.Update(s => s with { HoldsCommandId = null });
                step.Flag($"The registry did not set the holds of {step.State.Order!.DisplayName} to "
                    + $"[{string.Join(", ", WantedHolds(step.State))}]: it answered {RenewalAnswers.Describe(outcome)}. Set them by hand (UA-2.3.1, KZ-App-2).");
                break;
        }
    }

    /// <summary>UA-2.3.1 suspends by taking the domain out of the zone; a dispute block also keeps it from being transferred, and
    /// so does another agreement that forbids the transfer (KZ-App-9), so a code issued before it cannot move the domain.</summary>
    public static IReadOnlyList<string> WantedHolds(RegistrationState state)
    {
        if (state.DisputeBlock is not null) return SetDomainHolds.ManagedHolds;
        var holds = new List<string>();
        if (state.Suspension is not null) holds.Add("clientHold");
        if (state.TransferRestriction is not null) holds.Add("clientTransferProhibited");
        return holds;
    }

    /// <summary>The registry said which of the managed holds the domain carries; its other statuses stay as last read. "ok" stands
    /// only alone (RFC 5731 section 2.3): it goes with a hold and comes back once none is left.</summary>
    private static IReadOnlyList<string> WithHolds(IReadOnlyList<string> statuses, IReadOnlyList<string> holds)
    {
        if (statuses.Count == 0 && holds.Count == 0) return statuses;
        List<string> now =
        [
            .. statuses.Where(s => !SetDomainHolds.ManagedHolds.Contains(s, StringComparer.OrdinalIgnoreCase) && !s.Equals("ok", StringComparison.OrdinalIgnoreCase)),
            .. holds,
        ];
        return now.Count > 0 ? now : ["ok"];
    }

    private static void SetHolds(RegistrationStep step)
    {
        var order = step.State.Order!;
        var id = step.Issue(id => new SetDomainHolds(id, step.State.RegistrationId, order.Zone, order.DomainName, WantedHolds(step.State)));
        step.Update(s => s with { HoldsCommandId = id });
    }

    /// <summary>Null when the decision applies to the registration as it is now; otherwise why not.</summary>
    private static string? Refusal(RegistrationState state, OperationsDecision decision)
    {
        if (!decision.AppliesTo(state.Phase, state.ExpiresAt))
            return $"the registration is {state.Phase}: {decision.AppliesWhen}";
        if (state.Ending is { } ending && (ending.CarriedOut || !decision.EndsSoonerThan(ending.EffectiveAt)))
            return $"the contract already ends at {ending.EffectiveAt:u} ({ending.Rule})";
        return decision switch
        {
            SuspendService when state.Suspension is not null => "the service is already suspended (UA-2.3.1)",
            ResumeService when state.Suspension is null => "the service is not suspended (UA-2.3.1)",
            DisputeDecision { Outcome: DisputeOutcome.Block } when state.DisputeBlock is not null => "a dispute decision already blocks the domain",
            DisputeDecision { Outcome: DisputeOutcome.Unblock } when state.DisputeBlock is null => "no dispute decision blocks the domain",
            DisputeDecision { Outcome: DisputeOutcome.Redelegate, Registrant: null } => "the re-delegation names no registrant",
            DisputeDecision { Outcome: DisputeOutcome.Redelegate } when state.AwaitedCommandId is not null || state.RegistrantChange is not null =>
                "a registry command or registrant change for it is still under way",
            BreachNotice when state.Breach is not null => "a breach notice is already running (KZ-App-4)",
            BreachCured when state.Breach is null => "no breach notice is running (KZ-App-4)",
            RestrictTransfer when state.TransferRestriction is not null =>
                $"the agreement {state.TransferRestriction.Agreement} already forbids its transfer (KZ-App-9)",
            LiftTransferRestriction when state.TransferRestriction is null => "no agreement forbids its transfer (KZ-App-9)",
            CancelTransferIn when state.TransferInCancelCommandId is not null || state.TransferInCancelWaiting =>
                "its cancel is already on its way to the registry",
            _ => null,
        };
    }

    /// <summary>"UA-1.3.4.1" is clause 1.3.4.1 of the .ua offer, as the customer reads it there. A preamble item (UA-Pre-6) has
    /// no clause number: the notice names none rather than point at the offer's section of that number.</summary>
    public static string? Clause(string rule) =>
        rule.StartsWith("UA-Pre-", StringComparison.Ordinal) ? null
        : rule.StartsWith("UA-", StringComparison.Ordinal) ? rule[3..] : rule;
}
