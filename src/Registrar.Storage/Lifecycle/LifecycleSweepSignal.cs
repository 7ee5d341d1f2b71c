using Registrar.Storage.Queues;

namespace Registrar.Storage.Lifecycle;

/// <summary>Sweeps for due timers now rather than at the end of the interval: the development clock wakes it after
/// a jump, so that what the jump made due fires at once.</summary>
public sealed class LifecycleSweepSignal
{
    public WakeSignal Wake { get; } = new();
}
