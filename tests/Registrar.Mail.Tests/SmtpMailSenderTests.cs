using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Registrar.Core.Notices;
using Registrar.Mail;
using Registrar.Testing;

namespace Registrar.Mail.Tests;

public sealed class SmtpMailSenderTests(MailSinkFixture sink) : IClassFixture<MailSinkFixture>
{
    [Fact]
    public async Task A_notice_arrives_at_the_smtp_sink_with_its_text_html_and_a_message_id_from_the_notice_id()
    {
        var sender = new SmtpMailSender(Options.Create(new SmtpOptions
        {
            Host = "127.0.0.1",
            Port = sink.SmtpPort,
            Security = SmtpSecurity.None,
            FromAddress = "noreply@registrar.test",
            MessageIdDomain = "registrar.test",
        }), NullLogger<SmtpMailSender>.Instance);

        await sender.SendAsync(
            new MailMessage("notice-42", "owner@example.kz", "Домен пример.қаз зарегистрирован", "Текст", "<p>Текст</p>"),
            CancellationToken.None);

        var mail = await sink.WaitForMailAsync("owner@example.kz", m => m.Subject.Contains("пример.қаз"), TimeSpan.FromSeconds(10));
        Assert.Equal("Текст", mail.Text?.Trim());
        Assert.Contains("<p>Текст</p>", mail.Html);
        Assert.Equal("notice-42@registrar.test", mail.MessageId?.Trim('<', '>'));
    }
}
