using Registrar.Core.Lifecycle;

namespace Registrar.Core.Registrations;

/// <summary>
/// A registration's lifecycle from payment to a registered domain (<see cref="CreationAnswers"/>), and
/// (<see cref="RenewalDecisions"/>) its life after that until it is deleted or transferred away: pure and deterministic.
/// A registry answer goes where <see cref="RegistryAnswerRouting"/> says. It never asks the registry twice for the same
/// create or renew: an unknown outcome is reconciled with info.
/// </summary>
public sealed class RegistrationDecider(IRegistrationSchedule schedule)
    : ILifecycleDecider<RegistrationState, RegistrationEvent, RegistrationCommand>
{
    private readonly RenewalDecisions _renewals = new(schedule);

    /// <summary>How long a command a host gave up on waits before it is tried again by itself: long
    /// enough for an outage of mail or storage to pass, short enough that a notice is not a day late.</summary>
    public static readonly TimeSpan FailedCommandRetryDelay = TimeSpan.FromHours(1);

    public RegistrationState InitialState(string instanceId) => new(instanceId, RegistrationPhase.AwaitingPayment);

    public RegistrationEvent TimerDue(DateTimeOffset dueAt) => new RegistrationTimerDue($"timer:{dueAt.UtcTicks}", dueAt);

    /// <summary>Answers in a row that could not be read before the registration stalls: a lost connection now and then is read
    /// back, a registry whose every answer this client refuses (RFC 5730 2.5: a clTRID not its own) is not asked again and again
    /// (each attempt a login as well).</summary>
    public const int MaxUnknownOutcomes = 5;

    public RegistrationEvent CommandFailed(RegistrationCommand command, string reason) =>
        new RegistrationCommandFailed($"failed:{command.CommandId}", command, reason);

    /// <summary>Only the payment starts a registration's life; anything else for an unknown id is stray.</summary>
    public bool StartsInstance(RegistrationEvent @event) => @event is RegistrationPaid;

    public string Describe(RegistrationState state) => state.Phase.ToString();

    /// <summary>Each decision numbers its commands from the registration's own counter (<see cref="RegistrationStep"/>).</summary>
    public string CommandId(string instanceId, RegistrationCommand command) => command.CommandId;

    /// <summary>Ended, with nothing left to try again: a notice that failed on closing still gets its retries.</summary>
    public bool IsTerminal(RegistrationState state) => state.Phase.HasEnded() && state.FailedCommands.Count == 0;

    /// <summary>A view recorded later shows the registration as it is since (the view store keeps the highest sequence); an
    /// earlier view's erasure date (UA-Pre-6) is the later one's too, as the instant a registration ended is kept.</summary>
    public bool Supersedes(RegistrationCommand later, RegistrationCommand earlier) =>
        later is RecordRegistrationView newer && earlier is RecordRegistrationView older
        && newer.RegistrationId == older.RegistrationId && newer.Sequence > older.Sequence;

    public Decision<RegistrationState, RegistrationCommand> Decide(RegistrationState state, RegistrationEvent @event, DateTimeOffset now)
    {
        var step = new RegistrationStep(state);
        switch (@event)
        {
            case RegistrationPaid paid when state.Phase == RegistrationPhase.AwaitingPayment:
                OnPaid(step, paid);
                break;
            case TrademarkReviewed review when state.Phase == RegistrationPhase.AwaitingTrademarkReview:
                OnTrademarkReviewed(step, review);
                break;
            case RegistryAnswered answer:
                RegistryAnswerRouting.Route(step, answer, schedule, now);
                break;
            case RegistrationTimerDue:
                OnTimerDue(step, now);
                break;
            case RegistrationCommandFailed failed:
                OnCommandFailed(step, failed, now);
                break;
            case OperationsRetried:
                OnOperationsRetried(step, now);
                break;
            case ViewRecordAgainRequested:
                step.RecordView();
                break;
            case RenewalInvoiceIssued issued when RegistrantChangeDecisions.IsInvoicedBy(state, issued):
                RegistrantChangeDecisions.OnInvoiceIssued(step, issued);
                break;
            case RenewalPaid paid when RegistrantChangeDecisions.IsPaidBy(state, paid):
                RegistrantChangeDecisions.OnPaid(step);
                break;
            case RenewalInvoiceIssued issued when issued.CommandId == state.Renewal.InvoiceCommandId:
                _renewals.OnInvoiceIssued(step, issued, now);
                break;
            case RenewalInvoiceIssued stale when !state.Renewal.Invoices().Contains(stale.InvoiceNumber):
                // The round that asked for it ended while it was being issued (the registry renewed the domain, say): no payment
                // may be taken for it.
                RenewalDecisions.CancelInvoices(step, [stale.InvoiceNumber], endingRule: Orders.InvoiceCancellation.RoundEndedRule);
                break;
            case RenewalPaid paid:
                _renewals.OnPaid(step, paid);
                break;
            case RegistryObserved observed when CreationAnswers.IsWaitingForPendingCreate(state):
                step.Update(s => s with { Phase = RegistrationPhase.Reconciling });
                CreationAnswers.OnAnswered(step, observed.Info);
                break;
            case RegistryObserved observed when TransferInDecisions.IsWaiting(state):
                TransferInDecisions.OnReadBack(step, observed.Info);
                break;
            case RegistryReported { Completed: { } completed } when RegistryAnswerRouting.AwaitsCompletion(state, completed):
                RegistryAnswerRouting.RouteCompletion(step, completed);
                break;
            case RegistryReported when TransferInDecisions.IsWaiting(state):
                step.AskRegistry(id => new QueryDomain(id, state.RegistrationId, state.Order!.Zone, state.Order.DomainName));
                break;
            case RegistryReported { Completed: { Succeeded: false } refused } when CreationAnswers.IsWaitingForPendingCreate(state):
                CreationAnswers.OnPendingCreateRefused(step, refused);
                break;
            case RegistryReported when CreationAnswers.IsWaitingForPendingCreate(state):
                step.Update(s => s with { Phase = RegistrationPhase.Reconciling });
                step.AskRegistry(id => new QueryDomain(id, state.RegistrationId, state.Order!.Zone, state.Order.DomainName));
                break;
            case RegistryObserved observed:
                RenewalDecisions.OnObserved(step, observed.Info, now);
                break;
            case RegistryReported:
                RenewalDecisions.OnReported(step);
                break;
            case CustomerRequestMade made:
                CustomerRequestDecisions.OnMade(step, made, schedule, now);
                break;
            case CustomerRequestProved proved:
                CustomerRequestDecisions.OnProved(step, proved, schedule, now);
                break;
            case ContactEmailChangeReviewed reviewed:
                ContactEmailChangeDecisions.OnReviewed(step, reviewed);
                break;
            case OperationsDecided decided:
                OperationsDecisions.OnDecided(step, decided, schedule);
                break;
            case NoticeSent sent:
                OperationsDecisions.OnNoticeSent(step, sent, schedule);
                break;
            case RenewalInvoiceRequested requested:
                RenewalInvoiceRequestDecisions.OnRequested(step, requested, _renewals, now);
                break;
            case NoticeResendRequested resend when state.Order is not null:
                // A new notice under its own id, so it is claimed and sent once like any other, to the address the state holds now.
                step.Notify(resend.Kind, resend.Facts);
                break;
            case CustomerChoseAfterNameTaken choice when state.Phase == RegistrationPhase.NameTaken:
                step.Update(s => s with { Phase = RegistrationPhase.Closed });
                if (choice.Choice == CustomerChoice.Refund)
                    step.Flag($"Customer chose a refund for {state.Order!.DisplayName}: pay out the held money (KZ-2.1).");
                else
                    // KZ-2.1: the money stays held until it pays the new order, as a held payment operations can apply.
                    step.Issue(id => new HoldPaymentForAnotherName(id, state.RegistrationId, state.Order!.CustomerId, state.Order.OrderId));
                break;
        }
        // A decided end takes effect on whichever event comes first once it is due: its timer, or the answer it waited for.
        OperationsDecisions.OnTime(step, now, schedule);
        TransferAwayDecisions.OnTime(step, schedule, now);
        return step.Build(state, WakeAt(step.State), now);
    }

    private void OnTimerDue(RegistrationStep step, DateTimeOffset now)
    {
        var state = step.State;
        if (IsOverdue(state, now))
        {
            // KZ-2.1: the registration was not done within the business-day deadline.
            step.Update(s => s with { OverdueFlagged = true });
            step.Flag($"Registration of {state.Order!.DisplayName} is overdue: due by {state.DueBy:u} (KZ-2.1).");
        }
        if (state.RetryFailedAt is { } retryAt && now >= retryAt) RetryFailedCommands(step);
        if (RegistryOutageRetries.NextWake(state) is { } askAgainAt && now >= askAgainAt) ResumeStalled(step, now);
        NameserverChangeDecisions.OnTime(step, now);
        RegistrantContactChangeDecisions.OnTime(step, now);
        _renewals.OnTime(step, now);
    }

    private void OnCommandFailed(RegistrationStep step, RegistrationCommandFailed failed, DateTimeOffset now)
    {
        var state = step.State;
        if (failed.Command.CommandId == state.HoldsCommandId)
        {
            OperationsDecisions.OnHoldsAnswered(step, new RegistryRefused(0, failed.Reason));
            return;
        }
        if (failed.Command.CommandId == state.AwaitedCommandId)
        {
            // The registry was never asked, or its answer never came back. A change beside the phase is answered as not carried
            // out, which its flow hands to operations while the registration goes on; the phase's own command is asked again.
            var notCarriedOut = new RegistryAnswered(failed.EventId, failed.Command.CommandId, new RegistryRefused(0, failed.Reason));
            if (RegistryAnswerRouting.IsForAChange(state, notCarriedOut)) RegistryAnswerRouting.Route(step, notCarriedOut, schedule, now);
            else RegistryOutageRetries.OnGivenUp(step, failed, now);
            return;
        }
        if (failed.Command.Route == CommandRoute.Registry
            || state.FailedCommands.Any(c => c.CommandId == failed.Command.CommandId))
        {
            return; // a registry command no longer awaited, or a failure already recorded
        }

        // Mail, records and flags keep their ids when tried again, so the effect still happens once.
        step.Update(s => s with { FailedCommands = [.. s.FailedCommands, failed.Command], RetryFailedAt = now + FailedCommandRetryDelay });
        if (failed.Command is not FlagForOperations)
            step.Flag($"Could not carry out {failed.Command.GetType().Name} for registration {state.RegistrationId} ({failed.Reason}); it is tried again at {now + FailedCommandRetryDelay:u}.");
    }

    private void OnOperationsRetried(RegistrationStep step, DateTimeOffset now)
    {
        if (step.State.FailedCommands.Count > 0) RetryFailedCommands(step);
        if (step.State.Phase != RegistrationPhase.Stalled) return;
        step.Update(s => s with { RegistryRetries = 0 });
        ResumeStalled(step, now);
    }

    private void ResumeStalled(RegistrationStep step, DateTimeOffset now)
    {
        // A fresh attempt: a refusal of it is checked with the registry again before it stalls.
        step.Update(s => s with { RetryRegistryAt = null, Renewal = s.Renewal with { CheckedAfterRefusal = false } });
        if (step.State.ExpiresAt is null && step.State.Order!.TransferIn) TransferInDecisions.Request(step);
        else if (step.State.ExpiresAt is null) CreationAnswers.StartRegistering(step);
        // UA-1.5.6, UA-1.3.4.1, UA-Pre-6: no timer asks again for a delete the registrant requested or an ended contract made.
        else if (step.State.DeletionRequestId is not null || step.State.Ending is { CarriedOut: true }) RenewalDecisions.Delete(step);
        else _renewals.Resume(step, now);
    }

    private static void RetryFailedCommands(RegistrationStep step)
    {
        var failed = step.State.FailedCommands;
        step.Update(s => s with { FailedCommands = [], RetryFailedAt = null });
        foreach (var command in failed) step.Reissue(command);
    }

    private void OnPaid(RegistrationStep step, RegistrationPaid paid)
    {
        var order = paid.Order;
        var dueBy = CalendarWaits.GuardOrFlag(step, $"the registration of {order.DisplayName}", () => schedule.RegistrationDueBy(order.Zone, paid.PaidAt));
        step.Update(s => s with
        {
            Order = order,
            PaidAt = paid.PaidAt,
            DueBy = dueBy,
            RegistrantHandle = order.RegistrantHandle,
        });
        if (order.TransferIn)
        {
            TransferInDecisions.Request(step);
            return;
        }
        if (order.TrademarkRequired)
        {
            // UA-Pre-7: the registry is asked only after operations approve the trademark.
            step.Update(s => s with { Phase = RegistrationPhase.AwaitingTrademarkReview });
            step.Flag($"{TrademarkReviewed.ReviewRequest}{order.DisplayName} before it is registered (UA-Pre-7).", TrademarkReviewed.ReviewItemFor(step.State.RegistrationId));
            return;
        }
        CreationAnswers.StartRegistering(step);
    }

    private static void OnTrademarkReviewed(RegistrationStep step, TrademarkReviewed review)
    {
        if (review.Approved)
        {
            CreationAnswers.StartRegistering(step);
            return;
        }
        var order = step.State.Order!;
        step.Update(s => s with { Phase = RegistrationPhase.Closed });
        // UA-Pre-7: the customer is told why, in the words operations gave.
        step.Notify(NoticeKind.TrademarkRejected, new NoticeFacts(Reason: review.Reason));
        step.Flag($"Trademark for {order.DisplayName} refused by {review.ReviewedBy}: {review.Reason}. Settle the held money (UA-Pre-7).");
    }

    private static bool IsOverdue(RegistrationState state, DateTimeOffset now) =>
        IsInProgress(state.Phase) && !state.OverdueFlagged && state.DueBy is { } due && now >= due;

    /// <summary>KZ-2.1: from payment until registered, refused or stalled, the registration runs against its deadline.</summary>
    public static bool IsInProgress(RegistrationPhase phase) => phase is RegistrationPhase.AwaitingTrademarkReview
        or RegistrationPhase.CreatingContact or RegistrationPhase.CreatingDomain or RegistrationPhase.Reconciling;

    private DateTimeOffset? WakeAt(RegistrationState state)
    {
        var overdueCheck = IsInProgress(state.Phase) && !state.OverdueFlagged ? state.DueBy : null;
        DateTimeOffset?[] candidates = [overdueCheck, state.RetryFailedAt, RegistryOutageRetries.NextWake(state), _renewals.NextWake(state), NameserverChangeDecisions.NextWake(state),
            RegistrantContactChangeDecisions.NextWake(state), OperationsDecisions.NextWake(state)];
        return candidates.Where(c => c is not null).Min();
    }
}
