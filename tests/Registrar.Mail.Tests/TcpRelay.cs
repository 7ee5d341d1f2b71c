using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Registrar.Mail.Tests;

/// <summary>A loopback relay in front of the mail sink that counts the sessions opened through it and can drop them all,
/// as a server dropping idle sessions does.</summary>
internal sealed class TcpRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentBag<TcpClient> _sessions = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly int _targetPort;
    private int _accepted;

    public TcpRelay(int targetPort)
    {
        _targetPort = targetPort;
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int SessionsAccepted => Volatile.Read(ref _accepted);

    public void DropSessions()
    {
        while (_sessions.TryTake(out var session)) session.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        DropSessions();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            Interlocked.Increment(ref _accepted);
            var outbound = new TcpClient();
            await outbound.ConnectAsync(IPAddress.Loopback, _targetPort);
            _sessions.Add(inbound);
            _sessions.Add(outbound);
            _ = PumpAsync(inbound, outbound);
            _ = PumpAsync(outbound, inbound);
        }
    }

    private static async Task PumpAsync(TcpClient from, TcpClient to)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream());
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // One side dropped: the other follows.
        }
        from.Dispose();
        to.Dispose();
    }
}
