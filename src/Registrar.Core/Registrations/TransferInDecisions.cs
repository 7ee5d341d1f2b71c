namespace Registrar.Core.Registrations;

/// <summary>
/// A paid transfer in (RFC 5731 section 3.2.4): domain:transfer op="request" with the customer's code; the registry answers
/// 1001 and approves it after its period unless the sponsoring registrar rejects it first, and its poll message (read back with
/// info) says which. Approved, the registration is Registered with the registry's expiry and the customer told
/// (<see cref="NoticeKind.TransferredIn"/>); refused, rejected or cancelled,
/// it is closed, the customer is told and operations settle the money, as for a refused trademark; so it is when operations
/// cancel it while it is pending (<see cref="CancelTransferIn"/>) and the registry confirms. Either way the code the
/// customer gave is erased from the order (<see cref="EraseIncomingTransferCode"/>); while the outcome is unknown it is kept.
/// </summary>
internal static class TransferInDecisions
{
    /// <summary>EPP 2300: a transfer of the object is already pending, which a repeat of our own request is told.</summary>
    private const int ObjectPendingTransfer = 2300;

    /// <summary>EPP 2304: the domain's status (the registry's or its sponsor's transfer ban, RFC 5731 section 2.3) refuses it.</summary>
    private const int ObjectStatusProhibitsOperation = 2304;

    public static bool Covers(RegistrationPhase phase) => phase == RegistrationPhase.TransferringIn;

    /// <summary>Waiting for the registry's poll message: its request was answered pending.</summary>
    public static bool IsWaiting(RegistrationState state) => Covers(state.Phase) && state.AwaitedCommandId is null;

    public static void Request(RegistrationStep step)
    {
        var state = step.State;
        var order = state.Order!;
        step.Update(s => s with { Phase = RegistrationPhase.TransferringIn });
        step.AskRegistry(id => new RequestTransferIn(id, state.RegistrationId, order.Zone, order.DomainName, order.TermYears, order.CustomerId));
    }

    /// <summary>Operations' cancel: withdrawn at the registry first, closed only once its answer shows the domain stayed away.
    /// While another command for the transfer is out (its request, or a read-back a poll message asked for), the cancel waits
    /// for that answer: one command at a time per registration.</summary>
    public static void Cancel(RegistrationStep step)
    {
        var state = step.State;
        if (state.AwaitedCommandId is not null && state.TransferInCancelCommandId is null)
        {
            step.Update(s => s with { TransferInCancelWaiting = true });
            return;
        }
        step.AskRegistry(id => new CancelTransferInRequest(id, state.RegistrationId, state.Order!.Zone, state.Order.DomainName));
        step.Update(s => s with { TransferInCancelCommandId = s.AwaitedCommandId, TransferInCancelWaiting = false });
    }

    /// <summary>The answer left the transfer pending and nothing is out: a cancel operations decided meanwhile goes now.</summary>
    private static void StillPending(RegistrationStep step)
    {
        step.Update(s => s with { AwaitedCommandId = null, TransferInCancelCommandId = null });
        if (step.State.TransferInCancelWaiting) Cancel(step);
    }

    public static void OnAnswered(RegistrationStep step, RegistryOutcome outcome)
    {
        if (step.State.TransferInCancelCommandId is not null)
        {
            OnCancelAnswered(step, outcome);
            return;
        }
        switch (outcome)
        {
            case RegistryPending:
            case RegistryRefused { Code: ObjectPendingTransfer }:
                StillPending(step);
                break;
            case RegistryRefused refused:
                Refused(step, $"the registry refused the request ({refused.Code} {refused.Message})",
                    facts: refused.Code == ObjectStatusProhibitsOperation ? new NoticeFacts(TransferRefusals: [Contracts.TransferRefusalReason.RegistryBan]) : null);
                break;
            case OutcomeUnknown:
                // A repeat of a request that reached the registry is answered 2300 (pending), so asking again is safe.
                Request(step);
                break;
            case DomainInfo info:
                OnReadBack(step, info);
                break;
            default:
                step.Update(s => s with { Phase = RegistrationPhase.Stalled, AwaitedCommandId = null, TransferInCancelWaiting = false });
                step.Flag($"Registry answered {RenewalAnswers.Describe(outcome)} to the transfer of {step.State.Order!.DisplayName}: decide how to go on.");
                break;
        }
    }

