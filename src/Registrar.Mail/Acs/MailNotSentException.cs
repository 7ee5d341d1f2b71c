namespace Registrar.Mail.Acs;

/// <summary>
/// Communication Services (or the SMTP server, <see cref="SmtpMailSender"/>) did not take or did not deliver a notice's
/// mail; the caller's retry policy decides what next (a resend is the same operation at the service, see
/// <see cref="NoticeOperationId"/>). The message names the notice and the service's error code only: never an address,
/// and never the service's error text, which can quote one.
/// </summary>
public sealed class MailNotSentException(string noticeId, string? errorCode, string message) : Exception(message)
{
    public string NoticeId { get; } = noticeId;

    /// <summary>The service's error code, or null when it gave none (as when the send was not confirmed in time).</summary>
    public string? ErrorCode { get; } = errorCode;
}
