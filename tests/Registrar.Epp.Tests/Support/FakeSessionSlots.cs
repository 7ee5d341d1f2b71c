using System.Collections.Concurrent;
using Registrar.Epp.Sessions;

namespace Registrar.Epp.Tests.Support;

/// <summary>Shared slots as several pools (processes) see them: <c>count</c> in all, whatever the registry;
/// a test can take a held slot away (as another process taking over an expired lease would) or make
/// taking one fail (as a storage outage would).</summary>
public sealed class FakeSessionSlots(int count, TimeSpan? releaseIdleAfter = null) : IEppSessionSlots
{
    private readonly SemaphoreSlim _free = new(count, count);
    private readonly ConcurrentQueue<Slot> _granted = new();

    public TimeSpan? ReleaseIdleAfter => releaseIdleAfter;

    public Exception? Failure { get; set; }

    public int Held => count - _free.CurrentCount;

    public IReadOnlyList<Slot> Granted => [.. _granted];

    public async ValueTask<IEppSessionSlot> AcquireAsync(string registryId, int maxSessions, CancellationToken cancellationToken)
    {
        if (Failure is { } failure) throw failure;
        await _free.WaitAsync(cancellationToken);
        var slot = new Slot(_free);
        _granted.Enqueue(slot);
        return slot;
    }

    public sealed class Slot(SemaphoreSlim free) : IEppSessionSlot
    {
        private volatile bool _lost;
        private int _released;

        public bool IsHeld => !_lost && !IsReleased;

        public bool IsReleased => Volatile.Read(ref _released) == 1;

        public void Lose() => _lost = true;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) free.Release();
            return ValueTask.CompletedTask;
        }
    }
}
