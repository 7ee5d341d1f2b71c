namespace Registrar.Core.Registrations;

/// <summary>
/// From payment to a registered domain: the registrant's contact, then the domain, at the registry. It never asks the
/// registry twice for the same create: an unknown outcome is read back with info.
/// </summary>
internal static class CreationAnswers
{
    private static readonly TimeSpan ClockDifference = TimeSpan.FromMinutes(1);

    public static void StartRegistering(RegistrationStep step)
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

    /// <summary>The registry's answer while the contact and the domain are being created.</summary>
    public static void OnAnswered(RegistrationStep step, RegistryOutcome outcome)
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
                // Created without host objects: CreateDomain names none.
                step.Update(s => s with { RegistryStatuses = DelegationStatuses.After([], delegated: false) });
                Registered(step, created.ExpiresAt);
                break;
            case (RegistrationPhase.CreatingDomain or RegistrationPhase.Reconciling, DomainInfo { Exists: true, ExpiresAt: { } expiresAt } info)
                when IsOurs(state, info):
                Registered(step, expiresAt);
                break;
            case (RegistrationPhase.CreatingDomain or RegistrationPhase.Reconciling, DomainInfo { Exists: true, ExpiresAt: null } info)
                when IsOurs(state, info) && (info.CreatedAt ?? state.PaidAt) is { } from:
                // RFC 5731 3.1.2, 3.2.1: exDate is optional. Ours is registered for the term asked for; counted from the create
                // date (or the payment, just before it), it is checked by a person and followed once the registry states it.
                var counted = from.AddYears(state.Order!.TermYears);
                Registered(step, counted);
                step.Flag($"The registry holds {state.Order.DisplayName} for this registration but states no expiry; it is counted as {counted:u}, "
                    + $"{state.Order.TermYears} year(s) from its create date. Check the expiry at the registry (UA-1.6).");
                break;
            case (RegistrationPhase.CreatingDomain or RegistrationPhase.Reconciling, DomainInfo { Exists: false }):
                CreateDomain(step);
                break;
            case (RegistrationPhase.CreatingDomain or RegistrationPhase.Reconciling, DomainInfo { Exists: true, SponsorIsUs: true }):
                // KZ-2.1: held through this registrar by another registration, perhaps the customer's own earlier order paid as well.
                step.Update(s => s with { Phase = RegistrationPhase.NameTaken, AwaitedCommandId = null });
                step.Notify(NoticeKind.NameTaken, new NoticeFacts(TakenHere: true));
                step.Flag($"{state.Order!.DisplayName} is held through this registrar by another registration: money held until the customer "
                    + "chooses (KZ-2.1). If that registration is the same customer's, they paid for the name twice: offer the refund.");
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

    public static void Registered(RegistrationStep step, DateTimeOffset expiresAt)
    {
        // UA-1.6: the domain counts as registered with the expiry the registry gave.
        step.Update(s => s with { Phase = RegistrationPhase.Registered, ExpiresAt = expiresAt, AwaitedCommandId = null, Renewal = new() });
        step.Notify(NoticeKind.Registered, new NoticeFacts(ExpiresAt: expiresAt));
    }

    /// <summary>Our own earlier create: held by this registrar for this registration's registrant, with the authInfo this
    /// registration's create set. Registrant and sponsor alone prove nothing: another registration here of the same name for
    /// the same nic-handle, paid and created first, shows both, and this one is then "name taken" (KZ-2.1, KZ-App-5), never a
    /// second owner of its domain. Where the registry shows no authInfo, the create date (RFC 5731 crDate) tells instead: no
    /// sooner than this registration was paid, before which it asks for no create (KZ-3.2), allowing a little for the bank's
    /// and the registry's clocks (<see cref="ClockDifference"/>: an instant payment's create follows its booking within
    /// seconds); a create date cannot tell two creates paid before either was sent, nor can a read-back without one.</summary>
    private static bool IsOurs(RegistrationState state, DomainInfo info) =>
        info.SponsorIsUs && string.Equals(info.RegistrantHandle, state.RegistrantHandle, StringComparison.OrdinalIgnoreCase)
        && (info.CreatedByThisRegistration
            ?? (info.CreatedAt is { } created && state.PaidAt is { } paid && created >= paid - ClockDifference));

    /// <summary>RFC 5730 2.9.2.3, RFC 5731 3.2.1: the registry will never carry out the create it left pending (paResult 0). Sent
    /// again it would be refused again, unseen: operations settle it with the customer as any refused create (another name or
    /// the money back, KZ-2.1).</summary>
    public static void OnPendingCreateRefused(RegistrationStep step, PendingActionResult refused)
    {
        step.Update(s => s with { Phase = RegistrationPhase.Stalled, AwaitedCommandId = null });
        step.Flag($"The registry refused the create of {step.State.Order!.DisplayName} it had left pending (command {refused.CommandId}, paResult 0): "
            + "the name is not registered; settle it with the customer (another name or a refund, KZ-2.1).");
    }

    /// <summary>A create the registry answered 1001: its outcome comes by poll message or the sweep.</summary>
    public static bool IsWaitingForPendingCreate(RegistrationState state) =>
        state.Phase == RegistrationPhase.CreatingDomain && state.AwaitedCommandId is null;
}
