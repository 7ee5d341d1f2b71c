using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Core.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Registrar.Mail.Acs;

namespace Registrar.Mail.Tests.Acs;

/// <summary>
/// A local HTTPS stand-in for the Communication Services Email REST API (2023-03-31), on Kestrel with
/// a certificate made for the test. It checks what the real service would refuse (bearer token,
/// api-version, Operation-Id, the repeatable-request headers, the send body's shape), records each
/// request, and answers from two scripts, one for sends and one for polls of operations it accepted,
/// whose last answer repeats. An operation it never accepted is a 404; a send repeating the
/// Repeatability-Request-Id of one it accepted gets that answer again and mails nothing more.
/// </summary>
public sealed class AcsStandIn : IAsyncDisposable
{
    public const string Token = "test-token";

    // Written out rather than taken from the client, so a client on another version is caught.
    private const string ApiVersion = "2023-03-31";

    private readonly object _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<string> _problems = [];
    private readonly HashSet<string> _operations = [];
    private readonly Dictionary<string, (AcsReply Reply, string OperationId)> _repeatable = [];
    private readonly List<string> _mailed = [];
    private readonly IReadOnlyList<AcsReply> _sendReplies;
    private readonly IReadOnlyList<AcsReply> _pollReplies;
    private readonly X509Certificate2 _certificate = CreateCertificate();
    private WebApplication? _app;
    private int _sends, _polls;

    private AcsStandIn(IReadOnlyList<AcsReply> sendReplies, IReadOnlyList<AcsReply> pollReplies) =>
        (_sendReplies, _pollReplies) = (sendReplies, pollReplies);