    /// <summary>The flow reads the domain back after its cancel, so the answer is where the domain is now.</summary>
    private static void OnCancelAnswered(RegistrationStep step, RegistryOutcome outcome)
    {
        switch (outcome)
        {
            case DomainInfo info:
                OnReadBack(step, info);
                break;
            case OutcomeUnknown:
                // A repeated cancel of a transfer no longer pending is answered 2301 and read back all the same.
                Cancel(step);
                break;
            default:
                step.Update(s => s with { AwaitedCommandId = null, TransferInCancelCommandId = null });
                step.Flag($"The registry answered {RenewalAnswers.Describe(outcome)} to the cancel of the transfer of {step.State.Order!.DisplayName}: "
                    + "it is still pending there; decide again or wait for its outcome.");
                break;
        }
    }

    /// <summary>The registry's poll message (or a cancel's answer), read back: ours, still pending, or not coming.</summary>
    public static void OnReadBack(RegistrationStep step, DomainInfo info)
    {
        if (info is { SponsorIsUs: true, ExpiresAt: { } expiresAt })
        {
            var cancelCameTooLate = step.State.TransferInCancelWaiting;
            // UA-1.6: held here with the expiry the registry gives; the customer is told it moved, not that it was registered.
            step.Update(s => s with
            {
                Phase = RegistrationPhase.Registered,
                ExpiresAt = expiresAt,
                AwaitedCommandId = null,
                TransferInCancelCommandId = null,
                TransferInCancelWaiting = false,
                Renewal = new(),
                RegistrantHandle = info.RegistrantHandle ?? s.RegistrantHandle,
                // RFC 5731 section 2.3: WHOIS and RDAP publish the statuses the registry shows, not "ok" for none read.
                RegistryStatuses = info.Statuses,
                NameServers = info.NameServers ?? s.NameServers,
            });
            step.Notify(NoticeKind.TransferredIn, new NoticeFacts(ExpiresAt: expiresAt));
            EraseCode(step);
            // RFC 5731 section 2.6: the code the losing registrar issued still authorises a transfer of the domain; a fresh one,
            // told to nobody, takes its place, so whoever holds the old one cannot take the paid domain back.
            var order = step.State.Order!;
            step.AskRegistry(id => new SetTransferCode(id, step.State.RegistrationId, order.Zone, order.DomainName));
            if (cancelCameTooLate)
                step.Flag($"{step.State.Order!.DisplayName} arrived here before operations' cancel of its transfer could be sent: "
                    + "it is registered with us now; decide whether to keep it.");
        }
        else if (info.Statuses.Contains("pendingTransfer", StringComparer.OrdinalIgnoreCase))
        {
            StillPending(step);
        }
        else if (!info.Exists)
        {
            // The registry deleted it while the transfer waited (KZ-2.8, UA-1.12: unrenewed at expiry): no registrar holds it now.
            Refused(step, "the registry deleted the domain meanwhile, so its name is free to register", NoticeKind.TransferInDomainDeleted);
        }
        else
        {
            Refused(step, step.State.TransferInCancelCommandId is null
                ? "the sponsoring registrar rejected or cancelled it"
                : "operations cancelled it");
        }
    }

    /// <param name="facts">RFC 5731 section 2.3: a refusal for the domain's status (2304) tells the customer that, not a wrong code.</param>
    private static void Refused(RegistrationStep step, string why, NoticeKind told = NoticeKind.TransferInRefused, NoticeFacts? facts = null)
    {
        step.Update(s => s with { Phase = RegistrationPhase.Closed, AwaitedCommandId = null, TransferInCancelCommandId = null, TransferInCancelWaiting = false });
        step.Notify(told, facts);
        step.Flag($"The transfer of {step.State.Order!.DisplayName} to us did not happen ({why}): refund the payment or apply it to "
            + "another order, as for a refused registration.");
        EraseCode(step);
    }

    /// <summary>The code has done its work: a secret of the losing registrar's, it is not kept past the transfer's end.</summary>
    private static void EraseCode(RegistrationStep step) =>
        step.Issue(id => new EraseIncomingTransferCode(id, step.State.RegistrationId, step.State.Order!.CustomerId));
}
