using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Registrar.Core.Customers;
using Registrar.Core.Notices;

namespace Registrar.Mail.Acs;

/// <summary>
/// The mail port on the Communication Services Email REST API, written on Azure.Core because the
/// Email SDK package is not available to this build: one POST to emails:send, then polls of the
/// operation until it ends. Each notice is sent under an Operation-Id derived from its notice id, and a
/// send first asks for that operation: one an earlier attempt started (its answer lost, its process
/// gone) is followed, not sent again, so the customer is mailed once. The service documents no
/// de-duplication by Operation-Id; its repeatable-request headers cover the pipeline's own retries of
/// the POST, within the 5 minutes it tracks them. No address is logged or put in an exception: the
/// notice id identifies the customer for those allowed to know.
/// </summary>
public sealed class AcsMailSender : IMailSender
{
    public const string ApiVersion = "2023-03-31";

    /// <summary>Sends of one notice the service may end as failed before its last failure is the answer.</summary>
    public const int MaxSendsPerNotice = 5;

    // The Communication Services audience, double slash included, as the service's own SDKs ask for it.
    private const string Scope = "https://communication.azure.com//.default";

    private readonly HttpPipeline _pipeline;
    private readonly AcsEmailOptions _options;
    private readonly string _endpoint;
    private readonly TimeProvider _time;
    private readonly ILogger<AcsMailSender> _logger;

    public AcsMailSender(
        TokenCredential credential,
        AcsEmailClientOptions clientOptions,
        IOptions<AcsEmailOptions> options,
        TimeProvider time,
        ILogger<AcsMailSender> logger)
    {
        _options = options.Value;
        _endpoint = (_options.Endpoint ?? throw new ArgumentException("Mail:Acs:Endpoint is not set.", nameof(options)))
            .AbsoluteUri.TrimEnd('/');
        _pipeline = HttpPipelineBuilder.Build(clientOptions, new BearerTokenAuthenticationPolicy(credential, Scope));
        _time = time;
        _logger = logger;
    }

    public async Task SendAsync(MailMessage message, CancellationToken cancellationToken)
    {
        var noticeId = message.NoticeId;
        var started = _time.GetTimestamp();
        var (operation, retryAfter) = await FollowOrStartAsync(message, cancellationToken);
        while (operation.Status is not ("Succeeded" or "Failed" or "Canceled"))
        {
            var remaining = _options.MaxWait - _time.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                _logger.LogWarning("Notice {NoticeId}: mail operation {OperationId} still {Status} after {MaxWait}",
                    noticeId, operation.Id, operation.Status, _options.MaxWait);
                throw new MailNotSentException(noticeId, null,
                    $"Notice {noticeId}: Communication Services had not finished operation {operation.Id} within {_options.MaxWait} (last status {operation.Status}).");
            }
            await Task.Delay(retryAfter < remaining ? retryAfter : remaining, _time, cancellationToken);
            (operation, retryAfter) = await PollAsync(noticeId, operation.Id, cancellationToken);
            _logger.LogDebug("Notice {NoticeId}: mail operation {OperationId} is {Status}", noticeId, operation.Id, operation.Status);
        }

