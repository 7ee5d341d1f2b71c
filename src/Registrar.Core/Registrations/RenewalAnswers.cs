using static Registrar.Core.Registrations.RegistrationPhase;

namespace Registrar.Core.Registrations;

/// <summary>
/// The registry's answers once a domain is registered: to a renew, restore, delete or info, and what the sweep
/// reads. The registry is the authority for expiry, statuses and sponsor: its answer is followed; an unknown
/// outcome is read back with info; a pending one (1001) waits for the poll message or the sweep.
/// </summary>
internal static class RenewalAnswers
{
    /// <summary>EPP 2304 (status prohibits) and 2105 (not eligible for renewal): ask what the registry holds.</summary>
    private static bool StatusProhibits(RegistryRefused refused) => refused.Code is 2304 or 2105;

    /// <summary>RFC 5731 section 3.2.3, architecture principle 3: a renew repeated after its answer was lost (a crash, a
    /// redelivery) names a curExpDate the first one moved on, and the registry refuses it 2306: what it holds decides whether
    /// the refused renew was this renewal's own, already carried out. 2306 is also the registry's period policy, which leaves
    /// the expiry where it was.</summary>
    private static bool MayBeRenewedAlready(RegistryRefused refused) => refused.Code == 2306;

    /// <summary>RFC 5731 section 2.3: the "server" statuses are the registry's own, and it may lift them on any change.</summary>
    private static bool IsSetByRegistry(string status) => status.StartsWith("server", StringComparison.OrdinalIgnoreCase);

    private const string PendingDelete = "pendingDelete";

    private static bool IsOkOrPendingDelete(string status) =>
        status.Equals("ok", StringComparison.OrdinalIgnoreCase) || status.Equals(PendingDelete, StringComparison.OrdinalIgnoreCase);

    /// <summary>RFC 5730 section 3, 2201: the registry does not let us act on the domain, as when another registrar now sponsors it.</summary>
    private const int AuthorizationError = 2201;

    public static void OnAnswered(RegistrationStep step, RegistryOutcome outcome, DateTimeOffset now)
    {
        var state = step.State;
        switch (state.Phase, outcome)
        {
            case (Renewing, DomainRenewed renewed):
                RenewalDecisions.Renewed(step, renewed.ExpiresAt);
                // A renew answer carries no statuses (RFC 5731 section 3.2.3): a hold the registry set at expiry (serverHold in the
                // .ua grace, UA-1.10) and lifted with the renewal is read back, so RDAP, WHOIS and the customer's view drop it.
                if (state.RegistryStatuses.Any(IsSetByRegistry)) RenewalDecisions.Query(step);
                break;
            case (Renewing, DomainInfo info):
                ReconcileRenewal(step, info, now);
                break;
            case (Renewing, RegistryRefused refused) when (StatusProhibits(refused) || MayBeRenewedAlready(refused)) && !state.Renewal.CheckedAfterRefusal:
                step.Update(s => s with { Renewal = s.Renewal with { CheckedAfterRefusal = true } });
                RenewalDecisions.Query(step);
                break;
            case (Restoring, DomainRestored):
                // RFC 3915: a restore may itself move the expiry on (many registries add the year), refusing the renew that follows with
                // 2306; that answer is read back like any other, however the refusal before the restore was.
                step.Update(s => s with { Renewal = s.Renewal with { CheckedAfterRefusal = false } });
                RenewalDecisions.Renew(step);
                break;
            case (Restoring, DomainInfo info):
                ReconcileRestore(step, info);
                break;
            case (Deleting, DomainDeleted):
                RenewalDecisions.Deleted(step);
                break;
            case (Deleting, RegistryRefused refused) when (StatusProhibits(refused) || refused.Code == AuthorizationError) && !state.Renewal.CheckedAfterRefusal:
                // A status may bar the delete, or the registry may be deleting the domain already; on 2201 it may have been
                // transferred away before the poll message saying so was read: ask what the registry holds rather than stall
                // or tell the customer a domain still alive elsewhere was deleted.
                step.Update(s => s with { Renewal = s.Renewal with { CheckedAfterRefusal = true } });
                RenewalDecisions.Query(step);
                break;
            case (Deleting, DomainInfo info):
                ReconcileDeletion(step, info, now);
                break;
            case (Registered or Expired, DomainInfo info):
                Observe(step, info, now);
                break;
            case (Registered, TransferCodeSet):
                // The fresh code that replaced the losing registrar's after a transfer in (TransferInDecisions): nobody is told it.
                step.Update(s => s with { AwaitedCommandId = null });
                break;
            case (Renewing or Restoring or Deleting, OutcomeUnknown):
                RenewalDecisions.Query(step);
                break;
            case (Deleting, RegistryPending):
                // RFC 5731 section 3.2.2: a delete the registry carries out later leaves the domain pendingDelete ("ok" goes, as it
                // stands alone), which RDAP and WHOIS show (RFC 8056) until the next read brings the registry's own list.
                step.Update(s => s with
                {
                    AwaitedCommandId = null,
                    RegistryStatuses = [.. s.RegistryStatuses.Where(status => !IsOkOrPendingDelete(status)), PendingDelete],
                });
                break;
            case (Renewing or Restoring, RegistryPending):
                // 1001: the registry acts later and says so by poll message; the sweep reads it back in any case.
                step.Update(s => s with { AwaitedCommandId = null });
                break;
            default:
                Stall(step, $"Registry answered {Describe(outcome)} while {state.Order!.DisplayName} was {state.Phase}: decide how to go on.");
                break;
        }
    }

