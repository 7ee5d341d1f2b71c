using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace Registrar.Testing;

/// <summary>MailDev (a real SMTP server with a REST API) from the project's npm dependencies, on
/// free loopback ports; the tests read what the product mailed through its API.</summary>
public sealed class MailSinkFixture : ISmtpSink
{
    private ChildProcess? _process;
    private readonly HttpClient _http = new();

    public int SmtpPort { get; private set; }
    public int WebPort { get; private set; }

    public async Task InitializeAsync()
    {
        var maildev = Path.Combine(RepositoryPaths.Root, "node_modules", "maildev", "dist", "bin", "maildev.js");
        if (!File.Exists(maildev))
            throw new InvalidOperationException($"MailDev is not installed at {maildev}: run scripts/setup.sh (npm ci).");
        for (var attempt = 1; ; attempt++)
        {
            (SmtpPort, WebPort) = (FreeTcpPort.Next(), FreeTcpPort.Next());
            var process = _process = ChildProcess.Start(RepositoryPaths.Node,
                [maildev, "--smtp", SmtpPort.ToString(), "--ip", "127.0.0.1", "--web", WebPort.ToString(), "--web-ip", "127.0.0.1"]);
            // MailDev reports a port taken and keeps running without it, so the wait ends on that report as on an exit.
            bool Failed() => process.HasExited || process.Output.Contains("EADDRINUSE", StringComparison.Ordinal);
            try
            {
                // Node starts MailDev in a few seconds on an idle machine, far slower beside a whole test run on two cores.
                await FreeTcpPort.WaitUntilListeningAsync(SmtpPort, TimeSpan.FromSeconds(90), () => process.Output, Failed);
                await FreeTcpPort.WaitUntilListeningAsync(WebPort, TimeSpan.FromSeconds(90), () => process.Output, Failed);
                return;
            }
            catch (TimeoutException) when (attempt < 3 && process.Output.Contains("EADDRINUSE", StringComparison.Ordinal))
            {
                // Another test process bound a port between its release and MailDev's start: take other ports.
                await process.DisposeAsync();
            }
        }
    }

    public async Task<IReadOnlyList<ReceivedMail>> GetMessagesAsync() =>
        await _http.GetFromJsonAsync<List<ReceivedMail>>($"http://127.0.0.1:{WebPort}/api/email") ?? [];

    /// <summary>The mail's header block as it arrived (RFC 5322 text): MailDev's JSON leaves out address and date fields. MailDev
    /// lists a mail before its file is wholly written, so the file is read until its header block has ended.</summary>
    public async Task<string> GetHeaderBlockAsync(string id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var source = await _http.GetStringAsync($"http://127.0.0.1:{WebPort}/api/email/{Uri.EscapeDataString(id)}/source");
            if (source.IndexOf("\r\n\r\n", StringComparison.Ordinal) is var end and >= 0) return source[..(end + 2)];
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Mail {id}'s header block did not end within 10 s.");
            await Task.Delay(50);
        }
    }

    /// <summary>Polls until a mail to <paramref name="recipient"/> matching <paramref name="match"/> arrives.</summary>
    public async Task<ReceivedMail> WaitForMailAsync(string recipient, Func<ReceivedMail, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var found = (await GetMessagesAsync()).FirstOrDefault(m => m.IsTo(recipient) && match(m));
            if (found is not null) return found;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"No mail to {recipient} matched within {timeout}.");
            await Task.Delay(200);
        }
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        if (_process is not null) await _process.DisposeAsync();
    }
}

public sealed record ReceivedMail(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("html")] string? Html,
    [property: JsonPropertyName("headers")] IReadOnlyDictionary<string, System.Text.Json.JsonElement> Headers,
    [property: JsonPropertyName("to")] IReadOnlyList<MailAddress> To)
{
    public string? MessageId => Headers.TryGetValue("message-id", out var id) ? id.GetString() : null;

    public bool IsTo(string address) => To.Any(t => string.Equals(t.Address, address, StringComparison.OrdinalIgnoreCase));
}

public sealed record MailAddress([property: JsonPropertyName("address")] string Address);
