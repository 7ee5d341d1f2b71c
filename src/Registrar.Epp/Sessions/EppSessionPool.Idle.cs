using Microsoft.Extensions.Logging;
using Registrar.Epp.Responses;
using Registrar.Epp.Transport;

namespace Registrar.Epp.Sessions;

/// <summary>The pool's timer: idle sessions say &lt;hello&gt; before the registry times them out, and give
/// their shared slot back once it is lost or they have been idle long enough for another process to want it.</summary>
public sealed partial class EppSessionPool
{
    private async Task KeepAliveAsync()
    {
        if (Interlocked.Exchange(ref _keepAliveRunning, 1) == 1) return;
        try
        {
            var (release, due) = SortIdle(_time.GetUtcNow());
            foreach (var pooled in release)
            {
                await CloseAsync(pooled);
                ReleasePlace();
            }
            foreach (var pooled in due)
            {
                try
                {
                    await pooled.Session.HelloAsync(CancellationToken.None);
                }
                catch (Exception e) when (e is EppConnectionException or EppProtocolException or OperationCanceledException)
                {
                    _logger.LogInformation("Keepalive hello failed; the session will be replaced: {Reason}", e.Message);
                }
                await PutBackAsync(pooled);
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

    /// <summary>Takes out of the idle stack the sessions to close (slot lost, or idle long enough to
    /// give the slot to another process) and those due for a hello; the rest stay, in order.</summary>
    private (List<PooledSession> Release, List<PooledSession> Due) SortIdle(DateTimeOffset now)
    {
        List<PooledSession> release = [], due = [], keep = [];
        lock (_gate)
        {
            foreach (var pooled in _idle.Reverse())
            {
                // Unshared slots have no release time (null), and the comparison with null is false.
                if (!pooled.Slot.IsHeld || now - pooled.LastReturned >= _slots.ReleaseIdleAfter) release.Add(pooled);
                else if (now - pooled.Session.LastActivity >= _keepAliveInterval) due.Add(pooled);
                else keep.Add(pooled);
            }
            _idle.Clear();
            foreach (var pooled in keep) _idle.Push(pooled);
        }
        return (release, due);
    }
}
