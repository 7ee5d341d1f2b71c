using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Registrar.Core.Notices;
using Registrar.Mail.Acs;

namespace Registrar.Mail.Tests.Acs;

public sealed class AcsMailSenderTests
{
    private const string Recipient = "owner@example.kz";
    private static readonly MailMessage Mail =
        new("r-1001:c3", Recipient, "Домен пример.қаз зарегистрирован", "Текст", "<p>Текст</p>");

    private readonly InstantTimeProvider _time = new();
    private readonly FixedTokenCredential _credential = new();
    private readonly RecordingLogger<AcsMailSender> _log = new();
    // A guard against a hang, far above what any of these tests takes.
    private readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    private AcsMailSender Sender(AcsStandIn acs, TimeSpan? maxWait = null, string? replyTo = null) => new(
        _credential,
        acs.TrustingClientOptions(),
        Options.Create(new AcsEmailOptions
        {
            Endpoint = acs.Endpoint,
            SenderAddress = "noreply@registrar.test",
            MaxWait = maxWait ?? TimeSpan.FromMinutes(2),
            ReplyToAddress = replyTo,
        }),
        _time,
        _log);

    [Fact]
    public async Task A_send_accepted_then_running_then_succeeded_polls_after_each_retry_after_and_returns()
    {
        await using var acs = await AcsStandIn.StartAsync(
            send: [AcsReply.Accepted(retryAfter: 2)],
            poll: [AcsReply.Status("Running", retryAfter: 3), AcsReply.Status("Succeeded")]);

        await Sender(acs).SendAsync(Mail, _ct);

        Assert.Empty(acs.Problems);
        var operation = NoticeOperationId.For(Mail.NoticeId).ToString();
        Assert.Equal(
            [$"GET /emails/operations/{operation}", "POST /emails:send", $"GET /emails/operations/{operation}", $"GET /emails/operations/{operation}"],
            acs.Requests.Select(r => $"{r.Method} {r.Path}"));
        Assert.Equal([operation], acs.Mailed);
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3)], _time.Waits);
        Assert.Equal(["https://communication.azure.com//.default"], _credential.Scopes.Distinct());

        var body = JsonNode.Parse(acs.Requests[1].Body)!;
        Assert.Equal("noreply@registrar.test", (string?)body["senderAddress"]);
        Assert.Equal(Mail.Subject, (string?)body["content"]!["subject"]);
        Assert.Equal(Mail.PlainText, (string?)body["content"]!["plainText"]);
        Assert.Equal(Mail.Html, (string?)body["content"]!["html"]);
        Assert.Equal(Recipient, (string?)body["recipients"]!["to"]![0]!["address"]);
        Assert.Contains(_log.Lines, line => line.Contains(Mail.NoticeId) && line.Contains("Succeeded"));
        Assert.DoesNotContain(_log.Lines, line => line.Contains(Recipient));
    }

    [Fact]
    public async Task A_notice_names_the_registrars_mailbox_to_reply_to_so_a_written_explanation_reaches_it_UA_2_3_1_KZ_App_4()
    {
        await using var acs = await AcsStandIn.StartAsync(
            send: [AcsReply.Accepted(retryAfter: 1), AcsReply.Accepted(retryAfter: 1)],
            poll: [AcsReply.Status("Succeeded"), AcsReply.Status("Succeeded")]);

        await Sender(acs, replyTo: "support@registrar.test").SendAsync(Mail, _ct);
        await Sender(acs).SendAsync(Mail with { NoticeId = "r-1001:c5" }, _ct);

        Assert.Empty(acs.Problems);
        var bodies = acs.Requests.Where(r => r.Method == "POST").Select(r => JsonNode.Parse(r.Body)!.AsObject()).ToList();
        Assert.Equal("support@registrar.test", (string?)bodies[0]["replyTo"]![0]!["address"]);
        Assert.False(bodies[1].ContainsKey("replyTo"));
    }

    [Theory]
    [InlineData("info@пример.қаз", "info@xn--e1afmkfd.xn--80ao21a")]
    [InlineData("Owner@Example.KZ", "Owner@Example.KZ")]
    public async Task A_recipient_at_an_idn_domain_is_sent_with_the_domain_as_its_a_label_RFC5890_RFC6531(string to, string sent)
    {
        await using var acs = await AcsStandIn.StartAsync(
            send: [AcsReply.Accepted(retryAfter: 1)],
            poll: [AcsReply.Status("Succeeded")]);

        await Sender(acs).SendAsync(Mail with { To = to }, _ct);

        Assert.Empty(acs.Problems);
        var body = JsonNode.Parse(acs.Requests.Single(r => r.Method == "POST").Body)!;
        Assert.Equal(sent, (string?)body["recipients"]!["to"]![0]!["address"]);
    }

    [Fact]
    public async Task A_throttled_send_is_sent_again_after_the_services_retry_after_as_the_same_repeatable_request()
    {
        await using var acs = await AcsStandIn.StartAsync(
            send: [AcsReply.Error(429, "TooManyRequests", retryAfter: 1), AcsReply.Accepted(retryAfter: 1)],
            poll: [AcsReply.Status("Succeeded")]);

        await Sender(acs).SendAsync(Mail, _ct);

        Assert.Empty(acs.Problems);
        var sends = acs.Requests.Where(r => r.Method == "POST").ToList();
        Assert.Equal(2, sends.Count);
        Assert.All(sends, send => Assert.Equal(NoticeOperationId.For(Mail.NoticeId).ToString(), send.OperationId));
        Assert.Equal(sends[0].RepeatabilityId, sends[1].RepeatabilityId);
        Assert.Single(acs.Mailed);
        // Azure.Core's retry policy waits in real time; only the lower bound is certain on a busy machine.
        Assert.True(Stopwatch.GetElapsedTime(sends[0].At, sends[1].At) >= TimeSpan.FromSeconds(0.9));
    }

    [Fact]
    public async Task A_server_error_is_retried_and_the_send_then_goes_through()
    {
        await using var acs = await AcsStandIn.StartAsync(
            send: [AcsReply.Error(500, "InternalServerError"), AcsReply.Accepted(retryAfter: 1)],
            poll: [AcsReply.Status("Succeeded")]);

        await Sender(acs).SendAsync(Mail, _ct);

        Assert.Empty(acs.Problems);
        Assert.Equal(2, acs.Requests.Count(r => r.Method == "POST"));
    }

    [Theory]
    [InlineData("Failed")]
    [InlineData("Canceled")]
    public async Task An_operation_that_ends_failed_or_canceled_raises_mail_not_sent_naming_the_error_code_and_not_the_address(string status)
    {
        await using var acs = await AcsStandIn.StartAsync(
            send: [AcsReply.Accepted(retryAfter: 1)],
            poll: [AcsReply.Status(status, errorCode: "EmailDroppedAllRecipientsSuppressed")]);

        var error = await Assert.ThrowsAsync<MailNotSentException>(() => Sender(acs).SendAsync(Mail, _ct));

        Assert.Empty(acs.Problems);
        Assert.Equal(Mail.NoticeId, error.NoticeId);
        Assert.Equal("EmailDroppedAllRecipientsSuppressed", error.ErrorCode);
        Assert.Contains(Mail.NoticeId, error.Message);
        Assert.Contains("EmailDroppedAllRecipientsSuppressed", error.Message);
        Assert.DoesNotContain(Recipient, error.Message);
        Assert.DoesNotContain(_log.Lines, line => line.Contains(Recipient));
    }

    [Fact]
    public async Task A_bad_request_is_not_retried_and_raises_mail_not_sent_with_the_error_code()
    {
        await using var acs = await AcsStandIn.StartAsync(
            send: [AcsReply.Error(400, "InvalidSenderUserName")],
            poll: [AcsReply.Status("Succeeded")]);

        var error = await Assert.ThrowsAsync<MailNotSentException>(() => Sender(acs).SendAsync(Mail, _ct));

        Assert.Empty(acs.Problems);
        Assert.Single(acs.Requests, r => r.Method == "POST");
        Assert.Equal("InvalidSenderUserName", error.ErrorCode);
        Assert.Contains("400", error.Message);
        Assert.DoesNotContain(Recipient, error.Message);
    }

    [Fact]
    public async Task A_repeat_send_of_a_notice_the_service_accepted_follows_that_operation_and_mails_once_and_another_notice_is_sent()
    {
        await using var acs = await AcsStandIn.StartAsync(
            send: [AcsReply.Accepted(retryAfter: 1)],
            poll: [AcsReply.Status("Succeeded")]);
        var sender = Sender(acs);

        await sender.SendAsync(Mail, _ct);
        // The activity or queue message run again, its first answer lost: the operation is asked for, not sent again.
        await sender.SendAsync(Mail, _ct);
        await sender.SendAsync(Mail with { NoticeId = "r-1001:c4" }, _ct);

        Assert.Empty(acs.Problems);
        Assert.Equal([NoticeOperationId.For(Mail.NoticeId).ToString(), NoticeOperationId.For("r-1001:c4").ToString()], acs.Mailed);
        Assert.Equal(2, acs.Requests.Count(r => r.Method == "POST"));
    }

    [Fact]
    public async Task A_notice_whose_send_the_service_failed_is_sent_again_under_its_next_operation_id()
    {
        await using var acs = await AcsStandIn.StartAsync(
            send: [AcsReply.Accepted(retryAfter: 1)],
            poll: [AcsReply.Status("Failed", errorCode: "ServiceUnavailable"), AcsReply.Status("Failed", errorCode: "ServiceUnavailable"),
                AcsReply.Status("Succeeded")]);
        var sender = Sender(acs);

        await Assert.ThrowsAsync<MailNotSentException>(() => sender.SendAsync(Mail, _ct));
        await sender.SendAsync(Mail, _ct);

        Assert.Empty(acs.Problems);
        Assert.Equal([NoticeOperationId.For(Mail.NoticeId).ToString(), NoticeOperationId.For(Mail.NoticeId, 2).ToString()], acs.Mailed);
    }

    [Fact]
    public async Task An_operation_that_does_not_finish_within_the_max_wait_raises_after_a_last_poll_at_the_deadline()
    {
        await using var acs = await AcsStandIn.StartAsync(
            send: [AcsReply.Accepted(retryAfter: 30)],
            poll: [AcsReply.Status("Running", retryAfter: 30)]);

        var error = await Assert.ThrowsAsync<MailNotSentException>(
            () => Sender(acs, maxWait: TimeSpan.FromSeconds(100)).SendAsync(Mail, _ct));

        Assert.Empty(acs.Problems);
        // Polls at 30, 60 and 90 s, and one at the deadline: the last Retry-After is cut to what is left.
        Assert.Equal([30, 30, 30, 10], _time.Waits.Select(w => w.TotalSeconds));
        // The look-up of the notice's operation before the send, then the four polls.
        Assert.Equal(5, acs.Requests.Count(r => r.Method == "GET"));
        Assert.Null(error.ErrorCode);
        Assert.Contains(Mail.NoticeId, error.Message);
        Assert.Contains("Running", error.Message);
    }
}
