namespace Registrar.LocalHost.Runtime;

/// <summary>The development clock: wall-clock time, shifted and sped up by operations so that a year of
/// lifecycle runs in seconds in end-to-end tests. Only the reading of "now" moves: timers and delays
/// (polling intervals, EPP and HTTP timeouts) still run on real time, so advancing the clock makes
/// the timer sweep find more due work on its next pass rather than making the host spin.</summary>
public sealed class OperationsClock : TimeProvider
{
    private readonly TimeProvider _real;
    private readonly Lock _gate = new();
    private DateTimeOffset _realAnchor;
    private DateTimeOffset _clockAnchor;
    private double _acceleration = 1;

    /// <param name="kept">Where operations left the clock (<see cref="OperationsClockStore"/>): a host restarted after a crash reads
    /// the time it would have read had it kept running, never wall time again, which would put the clock, and the registry
    /// simulator's with it, back behind what is stored (crash probe D7).</param>
    public OperationsClock(TimeProvider real, ClockAnchors? kept = null)
    {
        _real = real;
        _realAnchor = _clockAnchor = real.GetUtcNow();
        if (kept is not null && kept.Acceleration is >= 1 and <= MaxAcceleration)
            (_realAnchor, _clockAnchor, _acceleration) = (kept.Real, kept.Clock, kept.Acceleration);
    }

    /// <summary>Where the clock stands against real time since operations last changed it.</summary>
    public ClockAnchors Anchors
    {
        get { lock (_gate) return new(_realAnchor, _clockAnchor, _acceleration); }
    }

    public double Acceleration
    {
        get { lock (_gate) return _acceleration; }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return Now(_real.GetUtcNow());
    }

    public override TimeZoneInfo LocalTimeZone => _real.LocalTimeZone;

    public override long TimestampFrequency => _real.TimestampFrequency;

    public override long GetTimestamp() => _real.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _real.CreateTimer(callback, state, dueTime, period);

    private const double MaxAcceleration = 1_000_000;

    /// <summary>Enough for any lifecycle (a ten-year term and its deletion) and far from the end of DateTimeOffset.</summary>
    public static readonly TimeSpan MaxAdvance = TimeSpan.FromDays(100 * 366);

    private static readonly DateTimeOffset Horizon = new(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Moves the clock forward; the clock never goes back, since stored due times and event times would then lie.</summary>
    public DateTimeOffset Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero) throw new ClockChangeException($"The clock only moves forward; {by} is negative.");
        if (by > MaxAdvance) throw new ClockChangeException($"The clock moves at most {MaxAdvance.Days} days at a time.");
        lock (_gate)
        {
            Reanchor();
            if (_clockAnchor > Horizon - by) throw new ClockChangeException($"The clock does not go past {Horizon:yyyy}.");
            _clockAnchor += by;
            return _clockAnchor;
        }
    }

    /// <summary>From now on a real second counts as <paramref name="factor"/> seconds (1 = real time).</summary>
    public void Accelerate(double factor)
    {
        if (!double.IsFinite(factor) || factor < 1 || factor > MaxAcceleration)
            throw new ClockChangeException($"Acceleration must be between 1 and 1,000,000; {factor} is not.");
        lock (_gate)
        {
            Reanchor();
            _acceleration = factor;
        }
    }

    private void Reanchor()
    {
        var real = _real.GetUtcNow();
        _clockAnchor = Now(real);
        _realAnchor = real;
    }

    private DateTimeOffset Now(DateTimeOffset real) =>
        _clockAnchor + TimeSpan.FromTicks((long)((real - _realAnchor).Ticks * _acceleration));
}

public sealed class ClockChangeException(string message) : ArgumentException(message);

/// <summary>At real time <paramref name="Real"/> the clock read <paramref name="Clock"/>, and it runs <paramref name="Acceleration"/>
/// times as fast since.</summary>
public sealed record ClockAnchors(DateTimeOffset Real, DateTimeOffset Clock, double Acceleration);
