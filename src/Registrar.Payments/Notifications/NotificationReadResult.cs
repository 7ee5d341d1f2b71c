namespace Registrar.Payments.Notifications;

/// <summary>
/// The outcome of reading one bank message: either refused as a whole (nothing may be recorded from it),
/// or accepted with the credits it carries — possibly none, when every entry was something other than a
/// booked credit (a debit, a pending entry, an acquiring status other than success).
/// </summary>
public sealed class NotificationReadResult
{
    private NotificationReadResult(IReadOnlyList<BankCreditNotification> credits, IReadOnlyList<string> ignored, NotificationRejected? rejection)
    {
        Credits = credits;
        Ignored = ignored;
        Rejection = rejection;
    }

    public bool IsAccepted => Rejection is null;

    /// <summary>The booked credits, in message order. Empty when rejected.</summary>
    public IReadOnlyList<BankCreditNotification> Credits { get; }

    /// <summary>One line per entry that was read but is not a booked credit, saying why (for the audit log).</summary>
    public IReadOnlyList<string> Ignored { get; }

    public NotificationRejected? Rejection { get; }

    public static NotificationReadResult Accepted(IReadOnlyList<BankCreditNotification> credits, IReadOnlyList<string> ignored) =>
        new(credits, ignored, null);

    public static NotificationReadResult Rejected(NotificationRejectionReason reason, string message) =>
        new([], [], new NotificationRejected(reason, message));

    public static NotificationReadResult Rejected(NotificationRejected rejection) => new([], [], rejection);

    public override string ToString() =>
        IsAccepted ? $"Accepted: {Credits.Count} credit(s), {Ignored.Count} ignored" : $"Rejected: {Rejection}";
}
