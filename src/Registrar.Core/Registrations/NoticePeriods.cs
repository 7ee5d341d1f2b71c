namespace Registrar.Core.Registrations;

/// <summary>UA-1.3.4.1, KZ-App-4: the notices whose period the offers count from the letter itself, not from the decision to
/// send it. Their sending is reported back to the registration (<see cref="NoticeSent"/>), so a letter that left on a later day
/// than it was decided moves the period's end with it.</summary>
public static class NoticePeriods
{
    public static bool CountFromSending(NoticeKind kind) => kind is NoticeKind.TerminationNoticed or NoticeKind.BreachNoticed;

    public static string EventId(string noticeId) => $"notice-sent:{noticeId}";
}
