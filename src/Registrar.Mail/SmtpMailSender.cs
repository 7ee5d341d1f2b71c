using System.Globalization;
using System.Text;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Registrar.Core.Notices;
using Registrar.Mail.Acs;

namespace Registrar.Mail;

/// <summary>The mail port over SMTP (MailKit), on sessions kept open between messages, no more open at once than
/// <see cref="SmtpOptions.MaxConnections"/>. The Message-Id is derived from
/// the notice id, so a retried send carries the same id and receiving systems can recognise the duplicate; the notice
/// store is what guarantees a notice is sent once.</summary>
public sealed class SmtpMailSender(IOptions<SmtpOptions> options, TimeProvider clock, ILogger<SmtpMailSender> logger) : IMailSender, IAsyncDisposable
{
    private readonly SmtpOptions _options = options.Value;
    private readonly SmtpConnections _connections = new(options.Value, clock);

    public async Task SendAsync(MailMessage message, CancellationToken cancellationToken)
    {
        var mime = new MimeMessage
        {
            MessageId = $"{message.NoticeId}@{_options.MessageIdDomain}",
            // RFC 5322 section 3.6.1: the origination date, read from the product's clock as every other date it states.
            Date = clock.GetUtcNow(),
            Subject = message.Subject,
            Body = new BodyBuilder { TextBody = message.PlainText, HtmlBody = message.Html }.ToMessageBody(),
        };
        mime.From.Add(new MailboxAddress(_options.FromName, _options.FromAddress));
        if (!string.IsNullOrEmpty(_options.ReplyToAddress)) mime.ReplyTo.Add(MailboxAddress.Parse(_options.ReplyToAddress));
        mime.To.Add(MailboxAddress.Parse(message.To));

        var (client, reused) = await _connections.RentAsync(cancellationToken);
        try
        {
            // RFC 6531 section 3.2: a mailbox whose local part is not ASCII is reached only through a server that offers
            // SMTPUTF8; MailKit would send it raw to any other, malformed (RFC 5321 section 4.1.2), so it is not sent at all.
            if (!client.Capabilities.HasFlag(SmtpCapabilities.UTF8) && !Ascii.IsValid(message.To.AsSpan(0, message.To.LastIndexOf('@') + 1)))
                throw new NotSupportedException(
                    $"Notice {message.NoticeId}: the contact e-mail's local part is not ASCII and the SMTP server does not offer SMTPUTF8 (RFC 6531).");
            while (true)
            {
                try
                {
                    await client.SendAsync(mime, cancellationToken);
                    break;
                }
                catch (Exception e) when (reused && e is IOException or ServiceNotConnectedException or SmtpProtocolException)
                {
                    // A kept session the server dropped fails before anything was accepted: one fresh session sends the message.
                    client.Dispose();
                    (client, reused) = (await _connections.ConnectAsync(cancellationToken), false);
                }
            }
        }
        catch (SmtpCommandException e)
        {
            _connections.Discard(client);
            // The server's reply text is its own and often quotes the recipient ("<who@where>: Recipient address rejected"):
            // the exception, which is logged and kept as the failure's reason, names the notice and the reply code only.
            throw new MailNotSentException(message.NoticeId, ((int)e.StatusCode).ToString(CultureInfo.InvariantCulture),
                $"Notice {message.NoticeId} not mailed: the SMTP server answered {(int)e.StatusCode} ({e.ErrorCode}).");
        }
        catch
        {
            _connections.Discard(client);
            throw;
        }
        await _connections.ReturnAsync(client);
        logger.LogInformation("Mailed notice {NoticeId}", message.NoticeId);
    }

    public ValueTask DisposeAsync() => _connections.DisposeAsync();
}
