using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Registrar.Core.Notices;

namespace Registrar.Mail;

/// <summary>The mail port over SMTP (MailKit). The Message-Id is derived from the notice id, so a
/// retried send carries the same id and receiving systems can recognise the duplicate; the notice
/// store is what guarantees a notice is sent once.</summary>
public sealed class SmtpMailSender(IOptions<SmtpOptions> options, ILogger<SmtpMailSender> logger) : IMailSender
{
    private readonly SmtpOptions _options = options.Value;

    public async Task SendAsync(MailMessage message, CancellationToken cancellationToken)
    {
        var mime = new MimeMessage
        {
            MessageId = $"{message.NoticeId}@{_options.MessageIdDomain}",
            Subject = message.Subject,
            Body = new BodyBuilder { TextBody = message.PlainText, HtmlBody = message.Html }.ToMessageBody(),
        };
        mime.From.Add(new MailboxAddress(_options.FromName, _options.FromAddress));
        mime.To.Add(MailboxAddress.Parse(message.To));

        using var client = new SmtpClient();
        await client.ConnectAsync(_options.Host, _options.Port, ToSocketOptions(_options.Security), cancellationToken);
        if (!string.IsNullOrEmpty(_options.UserName))
            await client.AuthenticateAsync(_options.UserName, _options.Password ?? "", cancellationToken);
        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);

        logger.LogInformation("Mailed notice {NoticeId}", message.NoticeId);
    }

    private static SecureSocketOptions ToSocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => throw new ArgumentOutOfRangeException(nameof(security), security, "Unknown SMTP security mode."),
    };
}
