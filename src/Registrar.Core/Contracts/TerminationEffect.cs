namespace Registrar.Core.Contracts;

/// <summary>When a termination takes effect, and under which rule.</summary>
public sealed record TerminationEffect(DateTimeOffset At, string Rule)
{
    public bool HasTakenEffectAt(DateTimeOffset now) => now >= At;
}
