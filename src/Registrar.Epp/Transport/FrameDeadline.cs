namespace Registrar.Epp.Transport;

/// <summary>The deadline of a connection's frames: one source, armed before each frame and disarmed after it
/// (frames on a connection are sent and read one at a time), instead of a new source and timer per frame.
/// Disarming moves the timer rather than resetting the source, which also works on a TimeProvider other
/// than the system's (the local host's operations clock).</summary>
internal sealed class FrameDeadline(TimeProvider time) : IDisposable
{
    private CancellationTokenSource _source = new(Timeout.InfiniteTimeSpan, time);

    /// <summary>A token cancelled after <paramref name="timeout"/> or when <paramref name="caller"/> is;
    /// dispose the registration once the frame is through.</summary>
    public CancellationToken Arm(TimeSpan timeout, CancellationToken caller, out CancellationTokenRegistration callerRegistration)
    {
        // Fired after the last frame was through but before it was disarmed: that frame had made it.
        if (_source.IsCancellationRequested)
        {
            _source.Dispose();
            _source = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        }
        _source.CancelAfter(timeout);
        // The caller's cancellation cancels this frame's source directly: cheaper than a linked source per
        // frame, and the connection is broken either way once a frame is cut off.
        callerRegistration = caller.CanBeCanceled
            ? caller.UnsafeRegister(static source => CancelUnlessDisposed((CancellationTokenSource)source!), _source)
            : default;
        return _source.Token;
    }

    public void Disarm(CancellationTokenRegistration callerRegistration)
    {
        callerRegistration.Dispose();
        _source.CancelAfter(Timeout.InfiniteTimeSpan);
    }

    public void Dispose() => _source.Dispose();

    /// <summary>The connection may be disposed while a frame is under way; the caller's cancellation then has
    /// nothing left to cut off, and must not fail in the caller's own Cancel.</summary>
    private static void CancelUnlessDisposed(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