    private static void ReconcileRenewal(RegistrationStep step, DomainInfo info, DateTimeOffset now)
    {
        var state = step.State;
        Follow(step, info);
        if (info.Exists && !info.SponsorIsUs)
            TransferredAwayFrom(step, now);
        else if (!info.Exists)
            GoneFromRegistry(step);
        else if (info.ExpiresAt is { } expiry && expiry > state.ExpiresAt)
            RenewedIfPaidTerm(step, expiry);
        else if (info.InRedemption)
            Restore(step);
        else if (info.Statuses.Contains("pendingRenew", StringComparer.OrdinalIgnoreCase))
            step.Update(s => s with { AwaitedCommandId = null });
        else if (state.Renewal.CheckedAfterRefusal)
            Stall(step, $"The registry refuses to renew {state.Order!.DisplayName} (statuses {string.Join(", ", info.Statuses)}): decide how to go on.");
        else
            RenewalDecisions.Renew(step); // the renew never took effect; its curExpDate keeps a repeat from adding a second term
    }

    /// <summary>UA-1.7: a later expiry read back is this renewal carried out when it is the previous one plus the years paid,
    /// added as the registry adds them (RFC 5731 section 3.2.3) and compared by the UTC date (both in the registry's offset); any
    /// other is not the term the customer paid for, and is not told to them as their renewal.</summary>
    private static void RenewedIfPaidTerm(RegistrationStep step, DateTimeOffset expiry)
    {
        var state = step.State;
        var paidTerm = state.ExpiresAt!.Value.UtcDateTime.AddYears(state.Renewal.PaidYears);
        if (DateOnly.FromDateTime(expiry.UtcDateTime) == DateOnly.FromDateTime(paidTerm))
            RenewalDecisions.Renewed(step, expiry);
        else
            Stall(step, $"A renewal of {state.Order!.DisplayName} by {state.Renewal.PaidYears} year(s) from {state.ExpiresAt:u} was paid, "
                + $"but the registry's expiry is {expiry:u}, not {paidTerm:yyyy-MM-dd}: decide how to go on (UA-1.7).");
    }

    private static void ReconcileRestore(RegistrationStep step, DomainInfo info)
    {
        Follow(step, info);
        if (!info.Exists)
            GoneFromRegistry(step);
        else if (!info.SponsorIsUs)
            Stall(step, $"{step.State.Order!.DisplayName} could not be restored: the registry no longer holds it for us. Refund the renewal.");
        else if (info.InRedemption)
            Restore(step);
        else if (info.Statuses.Contains("pendingRestore", StringComparer.OrdinalIgnoreCase))
            step.Update(s => s with { AwaitedCommandId = null });
        else
            RenewalDecisions.Renew(step);
    }

