using System.Net.Sockets;
using Registrar.Epp.Responses;

namespace Registrar.Epp.Transport;

/// <summary>One open TLS connection to a registry: frames in and out, each bounded by a timeout.
/// Once anything goes wrong mid-frame the connection is <see cref="IsBroken"/> for good.</summary>
public sealed class EppConnection(Stream stream, Socket? socket, EppConnectionSettings settings, TimeProvider time) : IAsyncDisposable
{
    public bool IsBroken { get; private set; }

    /// <summary>True when an idle connection has become readable: between commands an EPP server sends
    /// nothing, so that is the peer closing (FIN, or a TLS close_notify first). Checked before a session
    /// is reused so a state-changing command is not sent into a connection that is already gone.</summary>
    public bool IsClosedByPeer
    {
        get
        {
            if (IsBroken || socket is null) return IsBroken;
            try { return socket.Poll(0, SelectMode.SelectRead); }
            catch (Exception e) when (e is SocketException or ObjectDisposedException) { return true; }
        }
    }

    public async Task WriteFrameAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) =>
        await GuardAsync("sending a frame", settings.WriteTimeout, async token =>
        {
            await EppFraming.WriteAsync(stream, payload, token);
            return true;
        }, cancellationToken);

    public Task<byte[]> ReadFrameAsync(CancellationToken cancellationToken) =>
        GuardAsync("waiting for the registry's frame", settings.ReadTimeout,
            token => EppFraming.ReadAsync(stream, settings.MaxFrameBytes, token), cancellationToken);

    private async Task<T> GuardAsync<T>(string activity, TimeSpan timeout, Func<CancellationToken, Task<T>> io, CancellationToken cancellationToken)
    {
        if (IsBroken) throw new EppConnectionException($"The connection is broken; cannot go on {activity}.");
        // A deadline of its own for each frame: a CancellationTokenSource on a TimeProvider other than the
        // system's (the local host's operations clock) cannot be reset and re-armed.
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token)
            : null;
        try
        {
            return await io(linked?.Token ?? deadline.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            IsBroken = true;
            throw new EppConnectionException($"Timed out after {timeout} {activity}.", e);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            IsBroken = true;
            throw new EppConnectionException($"The connection failed {activity}: {e.Message}", e);
        }
        catch (Exception e) when (e is EppConnectionException or EppProtocolException or OperationCanceledException)
        {
            // Mid-frame: the stream position is unknown, so nothing more can be read from it.
            IsBroken = true;
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        IsBroken = true;
        await stream.DisposeAsync();
        socket?.Dispose();
    }
}

public sealed record EppConnectionSettings(TimeSpan ReadTimeout, TimeSpan WriteTimeout, int MaxFrameBytes);
