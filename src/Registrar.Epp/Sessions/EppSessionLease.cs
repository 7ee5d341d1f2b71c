namespace Registrar.Epp.Sessions;

/// <summary>A session borrowed from the pool; disposing gives it back (or discards it if broken).</summary>
public sealed class EppSessionLease : IAsyncDisposable
{
    private readonly EppSessionPool _pool;
    private readonly PooledSession _pooled;
    private int _returned;

    internal EppSessionLease(EppSessionPool pool, PooledSession pooled)
    {
        _pool = pool;
        _pooled = pooled;
    }

    public EppSession Session => _pooled.Session;

    public ValueTask DisposeAsync() =>
        Interlocked.Exchange(ref _returned, 1) == 0 ? _pool.ReturnAsync(_pooled) : ValueTask.CompletedTask;
}

/// <summary>A pooled session and the shared slot it was opened in.</summary>
internal sealed class PooledSession(EppSession session, IEppSessionSlot slot)
{
    public EppSession Session { get; } = session;

    public IEppSessionSlot Slot { get; } = slot;

    /// <summary>When a caller last gave the session back; a keepalive hello does not count as use.</summary>
    public DateTimeOffset LastReturned { get; set; }
}