    /// <summary>After a delete the registry accepted, a name under another sponsor was registered again once purged; after a
    /// delete it refused, it is the domain itself, transferred away before we asked. A domain still ours waits for its purge
    /// only while the registry is deleting it (RFC 5731 section 3.2.2, RFC 3915).</summary>
    private static void ReconcileDeletion(RegistrationStep step, DomainInfo info, DateTimeOffset now)
    {
        var refused = step.State.Renewal.CheckedAfterRefusal;
        Follow(step, info);
        if (info.Exists && !info.SponsorIsUs && refused)
            TransferredAwayFrom(step, now);
        else if (!info.Exists || !info.SponsorIsUs)
            RenewalDecisions.Deleted(step);
        else if (info.PendingDelete || info.InRedemption)
            step.Update(s => s with { AwaitedCommandId = null }); // the purge comes by poll or sweep
        else if (refused)
            Stall(step, $"The registry refuses to delete {step.State.Order!.DisplayName} (statuses {string.Join(", ", info.Statuses)}): decide how to go on.");
        else
            RenewalDecisions.Delete(step); // the delete never took effect
    }

    /// <summary>The registry's view of a domain that is registered or expired here.</summary>
    private static void Observe(RegistrationStep step, DomainInfo info, DateTimeOffset now)
    {
        var state = step.State;
        Follow(step, info);
        if (!info.Exists && state.Phase == Expired)
        {
            // UA-1.12: the registry deleted the unpaid name itself.
            RenewalDecisions.Deleted(step);
            return;
        }
        if (info.Exists && !info.SponsorIsUs)
        {
            TransferredAwayFrom(step, now);
            return;
        }
        if (!info.Exists)
        {
            GoneFromRegistry(step);
            return;
        }
        // Before expiry only: from then on holds and deletion are the registry's course for an unrenewed name (UA-1.10, KZ-2.8).
        if (state.Phase == Registered && now < state.ExpiresAt && UnaskedHolds(state, info) is { Count: > 0 } unasked)
            step.Flag($"The registry now shows {string.Join(", ", unasked)} on {state.Order!.DisplayName}, registered here until {state.ExpiresAt:u}, "
                + "which this registrar did not ask for: the domain may be out of the zone or on its way out while the customer sees it registered; find out why.");
        if (info.ExpiresAt is { } expiry && expiry != state.ExpiresAt)
        {
            // The invoices of the earlier expiry bill a renewal no one owes now: a payment of one would renew nothing, and one open
            // after expiry would count as a debt for a service rendered (UA-3.5). One paid already has its renewal under way.
            if (expiry > state.ExpiresAt && state.Renewal.PaidInvoice is null)
                RenewalDecisions.CancelInvoices(step, state.Renewal.Invoices(), endingRule: Orders.InvoiceCancellation.RegistryRenewedRule);
            // The registry is the authority for expiry: follow it, and a later one starts a new renewal round.
            step.Update(s => s with
            {
                ExpiresAt = expiry,
                Phase = expiry > now ? Registered : s.Phase,
                Renewal = expiry > s.ExpiresAt ? new() : s.Renewal,
            });
            FlagOnce(step, $"The registry's expiry of {state.Order!.DisplayName} is {expiry:u}, not {state.ExpiresAt:u}: followed the registry.");
        }
    }

    /// <summary>Statuses that take a registered domain out of the zone or delete it (RFC 5731 2.3), new in this read and not the
    /// holds this registration asked for (UA-2.3.1 suspension, a dispute block): what the registry did on its own.</summary>
    private static List<string> UnaskedHolds(RegistrationState before, DomainInfo info)
    {
        var asked = OperationsDecisions.WantedHolds(before);
        return [.. info.Statuses.Where(status => OutOfZoneStatuses.Contains(status)
            && !before.RegistryStatuses.Contains(status, StringComparer.OrdinalIgnoreCase) && !asked.Contains(status, StringComparer.OrdinalIgnoreCase))];
    }

