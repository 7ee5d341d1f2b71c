namespace Registrar.Core.Registrations;

/// <summary>A KZ-2.3 change on its way to the registry: <see cref="DueBy"/> is the end of the business day the registrar must
/// carry it out by where the zone makes it a request, null where the customer's change applies at once.</summary>
public interface IChangeRequest
{
    DateTimeOffset? DueBy { get; }

    /// <summary>Operations were told it missed <see cref="DueBy"/>; told once.</summary>
    bool OverdueFlagged { get; }
}

/// <summary>KZ-2.3: what a change request's deadline decides, the same for DNS and registrant contact changes.</summary>
internal static class ChangeRequestDeadlines
{
    /// <summary>RFC 5731, RFC 5733 section 3.3: what the registry answered, by poll message, of a change it had left pending and
    /// then dropped.</summary>
    public const string DroppedByRegistry = "paResult 0 by poll message: it will not carry out the change it had left pending";

    /// <summary>A request the registrar must carry out by its deadline waits on a pending answer: the registry may still carry it
    /// out, and the timer flags it if it has not by then. A refusal goes to operations at once, with the rest of the business
    /// day left to carry it out by hand; so does a change the customer makes alone that did not apply.</summary>
    public static bool WaitsForDeadline(IChangeRequest change, RegistryOutcome outcome) =>
        change.DueBy is not null && outcome is RegistryPending;

    /// <summary>What operations are asked when the registry did not carry a change out: by its deadline, where it has one.</summary>
    public static string FinishIt(IChangeRequest change) =>
        change.DueBy is { } dueBy ? $"Finish it by {dueBy:u} or answer the customer (KZ-2.3)." : "Finish it or answer the customer (KZ-2.3).";

    /// <summary>The deadline passed at <paramref name="now"/> with the change still unconfirmed and operations not yet told.</summary>
    public static bool IsOverdue(IChangeRequest? change, DateTimeOffset now) =>
        change is { DueBy: { } dueBy, OverdueFlagged: false } && now >= dueBy;

    public static DateTimeOffset? NextWake(IChangeRequest? change) =>
        change is { DueBy: { } dueBy, OverdueFlagged: false } ? dueBy : null;
}