    public Uri Endpoint { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests { get { lock (_gate) return [.. _requests]; } }

    /// <summary>The operation ids of the sends that mailed someone, once each however often they were repeated.</summary>
    public IReadOnlyList<string> Mailed { get { lock (_gate) return [.. _mailed]; } }

    /// <summary>What the real service would have refused; a test expects none.</summary>
    public IReadOnlyList<string> Problems { get { lock (_gate) return [.. _problems]; } }

    public static async Task<AcsStandIn> StartAsync(IReadOnlyList<AcsReply> send, IReadOnlyList<AcsReply> poll)
    {
        var standIn = new AcsStandIn(send, poll);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(standIn._certificate)));
        standIn._app = builder.Build();
        standIn._app.Run(standIn.HandleAsync);
        await standIn._app.StartAsync();
        var address = standIn._app.Services.GetRequiredService<IServer>().Features
            .GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        standIn.Endpoint = new Uri(address);
        return standIn;
    }

    /// <summary>Client options that trust this stand-in's certificate alone and retry after 10 ms when no Retry-After is given.</summary>
    public AcsEmailClientOptions TrustingClientOptions()
    {
        var expected = _certificate.GetCertHashString();
        var options = new AcsEmailClientOptions
        {
            Transport = new HttpClientTransport(new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert?.GetCertHashString() == expected,
            }),
        };
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);
        return options;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var text = await new StreamReader(request.Body).ReadToEndAsync(context.RequestAborted);
        var operationId = request.Headers["Operation-Id"].ToString();
        var problems = new List<string>();
        if (request.Headers.Authorization != $"Bearer {Token}") problems.Add("no bearer token");
        if (request.Query["api-version"] != ApiVersion) problems.Add($"api-version {request.Query["api-version"]}");

        var path = request.Path.Value ?? "";
        var isSend = HttpMethods.IsPost(request.Method) && path == "/emails:send";
        var polled = HttpMethods.IsGet(request.Method) && path.StartsWith("/emails/operations/", StringComparison.Ordinal)
            ? path["/emails/operations/".Length..] : null;
        var repeatabilityId = request.Headers["Repeatability-Request-Id"].ToString();
        if (isSend)
        {
            if (!Guid.TryParse(operationId, out _)) problems.Add($"Operation-Id '{operationId}'");
            if (!Guid.TryParse(repeatabilityId, out _)) problems.Add($"Repeatability-Request-Id '{repeatabilityId}'");
            if (!DateTimeOffset.TryParseExact(request.Headers["Repeatability-First-Sent"].ToString(), "R", null, DateTimeStyles.AssumeUniversal, out _))
                problems.Add($"Repeatability-First-Sent '{request.Headers["Repeatability-First-Sent"]}'");
            problems.AddRange(SendBodyProblems(text));
        }
        else if (polled is null) problems.Add($"no such route {request.Method} {path}");

        AcsReply reply;
        lock (_gate)
        {
            _requests.Add(new RecordedRequest(request.Method, path, operationId, text, Stopwatch.GetTimestamp(), repeatabilityId));
            _problems.AddRange(problems);
            if (problems.Count > 0) reply = AcsReply.Error(400, "StandInRefused: " + string.Join("; ", problems));
            else if (isSend && _repeatable.TryGetValue(repeatabilityId, out var first)) (reply, operationId) = first;
            else if (isSend) reply = _sendReplies[Math.Min(_sends++, _sendReplies.Count - 1)];
            else if (!_operations.Contains(polled!)) reply = AcsReply.Error(404, "NotFound");
            else reply = _pollReplies[Math.Min(_polls++, _pollReplies.Count - 1)];
            if (isSend && reply.HttpStatus == 202 && _repeatable.TryAdd(repeatabilityId, (reply, operationId)))
            {
                _operations.Add(operationId);
                _mailed.Add(operationId);
            }
        }
        await AnswerAsync(context, reply, isSend ? operationId : polled!, RecipientOf(text));
    }

    private async Task AnswerAsync(HttpContext context, AcsReply reply, string operationId, string? recipient)
    {
        var response = context.Response;
        response.StatusCode = reply.HttpStatus;
        if (reply.RetryAfterSeconds is { } seconds) response.Headers.RetryAfter = seconds.ToString();
        JsonObject body;
        if (reply.OperationStatus is null)
        {
            body = new JsonObject { ["error"] = new JsonObject { ["code"] = reply.ErrorCode, ["message"] = "The request was refused." } };
        }
        else
        {
            body = new JsonObject { ["id"] = operationId, ["status"] = reply.OperationStatus };
            // As the service does, the error text can quote the recipient: the client must not pass it on.
            if (reply.ErrorCode is not null)
                body["error"] = new JsonObject { ["code"] = reply.ErrorCode, ["message"] = $"Recipient {recipient} is suppressed." };
            if (reply.HttpStatus == 202)
                response.Headers["Operation-Location"] = $"{Endpoint}emails/operations/{operationId}?api-version={ApiVersion}";
        }
        response.ContentType = "application/json";
        await response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    private static IEnumerable<string> SendBodyProblems(string text)
    {
        JsonNode? body;
        try { body = JsonNode.Parse(text); }
        catch (JsonException) { return ["body is not JSON"]; }
        string[] strings = ["senderAddress", "content.subject", "content.plainText", "content.html", "recipients.to.0.address"];
        var problems = strings.Where(field => Walk(body, field)?.GetValueKind() != JsonValueKind.String).ToList();
        if (Walk(body, "userEngagementTrackingDisabled")?.GetValueKind() != JsonValueKind.True)
            problems.Add("userEngagementTrackingDisabled is not true");
        return problems;
    }

    /// <summary>The node at a dotted path of object names and array indexes, or null where the shape differs.</summary>
    private static JsonNode? Walk(JsonNode? node, string path) =>
        path.Split('.').Aggregate(node, (current, step) => current switch
        {
            JsonObject o => o[step],
            JsonArray a when int.TryParse(step, out var i) && i < a.Count => a[i],
            _ => null,
        });

    private static string? RecipientOf(string text)
    {
        try { return Walk(JsonNode.Parse(text), "recipients.to.0.address")?.GetValue<string>(); }
        catch (JsonException) { return null; }
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = DateTimeOffset.UtcNow;
        using var created = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
        // Through PKCS#12 so the certificate carries its private key in the form Kestrel's TLS needs.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        _certificate.Dispose();
    }
}

/// <param name="Body">The request body as sent (empty on a poll).</param>
/// <param name="At">Stopwatch timestamp of arrival, for measuring the client's waits in real time.</param>
/// <param name="RepeatabilityId">The Repeatability-Request-Id header (empty on a poll).</param>
public sealed record RecordedRequest(string Method, string Path, string OperationId, string Body, long At, string RepeatabilityId);
