using Microsoft.Extensions.Logging;
using Registrar.Epp.Transport;

namespace Registrar.Epp.Sessions;

/// <summary>Sessions to one registry, never more than the registry allows at once. When all are busy
/// callers queue in arrival order (FIFO); broken sessions are discarded and their slot handed on; idle
/// sessions send &lt;hello&gt; so the registry does not time them out.</summary>
public sealed class EppSessionPool : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly Stack<EppSession> _idle = new();
    private readonly LinkedList<TaskCompletionSource<EppSession?>> _waiters = new();
    private readonly IEppSessionFactory _factory;
    private readonly ClTridGenerator _clTrids;
    private readonly TimeSpan _keepAliveInterval;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ITimer _keepAliveTimer;
    private int _open;
    private int _keepAliveRunning;
    private bool _disposed;

    public EppSessionPool(IEppSessionFactory factory, int maxSessions, TimeSpan keepAliveInterval,
        ClTridGenerator clTrids, TimeProvider time, ILogger<EppSessionPool> logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSessions, 1);
        _factory = factory;
        MaxSessions = maxSessions;
        _keepAliveInterval = keepAliveInterval;
        _clTrids = clTrids;
        _time = time;
        _logger = logger;
        var tick = keepAliveInterval / 2;
        _keepAliveTimer = time.CreateTimer(_ => _ = KeepAliveAsync(), null, tick, tick);
    }

    public int MaxSessions { get; }

    /// <summary>Sessions open or being opened: never above <see cref="MaxSessions"/>.</summary>
    public int OpenSessions { get { lock (_gate) return _open; } }

    public int Waiting { get { lock (_gate) return _waiters.Count; } }

    public async Task<EppSessionLease> AcquireAsync(CancellationToken cancellationToken)
    {
        EppSession? session;
        TaskCompletionSource<EppSession?>? waiter = null;
        LinkedListNode<TaskCompletionSource<EppSession?>>? node = null;
        var dead = new List<EppSession>();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            session = TakeLiveIdleLocked(dead);
            if (session is null && _open < MaxSessions) _open++;
            else if (session is null)
            {
                waiter = new TaskCompletionSource<EppSession?>(TaskCreationOptions.RunContinuationsAsynchronously);
                node = _waiters.AddLast(waiter);
            }
        }
        foreach (var gone in dead) await gone.DisposeAsync();

        if (waiter is not null)
        {
            await using (cancellationToken.Register(() => CancelWaiter(node!, cancellationToken)))
                session = await waiter.Task;
        }
        if (session is not null) return new EppSessionLease(this, session);

        // This caller holds a free slot: open a session in it.
        try
        {
            return new EppSessionLease(this, await _factory.OpenAsync(cancellationToken));
        }
        catch
        {
            ReleaseSlot();
            throw;
        }
    }

    internal async ValueTask ReturnAsync(EppSession session)
    {
        lock (_gate)
        {
            if (!session.IsBroken && !_disposed)
            {
                if (_waiters.First is { } first)
                {
                    _waiters.RemoveFirst();
                    first.Value.SetResult(session);
                }
                else _idle.Push(session);
                return;
            }
        }
        _logger.LogDebug("Discarding an EPP session that has ended");
        await CloseAsync(session);
        ReleaseSlot();
    }

    private EppSession? TakeLiveIdleLocked(List<EppSession> dead)
    {
        while (_idle.TryPop(out var session))
        {
            // A connection the registry closed while idle would turn the next create into "outcome unknown".
            if (!session.IsClosedByPeer) return session;
            _open--;
            dead.Add(session);
        }
        return null;
    }

    private void ReleaseSlot()
    {
        lock (_gate)
        {
            if (_waiters.First is { } first && !_disposed)
            {
                _waiters.RemoveFirst();
                first.Value.SetResult(null);
            }
            else _open--;
        }
    }

    private void CancelWaiter(LinkedListNode<TaskCompletionSource<EppSession?>> node, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (node.List is null) return; // already handed a session or a slot
            _waiters.Remove(node);
        }
        node.Value.TrySetCanceled(cancellationToken);
    }

    private async Task KeepAliveAsync()
    {
        if (Interlocked.Exchange(ref _keepAliveRunning, 1) == 1) return;
        try
        {
            var due = new List<EppSession>();
            lock (_gate)
            {
                var now = _time.GetUtcNow();
                var fresh = _idle.Where(s => now - s.LastActivity < _keepAliveInterval).Reverse().ToList();
                due.AddRange(_idle.Where(s => now - s.LastActivity >= _keepAliveInterval));
                _idle.Clear();
                foreach (var session in fresh) _idle.Push(session);
            }
            foreach (var session in due)
            {
                try
                {
                    await session.HelloAsync(CancellationToken.None);
                }
                catch (Exception e) when (e is EppConnectionException or Responses.EppProtocolException or OperationCanceledException)
                {
                    _logger.LogInformation("Keepalive hello failed; the session will be replaced: {Reason}", e.Message);
                }
                await ReturnAsync(session);
            }
        }
        catch (Exception e)
        {
            // A timer callback has no caller to report to: log, and let the next tick try again.
            _logger.LogError(e, "The EPP keepalive failed");
        }
        finally
        {
            Volatile.Write(ref _keepAliveRunning, 0);
        }
    }

    private async Task CloseAsync(EppSession session)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5), _time);
        await session.LogoutAsync(_clTrids.Next(), timeout.Token);
        await session.DisposeAsync();
    }

    /// <summary>Logs out idle sessions; sessions still leased are closed when returned.</summary>
    public async ValueTask DisposeAsync()
    {
        List<EppSession> idle;
        List<TaskCompletionSource<EppSession?>> waiters;
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            idle = [.. _idle];
            _idle.Clear();
            _open -= idle.Count;
            waiters = [.. _waiters];
            _waiters.Clear();
        }
        await _keepAliveTimer.DisposeAsync();
        foreach (var waiter in waiters) waiter.TrySetException(new ObjectDisposedException(nameof(EppSessionPool)));
        foreach (var session in idle) await CloseAsync(session);
    }
}

/// <summary>A session borrowed from the pool; disposing gives it back (or discards it if broken).</summary>
public sealed class EppSessionLease : IAsyncDisposable
{
    private readonly EppSessionPool _pool;
    private int _returned;

    internal EppSessionLease(EppSessionPool pool, EppSession session)
    {
        _pool = pool;
        Session = session;
    }

    public EppSession Session { get; }

    public ValueTask DisposeAsync() =>
        Interlocked.Exchange(ref _returned, 1) == 0 ? _pool.ReturnAsync(Session) : ValueTask.CompletedTask;
}