    private static readonly HashSet<string> OutOfZoneStatuses = new(["serverHold", "clientHold", PendingDelete], StringComparer.OrdinalIgnoreCase);

    /// <summary>The registry moved the domain to another registrar (its transfer period ran out, or we approved it): the
    /// service here ends and the customer is told. A renewal invoice still open goes to operations to cancel, and the money of
    /// one paid whose renewal the registry never carried out (refused while the transfer was pending) is held for operations to
    /// return or apply elsewhere: KZ-3.2 and UA-1.5.3 make it a prepayment for a service not rendered.</summary>
    public static void TransferredAwayFrom(RegistrationStep step, DateTimeOffset now)
    {
        var state = step.State;
        step.Update(s => s with { Phase = TransferredAway, TransferCode = null, AwaitedCommandId = null });
        step.Notify(NoticeKind.TransferredAway);
        if (state.Renewal.PaidInvoice is null && state.Renewal.HasOpenInvoice(now))
            step.Flag($"{state.Order!.DisplayName} was transferred away while its renewal invoice {state.Renewal.InvoiceNumber} is open: cancel it.");
        else if (state.Renewal.PaidInvoice is { } paid)
            step.Issue(id => new HoldUnrenderedRenewalPayment(id, state.RegistrationId, paid));
    }

    /// <summary>The registry no longer holds the domain (RFC 5731 section 3.1.2: it does not know the object), though this registrar
    /// did not delete it and no unpaid expiry led there: the registry deleted it. The registration ends and the customer is told; a
    /// renewal paid for it was never rendered and is held to return (KZ-3.2, UA-1.5.3), an open one bills nothing and is cancelled
    /// (UA-1.7), and operations find out why.</summary>
    public static void GoneFromRegistry(RegistrationStep step)
    {
        var state = step.State;
        step.Update(s => s with { Phase = Deleted, TransferCode = null, AwaitedCommandId = null });
        step.Notify(NoticeKind.DeletedByRegistry);
        if (state.Renewal.PaidInvoice is { } paid)
            step.Issue(id => new HoldUnrenderedRenewalPayment(id, state.RegistrationId, paid));
        else
            RenewalDecisions.CancelInvoices(step, state.Renewal.Invoices(), endingRule: Orders.InvoiceCancellation.RegistryDeletedRule);
        step.Flag($"The registry no longer holds {state.Order!.DisplayName}, registered here until {state.ExpiresAt:u}, and this registrar did not "
            + "delete it: the registration is closed and the customer told; find out why, and settle any renewal paid for it (held to return).");
    }

    /// <summary>The registry is the authority for the domain's statuses and name servers: what it shows is kept as shown.</summary>
    public static void Follow(RegistrationStep step, DomainInfo info) =>
        step.Update(s => s with { AwaitedCommandId = null, RegistryStatuses = info.Statuses, NameServers = info.NameServers ?? s.NameServers });

    private static void Restore(RegistrationStep step)
    {
        var order = step.State.Order!;
        // RFC 3915: the registry already put the name into redemption; restore it, then renew.
        step.Update(s => s with { Phase = Restoring });
        step.AskRegistry(id => new RestoreDomain(id, step.State.RegistrationId, order.Zone, order.DomainName));
    }

    private static void Stall(RegistrationStep step, string reason)
    {
        step.Update(s => s with { Phase = Stalled, AwaitedCommandId = null });
        step.Flag(reason);
    }

    /// <summary>A mismatch the sweep finds again on every run is flagged the first time only.</summary>
    private static void FlagOnce(RegistrationStep step, string mismatch)
    {
        if (step.State.RegistryMismatch == mismatch) return;
        step.Update(s => s with { RegistryMismatch = mismatch });
        step.Flag(mismatch);
    }

    public static string Describe(RegistryOutcome outcome) => outcome switch
    {
        // Code 0 is no registry's: the command was not carried out (a host gave up on it, or it could not be built).
        RegistryRefused { Code: 0 } refused => $"nothing, as the command was not carried out ({refused.Message})",
        RegistryRefused refused => $"{refused.Code} ({refused.Message})",
        _ => outcome.GetType().Name,
    };
}
