namespace Registrar.Epp.Transport;

/// <summary>A deadline of its own for each frame, joined with the caller's token when it has one. A new
/// source each time: one on a TimeProvider other than the system's (the local host's operations clock)
/// cannot be reset and re-armed.</summary>
internal readonly struct FrameDeadline : IDisposable
{
    private readonly CancellationTokenSource _deadline;
    private readonly CancellationTokenSource? _linked;

    public FrameDeadline(TimeSpan timeout, TimeProvider time, CancellationToken caller)
    {
        _deadline = new CancellationTokenSource(timeout, time);
        _linked = caller.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(caller, _deadline.Token) : null;
    }

    public CancellationToken Token => (_linked ?? _deadline).Token;

    public void Dispose()
    {
        _linked?.Dispose();
        _deadline.Dispose();
    }
}
