using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Registrar.Epp.Transport;

namespace Registrar.Epp.Sessions;

/// <summary>Sessions to one registry, never more than the registry allows at once: in this process by
/// the pool's own count, across processes by the shared slot each session holds. When all are busy
/// callers queue in arrival order (FIFO); broken sessions are discarded and their place handed on; idle
/// sessions send &lt;hello&gt; so the registry does not time them out.</summary>
public sealed partial class EppSessionPool : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly Stack<PooledSession> _idle = new();
    private readonly LinkedList<TaskCompletionSource<PooledSession?>> _waiters = new();
    private readonly string _registryId;
    private readonly IEppSessionFactory _factory;
    private readonly IEppSessionSlots _slots;
    private readonly ClTridGenerator _clTrids;
    private readonly TimeSpan _keepAliveInterval;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ITimer _keepAliveTimer;
    private int _open;
    private int _keepAliveRunning;
    private bool _disposed;

    public EppSessionPool(string registryId, IEppSessionFactory factory, IEppSessionSlots slots, int maxSessions,
        TimeSpan keepAliveInterval, ClTridGenerator clTrids, TimeProvider time, ILogger<EppSessionPool> logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSessions, 1);
        _registryId = registryId;
        _factory = factory;
        _slots = slots;
        MaxSessions = maxSessions;
        _keepAliveInterval = keepAliveInterval;
        _clTrids = clTrids;
        _time = time;
        _logger = logger;
        // Idle sessions are also checked for giving their shared slot back, which may be due before a hello.
        var tick = (slots.ReleaseIdleAfter is { } release && release < keepAliveInterval ? release : keepAliveInterval) / 2;
        _keepAliveTimer = time.CreateTimer(_ => _ = KeepAliveAsync(), null, tick, tick);
    }

    public int MaxSessions { get; }

    /// <summary>Sessions open or being opened: never above <see cref="MaxSessions"/>.</summary>
    public int OpenSessions { get { lock (_gate) return _open; } }

    public int Waiting { get { lock (_gate) return _waiters.Count; } }

    public Task<EppSessionLease> AcquireAsync(CancellationToken cancellationToken) => AcquireAsync(resendable: false, cancellationToken).AsTask();

    /// <summary>A session for a command that is <paramref name="resendable"/> (a read with retries left) is
    /// not polled first for a close by the registry: if it turns out closed, the read goes again on another
    /// session, and the poll would cost a system call on every command for that rare case.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<EppSessionLease> AcquireAsync(bool resendable, CancellationToken cancellationToken)
    {
        PooledSession? pooled;
        TaskCompletionSource<PooledSession?>? waiter = null;
        LinkedListNode<TaskCompletionSource<PooledSession?>>? node = null;
        List<PooledSession>? dead = null;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            pooled = TakeLiveIdleLocked(resendable, ref dead);
            if (pooled is null && _open < MaxSessions) _open++;
            else if (pooled is null)
            {
                waiter = new TaskCompletionSource<PooledSession?>(TaskCreationOptions.RunContinuationsAsynchronously);
                node = _waiters.AddLast(waiter);
            }
        }
        if (dead is not null)
            foreach (var gone in dead) await CloseAsync(gone);

        if (waiter is not null)
        {
            await using (cancellationToken.Register(() => CancelWaiter(node!, cancellationToken)))
                pooled = await waiter.Task;
        }
        if (pooled is not null) return new EppSessionLease(this, pooled);

        // This caller holds a free place in this process: take a shared slot, then open a session in it.
        IEppSessionSlot? slot = null;
        try
        {
            slot = await AcquireSharedSlotAsync(cancellationToken);
            return new EppSessionLease(this, new PooledSession(await _factory.OpenAsync(cancellationToken), slot));
        }
        catch
        {
            if (slot is not null) await slot.DisposeAsync();
            ReleasePlace();
            throw;
        }
    }

    private async Task<IEppSessionSlot> AcquireSharedSlotAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _slots.AcquireAsync(_registryId, MaxSessions, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Nothing was sent: callers handle this as they handle an unreachable registry.
            throw new EppConnectionException($"No session slot for {_registryId} could be taken: {e.Message}", e);
        }
    }

    internal ValueTask ReturnAsync(PooledSession pooled)
    {
        pooled.LastReturned = _time.GetUtcNow();
        return PutBackAsync(pooled);
    }

    private async ValueTask PutBackAsync(PooledSession pooled)
    {
        lock (_gate)
        {
            if (!pooled.Session.IsBroken && pooled.Slot.IsHeld && !_disposed)
            {
                if (_waiters.First is { } first)
                {
                    _waiters.RemoveFirst();
                    first.Value.SetResult(pooled);
                }
                else _idle.Push(pooled);
                return;
            }
        }
        _logger.LogDebug("Discarding an EPP session to {Registry} that has ended or lost its slot", _registryId);
        await CloseAsync(pooled);
        ReleasePlace();
    }

    private PooledSession? TakeLiveIdleLocked(bool resendable, ref List<PooledSession>? dead)
    {
        while (_idle.TryPop(out var pooled))
        {
            // A connection the registry closed while idle would turn the next create into "outcome unknown";
            // a session whose slot was lost may be one more than the registry allows.
            var gone = resendable ? pooled.Session.IsBroken : pooled.Session.IsClosedByPeer;
            if (!gone && pooled.Slot.IsHeld) return pooled;
            _open--;
            (dead ??= []).Add(pooled);
        }
        return null;
    }

    /// <summary>Gives a place in this process to the first waiter, who then opens a session in it.</summary>
    private void ReleasePlace()
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

    private void CancelWaiter(LinkedListNode<TaskCompletionSource<PooledSession?>> node, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (node.List is null) return; // already handed a session or a place
            _waiters.Remove(node);
        }
        node.Value.TrySetCanceled(cancellationToken);
    }

    private async Task CloseAsync(PooledSession pooled)
    {
        try
        {
            if (!pooled.Session.IsClosedByPeer)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5), _time);
                await pooled.Session.LogoutAsync(_clTrids.Next(), timeout.Token);
            }
        }
        finally
        {
            await pooled.Session.DisposeAsync();
            // Only after the session has ended, so that the registry never counts it and the next holder's at once.
            await pooled.Slot.DisposeAsync();
        }
    }

    /// <summary>Logs out idle sessions; sessions still leased are closed when returned.</summary>
    public async ValueTask DisposeAsync()
    {
        List<PooledSession> idle;
        List<TaskCompletionSource<PooledSession?>> waiters;
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
        foreach (var pooled in idle) await CloseAsync(pooled);
    }
}
