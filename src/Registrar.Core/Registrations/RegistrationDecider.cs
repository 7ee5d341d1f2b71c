using Registrar.Core.Lifecycle;

namespace Registrar.Core.Registrations;

/// <summary>
/// The registration lifecycle from payment to a registered domain: pure and deterministic. It
/// never asks the registry twice for the same create: an unknown outcome is reconciled with info.
/// </summary>
public sealed class RegistrationDecider(IRegistrationSchedule schedule)
    : ILifecycleDecider<RegistrationState, RegistrationEvent, RegistrationCommand>
{
    public RegistrationState InitialState(string instanceId) => new(instanceId, RegistrationPhase.AwaitingPayment);

    public RegistrationEvent TimerDue(DateTimeOffset dueAt) => new RegistrationTimerDue($"timer:{dueAt.UtcTicks}", dueAt);

    public bool IsTerminal(RegistrationState state) => state.Phase == RegistrationPhase.Closed;

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
            case RegistryAnswered answer when answer.CommandId == state.AwaitedCommandId:
                OnRegistryAnswered(step, answer.Outcome);
                break;
            case RegistrationTimerDue when IsOverdue(state, now):
                // KZ-2.1: the registration was not done within the business-day deadline.
                step.Update(s => s with { OverdueFlagged = true });
                step.Flag($"Registration of {state.Order!.DisplayName} is overdue: due by {state.DueBy:u} (KZ-2.1).");
                break;
            case OperationsRetried when state.Phase == RegistrationPhase.Stalled:
                StartRegistering(step);
                break;
            case CustomerChoseAfterNameTaken choice when state.Phase == RegistrationPhase.NameTaken:
                step.Update(s => s with { Phase = RegistrationPhase.Closed });
                step.Flag(choice.Choice == CustomerChoice.Refund
                    ? $"Customer chose a refund for {state.Order!.DisplayName}: pay out the held money (KZ-2.1)."
                    : $"Customer chose another name instead of {state.Order!.DisplayName}: apply the held money to the new order (KZ-2.1).");
                break;
        }
        return step.Build(state, WakeAt(step.State));
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
                step.Flag($"Registry answered {Describe(outcome)} while {state.Order?.DisplayName} was {state.Phase}: decide how to go on.");
                break;
        }
    }

    private static void Registered(RegistrationStep step, DateTimeOffset expiresAt)
    {
        // UA-1.6: the domain counts as registered with the expiry the registry gave.
        step.Update(s => s with { Phase = RegistrationPhase.Registered, ExpiresAt = expiresAt, AwaitedCommandId = null });
        step.Notify(NoticeKind.Registered);
    }

    /// <summary>Held by this registrar for this registration's registrant: our own earlier create.</summary>
    private static bool IsOurs(RegistrationState state, DomainInfo info) =>
        info.SponsorIsUs && string.Equals(info.RegistrantHandle, state.RegistrantHandle, StringComparison.OrdinalIgnoreCase);

    private static bool IsOverdue(RegistrationState state, DateTimeOffset now) =>
        IsInProgress(state.Phase) && !state.OverdueFlagged && state.DueBy is { } due && now >= due;

    private static bool IsInProgress(RegistrationPhase phase) => phase is RegistrationPhase.AwaitingTrademarkReview
        or RegistrationPhase.CreatingContact or RegistrationPhase.CreatingDomain or RegistrationPhase.Reconciling;

    private static DateTimeOffset? WakeAt(RegistrationState state) =>
        IsInProgress(state.Phase) && !state.OverdueFlagged ? state.DueBy : null;

    private static string Describe(RegistryOutcome outcome) => outcome switch
    {
        RegistryRefused refused => $"{refused.Code} ({refused.Message})",
        _ => outcome.GetType().Name,
    };
}
