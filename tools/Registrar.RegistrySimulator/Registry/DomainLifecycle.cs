namespace Registrar.RegistrySimulator.Registry;

/// <summary>The time-driven part of a domain's life: expiry per zone, RFC 3915 grace periods, purge,
/// and transfer auto-approval. Every step is applied at the instant it fell due, so one large clock
/// jump walks a domain through all the states it passed, in order.</summary>
public sealed class DomainLifecycle(RegistryStore store)
{
    public void Advance(Domain domain, DateTimeOffset now)
    {
        var zone = store.ZoneOf(domain.Name).Settings;
        while (store.Domains.ContainsKey(domain.Name))
        {
            var transferDue = domain.HasPendingTransfer ? domain.LastTransfer!.ActionDue : (DateTimeOffset?)null;
            var phaseDue = NextPhaseChange(domain, zone);
            if (transferDue is { } t && t <= now && (phaseDue is null || t <= phaseDue))
            {
                CompleteTransfer(domain, TransferStatus.ServerApproved, t);
                continue;
            }
            if (phaseDue is not { } due || due > now) return;
            Step(domain, zone, due);
        }
    }

    public void BeginDeletion(Domain domain, DateTimeOffset at)
    {
        var zone = store.ZoneOf(domain.Name).Settings;
        if (domain.HasPendingTransfer) CompleteTransfer(domain, TransferStatus.ServerCancelled, at);
        domain.DeletionStartedAt = at;
        domain.RestoreRequestedAt = null;
        // The registry's own deletion; a client's delete records its transaction after this.
        domain.DeleteTransaction = null;
        if (zone.RedemptionDays == 0 && zone.PendingDeleteDays == 0)
        {
            Purge(domain, at);
            return;
        }
        domain.Phase = zone.RedemptionDays > 0 ? DomainPhase.RedemptionPeriod : DomainPhase.PendingDelete;
    }

    /// <summary>Ends a pending transfer; on approval the gaining registrar becomes the sponsor and the
    /// transfer period is added to the expiry (RFC 5731 section 3.2.4).</summary>
    public void CompleteTransfer(Domain domain, TransferStatus status, DateTimeOffset at)
    {
        var pending = domain.LastTransfer!;
        var losingId = domain.SponsorId;
        var approved = status is TransferStatus.ClientApproved or TransferStatus.ServerApproved;
        if (approved)
        {
            domain.SponsorId = pending.RequestingId;
            domain.ExpiresAt = domain.ExpiresAt.AddYears(pending.PeriodYears);
            domain.TransferredAt = at;
            if (domain.Phase == DomainPhase.ExpiredGrace && domain.ExpiresAt > at) domain.Phase = DomainPhase.Active;
            foreach (var host in store.Hosts.Values.Where(h => store.SuperordinateDomain(h.Name) == domain))
                host.SponsorId = pending.RequestingId;
        }
        var record = pending with { Status = status, ActionDue = at, ProjectedExpiry = approved ? domain.ExpiresAt : null };
        domain.LastTransfer = record;
        var text = $"Transfer of {domain.Name} {record.StatusText}.";
        store.Enqueue(pending.RequestingId, at, text, new TransferNotice(record));
        store.Enqueue(losingId, at, text, new TransferNotice(record));
    }

    private static DateTimeOffset? NextPhaseChange(Domain domain, ZoneSettings zone) => domain.Phase switch
    {
        DomainPhase.Active => domain.ExpiresAt,
        DomainPhase.ExpiredGrace => domain.ExpiresAt.AddDays(zone.GraceDaysAfterExpiry),
        DomainPhase.RedemptionPeriod => domain.DeletionStartedAt!.Value.AddDays(zone.RedemptionDays),
        DomainPhase.PendingRestore => domain.RestoreRequestedAt!.Value.AddDays(zone.PendingRestoreDays),
        DomainPhase.PendingDelete => domain.DeletionStartedAt!.Value.AddDays(zone.RedemptionDays + zone.PendingDeleteDays),
        _ => null,
    };

    private void Step(Domain domain, ZoneSettings zone, DateTimeOffset at)
    {
        switch (domain.Phase)
        {
            case DomainPhase.Active when zone.Expiry == ExpiryBehaviour.AutoRenew:
                domain.ExpiresAt = domain.ExpiresAt.AddYears(1);
                store.Enqueue(domain.SponsorId, at, $"Domain {domain.Name} was renewed automatically until {domain.ExpiresAt:yyyy-MM-dd}.",
                    new RenewalNotice(domain.Name, domain.ExpiresAt));
                break;
            case DomainPhase.Active:
                domain.Phase = DomainPhase.ExpiredGrace;
                store.Enqueue(domain.SponsorId, at, $"Domain {domain.Name} expired; it is deleted unless renewed within {zone.GraceDaysAfterExpiry} days.",
                    DomainStateNotice.Of(domain));
                break;
            case DomainPhase.ExpiredGrace:
                BeginDeletion(domain, at);
                // UA-1.12: deleted for non-renewal, and restorable while in redemption (RFC 3915); a purged name has its own message.
                if (store.Domains.ContainsKey(domain.Name))
                    store.Enqueue(domain.SponsorId, at, $"Domain {domain.Name} was deleted for non-renewal" + (domain.Phase == DomainPhase.RedemptionPeriod
                        ? $"; it can be restored until {at.AddDays(zone.RedemptionDays):yyyy-MM-dd}." : "."), DomainStateNotice.Of(domain));
                break;
            case DomainPhase.RedemptionPeriod:
                domain.Phase = DomainPhase.PendingDelete;
                break;
            case DomainPhase.PendingRestore:
                // RFC 3915 section 3.3: no report in time, so the name falls back to redemptionPeriod.
                domain.Phase = DomainPhase.RedemptionPeriod;
                domain.RestoreRequestedAt = null;
                break;
            case DomainPhase.PendingDelete:
                Purge(domain, at);
                break;
        }
    }

    private void Purge(Domain domain, DateTimeOffset at)
    {
        store.Domains.Remove(domain.Name);
        foreach (var host in store.Hosts.Values.Where(h => h.Name.EndsWith("." + domain.Name, StringComparison.OrdinalIgnoreCase)).ToList())
        {
            store.Hosts.Remove(host.Name);
            foreach (var user in store.DomainsUsingHost(host.Name)) user.NameServers.RemoveAll(n => n.Equals(host.Name, StringComparison.OrdinalIgnoreCase));
        }
        // RFC 5731 section 3.3: a client's delete answered 1001 is now done; the registry's own deletion has no transaction to name.
        store.Enqueue(domain.SponsorId, at, $"Domain {domain.Name} was deleted and is free for registration.",
            domain.DeleteTransaction is { } delete ? new PendingActionNotice(domain.Name, true, delete, at) : null);
    }
}
