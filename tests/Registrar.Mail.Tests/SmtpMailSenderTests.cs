using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Registrar.Core.Notices;
using Registrar.Mail;
using Registrar.Mail.Acs;
using Registrar.Testing;

namespace Registrar.Mail.Tests;

public sealed class SmtpMailSenderTests(MailSinkFixture sink) : IClassFixture<MailSinkFixture>
{
    private static SmtpMailSender Sender(int port, int maxConnections = 8, string? replyTo = null, TimeProvider? clock = null) => new(Options.Create(new SmtpOptions
    {
        Host = "127.0.0.1",
        Port = port,
        Security = SmtpSecurity.None,
        FromAddress = "noreply@registrar.test",
        MessageIdDomain = "registrar.test",
        MaxConnections = maxConnections,
        ReplyToAddress = replyTo,
    }), clock ?? TimeProvider.System, NullLogger<SmtpMailSender>.Instance);

    private static MailMessage Message(string noticeId, string to) => new(noticeId, to, $"Notice {noticeId}", "Text", "<p>Text</p>");

    [Fact]
    public async Task A_notice_arrives_at_the_smtp_sink_with_its_text_html_and_a_message_id_from_the_notice_id()
    {
        await using var sender = Sender(sink.SmtpPort);

        await sender.SendAsync(
            new MailMessage("notice-42", "owner@example.kz", "Домен пример.қаз зарегистрирован", "Текст", "<p>Текст</p>"),
            CancellationToken.None);

        var mail = await sink.WaitForMailAsync("owner@example.kz", m => m.Subject.Contains("пример.қаз"), TimeSpan.FromSeconds(10));
        Assert.Equal("Текст", mail.Text?.Trim());
        Assert.Contains("<p>Текст</p>", mail.Html);
        Assert.Equal("notice-42@registrar.test", mail.MessageId?.Trim('<', '>'));
    }

    [Fact]
    public async Task A_notice_is_dated_by_the_products_clock_RFC5322_3_6_1()
    {
        var now = new DateTimeOffset(2027, 12, 5, 14, 0, 0, TimeSpan.Zero);
        await using var sender = Sender(sink.SmtpPort, clock: new FakeTimeProvider(now));

        await sender.SendAsync(Message("dated-1", "dated@example.kz"), CancellationToken.None);

        var mail = await sink.WaitForMailAsync("dated@example.kz", _ => true, TimeSpan.FromSeconds(10));
        var header = (await sink.GetHeaderBlockAsync(mail.Id)).Split("\r\n").Single(l => l.StartsWith("Date: ", StringComparison.OrdinalIgnoreCase));
        Assert.True(MimeKit.Utils.DateUtils.TryParse(header["Date: ".Length..], out var dated), header);
        Assert.Equal(now, dated);
    }

    [Fact]
    public async Task A_notice_names_the_registrars_mailbox_in_reply_to_so_a_written_explanation_reaches_it_UA_2_3_1_RFC5322_3_6_2()
    {
        await using var sender = Sender(sink.SmtpPort, replyTo: "support@registrar.test");

        await sender.SendAsync(Message("reply-1", "reply@example.kz"), CancellationToken.None);

        var mail = await sink.WaitForMailAsync("reply@example.kz", m => m.Subject == "Notice reply-1", TimeSpan.FromSeconds(10));
        var headers = await sink.GetHeaderBlockAsync(mail.Id);
        Assert.Contains("\r\nReply-To: support@registrar.test\r\n", headers);
    }

    [Fact]
    public async Task Notices_sent_one_after_another_go_over_one_kept_session()
    {
        await using var relay = new TcpRelay(sink.SmtpPort);
        await using var sender = Sender(relay.Port);

        foreach (var n in Enumerable.Range(1, 3)) await sender.SendAsync(Message($"kept-{n}", "kept@example.kz"), CancellationToken.None);

        foreach (var n in Enumerable.Range(1, 3))
            await sink.WaitForMailAsync("kept@example.kz", m => m.Subject == $"Notice kept-{n}", TimeSpan.FromSeconds(10));
        Assert.Equal(1, relay.SessionsAccepted);
    }

    [Fact]
    public async Task A_kept_session_the_server_dropped_is_replaced_and_the_notice_still_goes_out()
    {
        await using var relay = new TcpRelay(sink.SmtpPort);
        await using var sender = Sender(relay.Port);
        await sender.SendAsync(Message("dropped-1", "dropped@example.kz"), CancellationToken.None);

        relay.DropSessions();
        await sender.SendAsync(Message("dropped-2", "dropped@example.kz"), CancellationToken.None);

        await sink.WaitForMailAsync("dropped@example.kz", m => m.Subject == "Notice dropped-2", TimeSpan.FromSeconds(10));
        Assert.Equal(2, relay.SessionsAccepted);
    }

    [Fact]
    public async Task Notices_sent_at_the_same_moment_open_no_more_sessions_than_allowed_and_all_go_out()
    {
        await using var relay = new TcpRelay(sink.SmtpPort);
        await using var sender = Sender(relay.Port, maxConnections: 2);

        await Task.WhenAll(Enumerable.Range(1, 12).Select(n => Task.Run(() => sender.SendAsync(Message($"burst-{n}", "burst@example.kz"), CancellationToken.None))));

        foreach (var n in Enumerable.Range(1, 12))
            await sink.WaitForMailAsync("burst@example.kz", m => m.Subject == $"Notice burst-{n}", TimeSpan.FromSeconds(10));
        Assert.InRange(relay.SessionsAccepted, 1, 2);
    }

    [Fact]
    public async Task A_mailbox_with_a_non_ascii_local_part_is_not_sent_to_a_server_without_smtputf8_RFC6531_3_2()
    {
        await using var server = new RefusingSmtpServer();
        await using var sender = Sender(server.Port, maxConnections: 1);

        var refused = await Assert.ThrowsAsync<NotSupportedException>(() =>
            sender.SendAsync(Message("eai-1", "иван@пример.қаз"), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Contains("eai-1", refused.Message);
        Assert.Contains("SMTPUTF8", refused.Message);
        Assert.DoesNotContain("иван", refused.Message);
        Assert.DoesNotContain("MAIL", server.Verbs);
        // The session's place was given back: the next notice is tried.
        await Assert.ThrowsAsync<MailNotSentException>(() =>
            sender.SendAsync(Message("eai-2", "owner@пример.қаз"), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task A_send_the_server_refuses_gives_its_session_place_back()
    {
        await using var server = new RefusingSmtpServer();
        await using var sender = Sender(server.Port, maxConnections: 1);

        foreach (var n in Enumerable.Range(1, 3))
            await Assert.ThrowsAsync<MailNotSentException>(() =>
                sender.SendAsync(Message($"refused-{n}", "nobody@example.kz"), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task A_refused_recipient_is_named_by_notice_and_reply_code_only_since_the_servers_reply_text_quotes_the_address_RFC_5321_4_2()
    {
        await using var server = new RefusingSmtpServer();
        await using var sender = Sender(server.Port);

        var refused = await Assert.ThrowsAsync<MailNotSentException>(() =>
            sender.SendAsync(Message("refused-quoted", "aigerim.n@example.kz"), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));

        // What is logged and kept as the lifecycle's failure reason: the whole exception, inner ones included.
        Assert.DoesNotContain("aigerim.n", refused.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(("refused-quoted", "550"), (refused.NoticeId, refused.ErrorCode));
        Assert.Contains("refused-quoted", refused.Message);
    }
}
