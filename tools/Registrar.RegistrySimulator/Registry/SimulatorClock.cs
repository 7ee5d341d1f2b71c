namespace Registrar.RegistrySimulator.Registry;

/// <summary>The registry's notion of now: real time shifted by an offset the control API sets, so
/// tests and the local host's accelerated clock can move expiry, RGP and transfers forward.</summary>
public sealed class SimulatorClock(TimeProvider realTime) : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => realTime.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public DateTimeOffset Set(DateTimeOffset now)
    {
        Interlocked.Exchange(ref _offsetTicks, (now - realTime.GetUtcNow()).Ticks);
        return GetUtcNow();
    }

    public DateTimeOffset Advance(TimeSpan by)
    {
        Interlocked.Add(ref _offsetTicks, by.Ticks);
        return GetUtcNow();
    }
}
