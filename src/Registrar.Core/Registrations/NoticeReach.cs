namespace Registrar.Core.Registrations;

/// <summary>
/// UA-6.1, UA-6.4: the registrant's notice stops the contract renewing, so the contract it ends runs no further than the term
/// paid now, which ends at the registry's expiry. The last day that term holds is the latest a notice may name: the storefront
/// refuses a later one when the notice is given (counting the same day, <see cref="Zones.RenewalDeadline.LastDayHeld"/>), and
/// the decider never moves one earlier.
/// </summary>
internal static class NoticeReach
{
    /// <summary>The term's last day when a contract ending at <paramref name="endsAt"/> would outlast it; null when the term
    /// reaches that end.</summary>
    public static DateOnly? PastTheTerm(RegistrationState state, DateTimeOffset endsAt, IRegistrationSchedule schedule)
    {
        var lastDayOfTerm = LastDayHeld(state, state.ExpiresAt!.Value, schedule);
        return LastDayHeld(state, endsAt, schedule) > lastDayOfTerm ? lastDayOfTerm : null;
    }

    /// <summary>The last local day before <paramref name="end"/>: an end at local midnight ends the day before (KZ-2.7).</summary>
    private static DateOnly LastDayHeld(RegistrationState state, DateTimeOffset end, IRegistrationSchedule schedule) =>
        schedule.LocalDate(state.Order!.Zone, end.AddTicks(-1));
}
