using System.Net.Sockets;
using System.Runtime.CompilerServices;
using Registrar.Epp.Responses;

namespace Registrar.Epp.Transport;

/// <summary>One open TLS connection to a registry: frames in and out, each bounded by a timeout.
/// Once anything goes wrong mid-frame the connection is <see cref="IsBroken"/> for good.</summary>
public sealed class EppConnection(Stream stream, Socket? socket, EppConnectionSettings settings, TimeProvider time) : IAsyncDisposable
{
    private readonly EppFrameReader _reader = new(stream, settings.MaxFrameBytes);
    private readonly FrameDeadline _deadline = new(time);

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

    /// <summary>Sends a whole frame, header and payload, in one write.</summary>
    public async Task WriteFrameAsync(OutgoingFrame frame, CancellationToken cancellationToken)
    {
        ThrowIfBroken("sending a frame");
        var token = _deadline.Arm(settings.WriteTimeout, cancellationToken, out var callerRegistration);
        try
        {
            await stream.WriteAsync(frame.Bytes, token);
            await stream.FlushAsync(token);
        }
        catch (Exception e) when (IsFailure(e))
        {
            IsBroken = true;
            if (Describe(e, "sending a frame", settings.WriteTimeout, cancellationToken) is { } failure) throw failure;
            throw;
        }
        finally
        {
            _deadline.Disarm(callerRegistration);
        }
    }

    /// <summary>The next frame's payload, in the connection's own buffer: valid until the next read.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<ReadOnlyMemory<byte>> ReadFrameAsync(CancellationToken cancellationToken)
    {
        ThrowIfBroken("waiting for the registry's frame");
        var token = _deadline.Arm(settings.ReadTimeout, cancellationToken, out var callerRegistration);
        try
        {
            return await _reader.ReadAsync(token);
        }
        catch (Exception e) when (IsFailure(e))
        {
            IsBroken = true;
            if (Describe(e, "waiting for the registry's frame", settings.ReadTimeout, cancellationToken) is { } failure) throw failure;
            throw;
        }
        finally
        {
            _deadline.Disarm(callerRegistration);
        }
    }

    private void ThrowIfBroken(string activity)
    {
        if (IsBroken) throw new EppConnectionException($"The connection is broken; cannot go on {activity}.");
    }

    private static bool IsFailure(Exception e) =>
        e is OperationCanceledException or IOException or SocketException or ObjectDisposedException
            or EppConnectionException or EppProtocolException;

    /// <summary>I/O failures and our own deadline become <see cref="EppConnectionException"/>; protocol
    /// errors and the caller's cancellation (null) are rethrown as they are. Either way the connection is
    /// broken: mid-frame the stream position is unknown and nothing more can be read from it.</summary>
    private static EppConnectionException? Describe(Exception e, string activity, TimeSpan timeout, CancellationToken cancellationToken) =>
        e switch
        {
            OperationCanceledException when !cancellationToken.IsCancellationRequested =>
                new EppConnectionException($"Timed out after {timeout} {activity}.", e),
            IOException or SocketException or ObjectDisposedException =>
                new EppConnectionException($"The connection failed {activity}: {e.Message}", e),
            _ => null,
        };

    public async ValueTask DisposeAsync()
    {
        IsBroken = true;
        await stream.DisposeAsync();
        socket?.Dispose();
        _deadline.Dispose();
    }
}

public sealed record EppConnectionSettings(TimeSpan ReadTimeout, TimeSpan WriteTimeout, int MaxFrameBytes);
