using Azure;
using Azure.Communication.Email;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Registrar.Core.Notices;
using Registrar.Orchestration.Notices;

namespace Registrar.Functions.Mail;

/// <summary>
/// The mail port on Azure Communication Services Email. Each notice is sent under an operation id
/// derived from its notice id, so a retried send is the same request to the service.
/// </summary>
public sealed class AcsMailSender(EmailClient email, IOptions<AcsEmailOptions> options, ILogger<AcsMailSender> logger) : IMailSender
{
    public async Task SendAsync(MailMessage message, CancellationToken cancellationToken)
    {
        var content = new EmailContent(message.Subject) { PlainText = message.PlainText, Html = message.Html };
        var mail = new EmailMessage(options.Value.SenderAddress, message.To, content);
        try
        {
            EmailSendOperation sent = await email.SendAsync(WaitUntil.Completed, mail, NoticeOperationId.For(message.NoticeId), cancellationToken);
            if (sent.Value.Status != EmailSendStatus.Succeeded)
            {
                throw new MailNotSentException($"Notice {message.NoticeId}: Communication Services ended send {sent.Id} as {sent.Value.Status}.");
            }
        }
        catch (RequestFailedException e)
        {
            // No address in the log: the notice id identifies the customer for those allowed to know.
            logger.LogError(e, "Notice {NoticeId} not sent: Communication Services answered {Status} {Code}", message.NoticeId, e.Status, e.ErrorCode);
            throw;
        }
    }
}

/// <summary>The service accepted the request but did not deliver it; the caller's retry policy decides what next.</summary>
public sealed class MailNotSentException(string message) : Exception(message);
