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

    /// <summary>RFC 5730 (1001): a change the registry left pending waits for the poll message with its result. A request the
    /// registrar must carry out by its deadline waits quietly: the timer flags it if it is not done by then. A change the customer
    /// makes alone was to apply at once, so operations hear now that it did not, and what will finish it; null for a request.</summary>
    public static string? PendingNotice(IChangeRequest change) =>
        change.DueBy is null
            ? "is pending at the registry, so it did not apply at once: the registry's poll message with its result finishes it; "
                + "if none comes, finish it or answer the customer (KZ-2.3)."
            : null;

    /// <summary>A change still pending at the registry when the customer's next one of its kind is sent: the registry may carry the
    /// earlier one out after the later one, and its result is no longer matched to a change here, so operations check.</summary>
    public static string Superseded(string laterRequestId) =>
        $"was still pending at the registry when request {laterRequestId} replaced it: if the registry carries it out later, it "
        + "may undo the newer change. Check the domain at the registry and answer the customer (KZ-2.3).";

    /// <summary>What operations are asked when the registry did not carry a change out: by its deadline, where it has one. A refusal
    /// goes to operations at once, with the rest of the business day left to carry it out by hand.</summary>
    public static string FinishIt(IChangeRequest change) =>
        change.DueBy is { } dueBy ? $"Finish it by {dueBy:u} or answer the customer (KZ-2.3)." : "Finish it or answer the customer (KZ-2.3).";

    /// <summary>The deadline passed at <paramref name="now"/> with the change still unconfirmed and operations not yet told.</summary>
    public static bool IsOverdue(IChangeRequest? change, DateTimeOffset now) =>
        change is { DueBy: { } dueBy, OverdueFlagged: false } && now >= dueBy;

    public static DateTimeOffset? NextWake(IChangeRequest? change) =>
        change is { DueBy: { } dueBy, OverdueFlagged: false } ? dueBy : null;
}
