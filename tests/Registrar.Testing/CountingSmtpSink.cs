using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Registrar.Testing;

/// <summary>
/// A real SMTP server (RFC 5321: EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT over loopback TCP) that keeps only each
/// message's Message-Id. Benchmarks use it instead of MailDev: MailDev parses and stores every mail, and at a thousand
/// notices its CPU (13 s in a year run, issue 16) was charged to the product on a two-core machine. What it keeps is
/// enough to check that each notice went out once.
/// </summary>
public sealed class CountingSmtpSink : ISmtpSink
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, int> _byMessageId = new(StringComparer.Ordinal);
    private Task _accepting = Task.CompletedTask;
    private int _received;

    public int SmtpPort { get; private set; }

    /// <summary>Messages taken (a message to several recipients counts once).</summary>
    public int Received => Volatile.Read(ref _received);

    /// <summary>Message-Ids taken more than once, with how often.</summary>
    public IReadOnlyDictionary<string, int> Repeated => _byMessageId.Where(m => m.Value > 1).ToDictionary(m => m.Key, m => m.Value);

    public Task InitializeAsync()
    {
        _listener.Start();
        SmtpPort = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync(_stop.Token);
        return Task.CompletedTask;
    }

    private async Task AcceptAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(ct);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            _ = ServeAsync(client, ct);
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken ct)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.Latin1);
            await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 sink ESMTP");
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                var verb = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-sink\r\n250-8BITMIME\r\n250 SMTPUTF8");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 end with <CRLF>.<CRLF>");
                        Take(await ReadMessageIdAsync(reader, ct));
                        await writer.WriteLineAsync("250 taken");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 bye");
                        return;
                    case "HELO" or "MAIL" or "RCPT" or "RSET" or "NOOP":
                        await writer.WriteLineAsync("250 ok");
                        break;
                    default:
                        await writer.WriteLineAsync("502 not implemented");
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or the sink stops: nothing was taken from an unfinished DATA.
        }
    }

    /// <summary>Reads a message up to its lone "." and returns its Message-Id header's value (empty without one).</summary>
    private static async Task<string> ReadMessageIdAsync(StreamReader reader, CancellationToken ct)
    {
        var messageId = new StringBuilder();
        var (inHeaders, inMessageId) = (true, false);
        while (await reader.ReadLineAsync(ct) is { } line && line != ".")
        {
            if (!inHeaders) continue;
            if (line.Length == 0) inHeaders = false;
            else if (line[0] is ' ' or '\t') { if (inMessageId) messageId.Append(line.Trim()); }
            else if ((inMessageId = line.StartsWith("Message-Id:", StringComparison.OrdinalIgnoreCase)))
                messageId.Append(line["Message-Id:".Length..].Trim());
        }
        return messageId.ToString();
    }

    private void Take(string messageId)
    {
        Interlocked.Increment(ref _received);
        _byMessageId.AddOrUpdate(messageId, 1, (_, n) => n + 1);
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
