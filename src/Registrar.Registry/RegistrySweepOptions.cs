using System.ComponentModel.DataAnnotations;

namespace Registrar.Registry;

/// <summary>Bound from "Registry:Sweep": how much of the registry the reconciliation sweep reads, and how often.</summary>
public sealed class RegistrySweepOptions
{
    public const string Section = "Registry:Sweep";

    /// <summary>Registrations read per run; with <see cref="Interval"/> it sets how stale the oldest check may get.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;

    /// <summary>Between runs in the local host; the Functions app's timer has its schedule in its attribute.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(10);
}
