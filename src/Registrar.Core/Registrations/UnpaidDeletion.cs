namespace Registrar.Core.Registrations;

/// <summary>UA-1.10, UA-1.12: a contract's end the registrar noticed (UA-1.3.4.1) while the renewal is unpaid is held to the
/// deletion of the unpaid domain: a noticed end stops every renewal invoice, so nothing can keep the domain past that deletion.
/// The lifecycle holds the end so, and the operations answer states the same instant. A timeline waiting for a calendar year not
/// loaded yet is not guessed (KZ-2.7): the notice's date stands until it is.</summary>
public static class UnpaidDeletion
{
    /// <param name="unpaidExpiry">The expiry whose renewal is not paid; null when it is, and the end stands.</param>
    public static DateTimeOffset NoLaterThan(IRegistrationSchedule schedule, string zone, DateTimeOffset? unpaidExpiry, DateTimeOffset endsAt)
    {
        var deletion = unpaidExpiry is { } expiry && schedule.RenewalTimelineWaitsUntil(zone, expiry) is null
            ? schedule.RenewalTimeline(zone, expiry).DeleteAt
            : (DateTimeOffset?)null;
        return deletion < endsAt ? deletion.Value : endsAt;
    }
}
