using Registrar.Core.Tariffs;
using Registrar.Core.Zones;

namespace Registrar.Core.Registrations;

/// <summary>What happens around one expiry of one domain, from the zone's settings.</summary>
/// <param name="Reminders">KZ-2.6: the warnings, in time order, each keyed for "sent once".</param>
/// <param name="PayBy">KZ-2.7: three banking days before expiry for .kz; UA-1.10: the expiry instant for .ua.</param>
/// <param name="DeleteAt">KZ-2.8: at expiry for .kz; UA-1.12: at the latest 28 days after expiry for .ua.</param>
/// <param name="RenewableUntilDeletion">UA-1.12: after expiry the registrant keeps priority to renew until deletion.</param>
/// <param name="RedemptionPriceAfterExpiry">UA-1.11: a renewal paid after expiry is priced with the redemption tariff.</param>
public sealed record RenewalTimeline(
    DateTimeOffset Expiry,
    IReadOnlyList<ScheduledReminder> Reminders,
    DateTimeOffset PayBy,
    DateTimeOffset DeleteAt,
    bool RenewableUntilDeletion,
    bool RedemptionPriceAfterExpiry)
{
    /// <summary>Until when a renewal invoice issued at <paramref name="now"/> can be paid; null when the
    /// domain can no longer be renewed (KZ-2.7 past its deadline, UA-1.12 past deletion).</summary>
    public DateTimeOffset? PayableUntil(DateTimeOffset now) =>
        now < PayBy ? PayBy
        : RenewableUntilDeletion && now < DeleteAt ? DeleteAt
        : null;

    /// <summary>UA-1.10, UA-1.12: after expiry the registrant keeps priority to renew until deletion.</summary>
    public bool InPriorityAfterExpiry(DateTimeOffset now) => RenewableUntilDeletion && now >= Expiry && now < DeleteAt;

    /// <summary>UA-1.11: the tariff a renewal invoiced at <paramref name="now"/> is priced with.</summary>
    public TariffOperation OperationAt(DateTimeOffset now) =>
        RedemptionPriceAfterExpiry && now >= Expiry ? TariffOperation.RedemptionRenewal : TariffOperation.Renew;

    /// <summary>The reminders due at <paramref name="now"/> and not yet sent; the expiry itself has its own notice.</summary>
    public IReadOnlyList<ScheduledReminder> DueReminders(DateTimeOffset now, IReadOnlyCollection<string> sent) =>
        Reminders.Where(r => r.At <= now && r.Kind != ReminderKind.Expiry && !sent.Contains(r.Key)).ToList();

    public DateTimeOffset? NextReminderAfter(IReadOnlyCollection<string> sent) =>
        Reminders.Where(r => r.Kind != ReminderKind.Expiry && !sent.Contains(r.Key)).Select(r => (DateTimeOffset?)r.At).Min();
}
