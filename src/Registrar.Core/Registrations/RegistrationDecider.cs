using Registrar.Core.Lifecycle;

namespace Registrar.Core.Registrations;

/// <summary>
/// A registration's lifecycle from payment to a registered domain, and (<see cref="RenewalDecisions"/>) its
/// life after that until it is deleted or transferred away: pure and deterministic. It never asks the
/// registry twice for the same create or renew: an unknown outcome is reconciled with info.
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

    public RegistrationEvent CommandFailed(RegistrationCommand command, string reason) =>
        new RegistrationCommandFailed($"failed:{command.CommandId}", command, reason);

    /// <summary>Only the payment starts a registration's life; anything else for an unknown id is stray.</summary>
    public bool StartsInstance(RegistrationEvent @event) => @event is RegistrationPaid;

    public string Describe(RegistrationState state) => state.Phase.ToString();

    /// <summary>Each decision numbers its commands from the registration's own counter (<see cref="RegistrationStep"/>).</summary>
    public string CommandId(string instanceId, RegistrationCommand command) => command.CommandId;

    /// <summary>Ended, with nothing left to try again: a notice that failed on closing still gets its retries.</summary>
    public bool IsTerminal(RegistrationState state) =>
        state.Phase is RegistrationPhase.Closed or RegistrationPhase.Deleted or RegistrationPhase.TransferredAway
        && state.FailedCommands.Count == 0;

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
            case RegistryAnswered answer when OperationsDecisions.Awaits(state, answer):
                OperationsDecisions.OnHoldsAnswered(step, answer.Outcome);
                break;
            case RegistryAnswered answer when NameserverChangeDecisions.Awaits(state, answer):
                NameserverChangeDecisions.OnAnswered(step, answer.Outcome);
                break;
            case RegistryAnswered answer when RegistrantChangeDecisions.Awaits(state, answer):
                RegistrantChangeDecisions.OnAnswered(step, answer.Outcome);
                break;
            case RegistryAnswered answer when TransferCodeDecisions.Awaits(state, answer):
                TransferCodeDecisions.OnAnswered(step, answer.Outcome, schedule, now);
                break;
            case RegistryAnswered answer when answer.CommandId == state.AwaitedCommandId && RenewalDecisions.Covers(state.Phase):
                RenewalAnswers.OnAnswered(step, answer.Outcome, now);
                break;
            case RegistryAnswered answer when answer.CommandId == state.AwaitedCommandId:
                OnRegistryAnswered(step, answer.Outcome);
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
            case RenewalInvoiceIssued issued when RegistrantChangeDecisions.IsInvoicedBy(state, issued):
                RegistrantChangeDecisions.OnInvoiceIssued(step, issued);
                break;
            case RenewalPaid paid when RegistrantChangeDecisions.IsPaidBy(state, paid):
                RegistrantChangeDecisions.OnPaid(step);
                break;
            case RenewalInvoiceIssued issued when issued.CommandId == state.Renewal.InvoiceCommandId:
                _renewals.OnInvoiceIssued(step, issued, now);
                break;
            case RenewalPaid paid:
                _renewals.OnPaid(step, paid);
                break;
            case RegistryObserved observed when IsWaitingForPendingCreate(state):
                step.Update(s => s with { Phase = RegistrationPhase.Reconciling });
                OnRegistryAnswered(step, observed.Info);
                break;
            case RegistryReported when IsWaitingForPendingCreate(state):
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
                CustomerRequestDecisions.OnMade(step, made);
                break;
            case CustomerRequestProved proved:
                CustomerRequestDecisions.OnProved(step, proved, schedule, now);
                break;
            case ContactEmailChangeReviewed reviewed:
                ContactEmailChangeDecisions.OnReviewed(step, reviewed);
                break;
            case OperationsDecided decided:
                OperationsDecisions.OnDecided(step, decided);
                break;
            case NoticeResendRequested resend when state.Order is not null:
                // A new notice under its own id, so it is claimed and sent once like any other, to the address the state holds now.
                step.Notify(resend.Kind, resend.Facts);
                break;
            case CustomerChoseAfterNameTaken choice when state.Phase == RegistrationPhase.NameTaken:
                step.Update(s => s with { Phase = RegistrationPhase.Closed });
                step.Flag(choice.Choice == CustomerChoice.Refund
                    ? $"Customer chose a refund for {state.Order!.DisplayName}: pay out the held money (KZ-2.1)."
                    : $"Customer chose another name instead of {state.Order!.DisplayName}: apply the held money to the new order (KZ-2.1).");
                break;
        }
        // A decided end takes effect on whichever event comes first once it is due: its timer, or the answer it waited for.
        OperationsDecisions.OnTime(step, now);
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
        NameserverChangeDecisions.OnTime(step, now);
        _renewals.OnTime(step, now);
    }

    private static void OnCommandFailed(RegistrationStep step, RegistrationCommandFailed failed, DateTimeOffset now)
    {
        var state = step.State;
        if (failed.Command.CommandId == state.HoldsCommandId)
        {
            OperationsDecisions.OnHoldsAnswered(step, new RegistryRefused(0, failed.Reason));
            return;
        }
        if (failed.Command.CommandId == state.AwaitedCommandId)
        {
            // The registry was never asked, or its answer never came back: nothing to reconcile with, a person decides.
            step.Update(s => s with { Phase = RegistrationPhase.Stalled, AwaitedCommandId = null });
            step.Flag($"The registry command for {state.Order?.DisplayName} could not be carried out ({failed.Reason}): retry when the cause is fixed.");
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
        if (step.State.ExpiresAt is null) StartRegistering(step);
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
        step.Update(s => s with
        {
            Order = order,
            PaidAt = paid.PaidAt,
            DueBy = schedule.RegistrationDueBy(order.Zone, paid.PaidAt),
            RegistrantHandle = order.RegistrantHandle,
        });
        if (order.TrademarkRequired)
        {
            // UA-Pre-7: the registry is asked only after operations approve the trademark.
            step.Update(s => s with { Phase = RegistrationPhase.AwaitingTrademarkReview });
            step.Flag($"Review the trademark for {order.DisplayName} before it is registered (UA-Pre-7).");
            return;
        }
        StartRegistering(step);
    }

    private static void OnTrademarkReviewed(RegistrationStep step, TrademarkReviewed review)
    {
        if (review.Approved)
        {
            StartRegistering(step);
            return;
        }
        var order = step.State.Order!;
        step.Update(s => s with { Phase = RegistrationPhase.Closed });
        step.Notify(NoticeKind.TrademarkRejected);
        step.Flag($"Trademark for {order.DisplayName} refused by {review.ReviewedBy}: {review.Reason}. Settle the held money (UA-Pre-7).");
    }

    private static void StartRegistering(RegistrationStep step)
    {
        var state = step.State;
        if (state.RegistrantHandle is null)
        {
            step.Update(s => s with { Phase = RegistrationPhase.CreatingContact });
            step.AskRegistry(id => new CreateRegistryContact(id, state.RegistrationId, state.Order!.Zone, state.Order.Registrant!));
        }
        else
        {
            CreateDomain(step);
        }
    }

    private static void CreateDomain(RegistrationStep step)
    {
        var state = step.State;
        var order = state.Order!;
        step.Update(s => s with { Phase = RegistrationPhase.CreatingDomain });
        step.AskRegistry(id => new CreateDomain(id, state.RegistrationId, order.Zone, order.DomainName, order.TermYears,
            state.RegistrantHandle!, order.TechnicalContact, order.TrademarkLicence));
    }

    private static void OnRegistryAnswered(RegistrationStep step, RegistryOutcome outcome)
    {
        var state = step.State;
        switch (state.Phase, outcome)
        {
            case (RegistrationPhase.CreatingContact, ContactCreated created):
                step.Update(s => s with { RegistrantHandle = created.Handle });
                CreateDomain(step);
                break;
            case (RegistrationPhase.CreatingContact, OutcomeUnknown):
                // The contact id is derived from the registration, so asking again cannot create a second one.
                StartRegistering(step);
                break;
            case (RegistrationPhase.CreatingDomain or RegistrationPhase.Reconciling, RegistryPending):
            case (RegistrationPhase.CreatingDomain or RegistrationPhase.Reconciling, DomainInfo info) when info.Statuses.Contains("pendingCreate", StringComparer.OrdinalIgnoreCase):
                // EPP 1001: the registry creates it later and says so by poll message; the sweep reads it back in any case.
                step.Update(s => s with { Phase = RegistrationPhase.CreatingDomain, AwaitedCommandId = null });
                break;
            case (RegistrationPhase.CreatingDomain or RegistrationPhase.Reconciling, DomainCreated created):
                Registered(step, created.ExpiresAt);
                break;
            case (RegistrationPhase.CreatingDomain or RegistrationPhase.Reconciling, DomainInfo { Exists: true, ExpiresAt: { } expiresAt } info)
                when IsOurs(state, info):
                Registered(step, expiresAt);
                break;
            case (RegistrationPhase.CreatingDomain or RegistrationPhase.Reconciling, DomainInfo { Exists: false }):
                CreateDomain(step);
                break;
            case (RegistrationPhase.CreatingDomain, NameTaken):
            case (RegistrationPhase.CreatingDomain or RegistrationPhase.Reconciling, DomainInfo { Exists: true }):
                // KZ-2.1, KZ-App-5: first come, first served; the customer chooses another name or a refund.
                step.Update(s => s with { Phase = RegistrationPhase.NameTaken, AwaitedCommandId = null });
                step.Notify(NoticeKind.NameTaken);
                step.Flag($"{state.Order!.DisplayName} was taken before it could be registered: money held until the customer chooses (KZ-2.1).");
                break;
            case (RegistrationPhase.CreatingDomain or RegistrationPhase.Reconciling, OutcomeUnknown):
                step.Update(s => s with { Phase = RegistrationPhase.Reconciling });
                step.AskRegistry(id => new QueryDomain(id, state.RegistrationId, state.Order!.Zone, state.Order.DomainName));
                break;
            default:
                step.Update(s => s with { Phase = RegistrationPhase.Stalled, AwaitedCommandId = null });
                step.Flag($"Registry answered {RenewalAnswers.Describe(outcome)} while {state.Order?.DisplayName} was {state.Phase}: decide how to go on.");
                break;
        }
    }

    private static void Registered(RegistrationStep step, DateTimeOffset expiresAt)
    {
        // UA-1.6: the domain counts as registered with the expiry the registry gave.
        step.Update(s => s with { Phase = RegistrationPhase.Registered, ExpiresAt = expiresAt, AwaitedCommandId = null, Renewal = new() });
        step.Notify(NoticeKind.Registered);
    }

    /// <summary>Held by this registrar for this registration's registrant: our own earlier create.</summary>
    private static bool IsOurs(RegistrationState state, DomainInfo info) =>
        info.SponsorIsUs && string.Equals(info.RegistrantHandle, state.RegistrantHandle, StringComparison.OrdinalIgnoreCase);

    /// <summary>A create the registry answered 1001: its outcome comes by poll message or the sweep.</summary>
    private static bool IsWaitingForPendingCreate(RegistrationState state) =>
        state.Phase == RegistrationPhase.CreatingDomain && state.AwaitedCommandId is null;

    private static bool IsOverdue(RegistrationState state, DateTimeOffset now) =>
        IsInProgress(state.Phase) && !state.OverdueFlagged && state.DueBy is { } due && now >= due;

    /// <summary>KZ-2.1: from payment until registered, refused or stalled, the registration runs against its deadline.</summary>
    internal static bool IsInProgress(RegistrationPhase phase) => phase is RegistrationPhase.AwaitingTrademarkReview
        or RegistrationPhase.CreatingContact or RegistrationPhase.CreatingDomain or RegistrationPhase.Reconciling;

    private DateTimeOffset? WakeAt(RegistrationState state)
    {
        var overdueCheck = IsInProgress(state.Phase) && !state.OverdueFlagged ? state.DueBy : null;
        DateTimeOffset?[] candidates = [overdueCheck, state.RetryFailedAt, _renewals.NextWake(state), NameserverChangeDecisions.NextWake(state),
            OperationsDecisions.NextWake(state)];
        return candidates.Where(c => c is not null).Min();
    }
}
