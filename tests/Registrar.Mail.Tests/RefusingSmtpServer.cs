using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Registrar.Mail.Tests;

/// <summary>An SMTP server on loopback that takes every session and refuses every recipient (550), so that a send fails
/// on a connected session. It offers no extension (no SMTPUTF8), keeps the verbs it was sent, and its reply quotes the
/// recipient, as Postfix's does.</summary>
internal sealed class RefusingSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<string> _verbs = [];

    public RefusingSmtpServer()
    {
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public IReadOnlyList<string> Verbs { get { lock (_verbs) return [.. _verbs]; } }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                _ = ServeAsync(await _listener.AcceptTcpClientAsync(_stop.Token));
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
        }
    }

    /// <summary>"&lt;who@where&gt;" of "RCPT TO:&lt;who@where&gt;".</summary>
    private static string Recipient(string rcpt) => rcpt[rcpt.IndexOf('<')..(rcpt.IndexOf('>') + 1)];

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        using var reader = new StreamReader(client.GetStream(), Encoding.ASCII);
        await using var writer = new StreamWriter(client.GetStream(), Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        try
        {
            await writer.WriteLineAsync("220 refusing.test ESMTP");
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                lock (_verbs) _verbs.Add(verb);
                await writer.WriteLineAsync(verb switch
                {
                    "EHLO" or "HELO" => "250 refusing.test",
                    "RCPT" => $"550 5.1.1 {Recipient(line)}: Recipient address rejected: User unknown in local recipient table",
                    "QUIT" => "221 Bye",
                    _ => "250 OK",
                });
                if (verb == "QUIT") return;
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away.
        }
    }
}
