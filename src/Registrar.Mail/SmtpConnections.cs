using System.Collections.Concurrent;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace Registrar.Mail;

/// <summary>
/// Connected, authenticated SMTP clients kept between messages, so a notice costs one MAIL FROM, RCPT TO and DATA
/// exchange instead of a TCP and TLS handshake, EHLO and AUTH of its own (issue 16: a year's reminders are thousands of
/// notices). A client idle longer than <see cref="SmtpOptions.ReuseConnectionFor"/> is closed rather than reused, as
/// servers drop idle sessions (measured by the clock's timestamps, real time even where an operations clock moves the
/// date); one that failed is never returned. A rented client holds one of <see cref="SmtpOptions.MaxConnections"/> places
/// until it is returned or discarded.
/// </summary>
internal sealed class SmtpConnections(SmtpOptions options, TimeProvider clock) : IAsyncDisposable
{
    private readonly ConcurrentQueue<(SmtpClient Client, long IdleSince)> _idle = new();
    private readonly SemaphoreSlim _places = new(options.MaxConnections, options.MaxConnections);

    /// <summary>A client ready to send, and whether it sent before (a broken reused session is worth one fresh try); waits
    /// while every place is taken.</summary>
    public async Task<(SmtpClient Client, bool Reused)> RentAsync(CancellationToken ct)
    {
        await _places.WaitAsync(ct);
        try
        {
            while (_idle.TryDequeue(out var idle))
            {
                if (idle.Client.IsConnected && clock.GetElapsedTime(idle.IdleSince) < options.ReuseConnectionFor) return (idle.Client, true);
                await CloseAsync(idle.Client);
            }
            return (await ConnectAsync(ct), false);
        }
        catch
        {
            _places.Release();
            throw;
        }
    }

    public async Task<SmtpClient> ConnectAsync(CancellationToken ct)
    {
        var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(options.Host, options.Port, ToSocketOptions(options.Security), ct);
            if (!string.IsNullOrEmpty(options.UserName))
                await client.AuthenticateAsync(options.UserName, options.Password ?? "", ct);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public async Task ReturnAsync(SmtpClient client)
    {
        try
        {
            if (client.IsConnected && _idle.Count < options.IdleConnections) _idle.Enqueue((client, clock.GetTimestamp()));
            else await CloseAsync(client);
        }
        finally
        {
            _places.Release();
        }
    }

    /// <summary>A rented client that failed: closed without a goodbye, its place given up.</summary>
    public void Discard(SmtpClient client)
    {
        client.Dispose();
        _places.Release();
    }

    public async ValueTask DisposeAsync()
    {
        while (_idle.TryDequeue(out var idle)) await CloseAsync(idle.Client);
    }

    private static async Task CloseAsync(SmtpClient client)
    {
        try
        {
            if (client.IsConnected) await client.DisconnectAsync(quit: true, CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or MailKit.ServiceNotConnectedException or MailKit.ProtocolException or SmtpCommandException)
        {
            // Closing a session the server already dropped: nothing is left to tell it.
        }
        finally
        {
            client.Dispose();
        }
    }

    private static SecureSocketOptions ToSocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => throw new ArgumentOutOfRangeException(nameof(security), security, "Unknown SMTP security mode."),
    };
}
