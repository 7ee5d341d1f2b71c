namespace Registrar.Core.Notices;

/// <summary>The mail port: SMTP in the local host, Azure Communication Email in Azure.</summary>
public interface IMailSender
{
    /// <summary>Sends one message. Implementations are idempotent by <see cref="MailMessage.NoticeId"/>
    /// where the transport allows it, so a retried send does not mail the customer twice.</summary>
    Task SendAsync(MailMessage message, CancellationToken cancellationToken);
}

/// <param name="NoticeId">Stable id of the notice this mail carries (the idempotency key).</param>
public sealed record MailMessage(string NoticeId, string To, string Subject, string PlainText, string Html);
