using Registrar.Storage.Configuration;

namespace Registrar.Storage.Leases;

/// <summary>Timing of the shared EPP session slots (<see cref="TableSessionSlots"/>).</summary>
public sealed class EppSessionSlotOptions
{
    /// <summary>How long a slot stays held without a renewal: how long the slots of an instance that
    /// stopped (crashed, cut off) stay blocked. Instances' clocks may differ by a small part of it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often a held slot's lease is renewed; well below <see cref="LeaseDuration"/>, so that
    /// a renewal or two may fail (a storage hiccup) before the slot is lost.</summary>
    public TimeSpan RenewEvery { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How often a caller waiting for a slot looks again.</summary>
    public TimeSpan PollEvery { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>An idle session gives its slot back after this long, so that an instance with work gets
    /// it from one without.</summary>
    public TimeSpan ReleaseIdleAfter { get; set; } = TimeSpan.FromSeconds(30);

    public void Validate()
    {
        if (LeaseDuration <= TimeSpan.Zero || PollEvery <= TimeSpan.Zero || ReleaseIdleAfter <= TimeSpan.Zero)
            throw new StorageConfigurationException("The EPP session slots' lease, poll and idle release times must be positive.");
        if (RenewEvery <= TimeSpan.Zero || RenewEvery * 2 > LeaseDuration)
            throw new StorageConfigurationException(
                $"EPP session slots are renewed every {RenewEvery}: that must be positive and at most half the lease ({LeaseDuration}).");
    }
}
