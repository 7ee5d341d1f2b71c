namespace Registrar.Payments.Notifications;

/// <summary>
/// The outcome of reading one bank message: either refused as a whole (nothing may be recorded from it),
/// or accepted with what it carries, entry by entry: the credits, the reversals, the entries that could not
/// be read (each with its reason, for operations), and the entries that are not ours to apply.
/// </summary>
public sealed class NotificationReadResult
{
    private NotificationReadResult(IReadOnlyList<BankCreditNotification> credits, IReadOnlyList<BankCreditNotification> reversals,
        IReadOnlyList<RefusedEntry> refused, IReadOnlyList<string> ignored, NotificationRejected? rejection)
    {
        Credits = credits;
        Reversals = reversals;
        Refused = refused;
        Ignored = ignored;
        Rejection = rejection;
    }

    public bool IsAccepted => Rejection is null;

    /// <summary>The booked credits, in message order. Empty when rejected.</summary>
    public IReadOnlyList<BankCreditNotification> Credits { get; }

    /// <summary>Booked entries the bank marks as reversals (money returned): never applied, always shown to operations.</summary>
    public IReadOnlyList<BankCreditNotification> Reversals { get; }

    /// <summary>Entries that could not be read (an impossible date, an unreadable amount), each with why; the
    /// other entries of the message are applied all the same.</summary>
    public IReadOnlyList<RefusedEntry> Refused { get; }

    /// <summary>One line per entry that was read but is not a booked credit, saying why (for the audit log).</summary>
    public IReadOnlyList<string> Ignored { get; }

    public NotificationRejected? Rejection { get; }

    public static NotificationReadResult Accepted(IReadOnlyList<BankCreditNotification> credits, IReadOnlyList<string> ignored) =>
        new(credits, [], [], ignored, null);

    public static NotificationReadResult Accepted(IReadOnlyList<BankCreditNotification> credits, IReadOnlyList<BankCreditNotification> reversals,
        IReadOnlyList<RefusedEntry> refused, IReadOnlyList<string> ignored) =>
        new(credits, reversals, refused, ignored, null);

    public static NotificationReadResult Rejected(NotificationRejectionReason reason, string message) =>
        Rejected(new NotificationRejected(reason, message));

    public static NotificationReadResult Rejected(NotificationRejected rejection) => new([], [], [], [], rejection);

    public override string ToString() => IsAccepted
        ? $"Accepted: {Credits.Count} credit(s), {Reversals.Count} reversal(s), {Refused.Count} refused, {Ignored.Count} ignored"
        : $"Rejected: {Rejection}";
}

/// <param name="Position">Where in the message, e.g. "Ntfctn 'N1', Ntry #3": stable across deliveries of the same bytes.</param>
public sealed record RefusedEntry(string Position, NotificationRejectionReason Reason, string Message);
