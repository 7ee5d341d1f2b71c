using Registrar.Payments.Notifications;

namespace Registrar.Payments.Camt054;

/// <summary>Stops reading a message that cannot be trusted as a whole; turned into a rejection by the reader.</summary>
internal sealed class Camt054FormatException(NotificationRejectionReason reason, string message) : Exception(message)
{
    public NotificationRejectionReason Reason { get; } = reason;
}