        if (operation.Status == "Succeeded")
        {
            _logger.LogInformation("Mailed notice {NoticeId} (operation {OperationId} Succeeded)", noticeId, operation.Id);
            return;
        }
        var code = operation.Error?.Code;
        _logger.LogWarning("Notice {NoticeId} not mailed: operation {OperationId} ended {Status} {ErrorCode}",
            noticeId, operation.Id, operation.Status, code);
        throw new MailNotSentException(noticeId, code,
            $"Notice {noticeId}: Communication Services ended operation {operation.Id} as {operation.Status} ({code ?? "no error code"}).");
    }

    /// <summary>The operation an earlier attempt started for the notice, unless the service ended it failed or canceled: that
    /// mail was not sent, so a later attempt (operations' retry) sends it under the notice's next operation id.</summary>
    private async Task<(AcsOperation, TimeSpan)> FollowOrStartAsync(MailMessage mail, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var operationId = NoticeOperationId.For(mail.NoticeId, attempt).ToString();
            if (await FindAsync(mail.NoticeId, operationId, cancellationToken) is not { } found)
                return await StartAsync(mail, operationId, cancellationToken);
            if (found.Operation.Status is not ("Failed" or "Canceled") || attempt == MaxSendsPerNotice) return found;
        }
    }

    /// <summary>The operation an attempt started under this id, or null when the service knows none.</summary>
    private async Task<(AcsOperation Operation, TimeSpan RetryAfter)?> FindAsync(string noticeId, string operationId, CancellationToken cancellationToken)
    {
        using var message = OperationRequest(operationId);
        await _pipeline.SendAsync(message, cancellationToken);
        if (message.Response.Status == 404) return null;
        return Read(message.Response, 200, noticeId);
    }

    private async Task<(AcsOperation, TimeSpan)> StartAsync(MailMessage mail, string operationId, CancellationToken cancellationToken)
    {
        var body = new AcsSendRequest(
            _options.SenderAddress,
            new AcsEmailContent(mail.Subject, mail.PlainText, mail.Html),
            new AcsRecipients([new AcsAddress(MailboxSpelling.WithAsciiDomain(mail.To))]),
            // Transactional mail about a customer's own domain: no tracking pixels or rewritten links.
            UserEngagementTrackingDisabled: true,
            // The sender is a DoNotReply address; notices ask for answers (UA-2.3.1, KZ-App-4).
            ReplyTo: string.IsNullOrEmpty(_options.ReplyToAddress) ? null : [new AcsAddress(_options.ReplyToAddress)]);

        using var message = _pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Post;
        message.Request.Uri.Reset(new Uri($"{_endpoint}/emails:send?api-version={ApiVersion}"));
        message.Request.Headers.Add("Operation-Id", operationId);
        // OASIS Repeatable Requests, as the Email API asks for them: the retry policy resends this same message, headers and
        // all, and the service answers a repeat within its tracked 5 minutes without sending the mail again.
        message.Request.Headers.Add("Repeatability-Request-Id", Guid.NewGuid().ToString());
        message.Request.Headers.Add("Repeatability-First-Sent", _time.GetUtcNow().ToString("R", CultureInfo.InvariantCulture));
        message.Request.Headers.Add(HttpHeader.Names.ContentType, "application/json");
        // Bytes, not a stream: the retry policy sends the same body again after a 429 or 5xx.
        message.Request.Content = RequestContent.Create(JsonSerializer.SerializeToUtf8Bytes(body, AcsJson.Options));
        return await ExchangeAsync(message, 202, mail.NoticeId, cancellationToken);
    }

    private async Task<(AcsOperation, TimeSpan)> PollAsync(string noticeId, string operationId, CancellationToken cancellationToken)
    {
        using var message = OperationRequest(operationId);
        return await ExchangeAsync(message, 200, noticeId, cancellationToken);
    }

    private HttpMessage OperationRequest(string operationId)
    {
        var message = _pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Get;
        // Built from the configured endpoint rather than taken from Operation-Location, so the bearer
        // token is only ever sent to the resource the configuration names.
        message.Request.Uri.Reset(new Uri(
            $"{_endpoint}/emails/operations/{Uri.EscapeDataString(operationId)}?api-version={ApiVersion}"));
        return message;
    }

    /// <summary>Sends through the pipeline (which has already retried 429 and 5xx) and reads the operation.</summary>
    private async Task<(AcsOperation, TimeSpan)> ExchangeAsync(
        HttpMessage message, int expectedStatus, string noticeId, CancellationToken cancellationToken)
    {
        await _pipeline.SendAsync(message, cancellationToken);
        return Read(message.Response, expectedStatus, noticeId);
    }

    private (AcsOperation, TimeSpan) Read(Response response, int expectedStatus, string noticeId)
    {
        if (response.Status != expectedStatus)
        {
            var code = ErrorCode(response);
            _logger.LogWarning("Notice {NoticeId} not mailed: Communication Services answered {HttpStatus} {ErrorCode}",
                noticeId, response.Status, code);
            throw new MailNotSentException(noticeId, code,
                $"Notice {noticeId}: Communication Services answered {response.Status} ({code ?? "no error code"}).");
        }
        var operation = response.Content.ToObjectFromJson<AcsOperation>(AcsJson.Options)
            ?? throw new JsonException("Communication Services answered with an empty operation.");
        return (operation, RetryAfter(response));
    }

    private TimeSpan RetryAfter(Response response) =>
        // The service gives whole seconds; without a usable value (or with 0, which would make the poll
        // a busy loop) the configured interval applies.
        response.Headers.TryGetValue("Retry-After", out var value)
        && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : _options.DefaultPollInterval;

    private static string? ErrorCode(Response response)
    {
        try
        {
            return response.Content.ToObjectFromJson<AcsErrorResponse>(AcsJson.Options)?.Error?.Code;
        }
        catch (JsonException)
        {
            // A gateway's HTML or an empty body: the HTTP status is all there is to report.
            return null;
        }
    }
}
