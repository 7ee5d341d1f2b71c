using System.Diagnostics;
using Registrar.Testing;

namespace Registrar.Bench;

/// <summary>CPU time the benchmark's own process and the emulator spent over a phase, per operation: on two cores the
/// two share the machine, so what the host spends per event is taken from what the emulator could have served.</summary>
public sealed class CpuShare
{
    private readonly Process? _emulator;
    private readonly TimeSpan _hostStart;
    private readonly TimeSpan _emulatorStart;

    private CpuShare(AzuriteFixture azurite)
    {
        _emulator = azurite.ProcessId is { } id ? Process.GetProcessById(id) : null;
        _hostStart = HostTime();
        _emulatorStart = EmulatorTime();
    }

    public static CpuShare Start(AzuriteFixture azurite) => new(azurite);

    /// <summary>Milliseconds of CPU per operation since the start: the host's and the emulator's.</summary>
    public (double Host, double Emulator) PerOperation(int operations) =>
        ((HostTime() - _hostStart).TotalMilliseconds / operations, (EmulatorTime() - _emulatorStart).TotalMilliseconds / operations);

    private static TimeSpan HostTime()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    private TimeSpan EmulatorTime()
    {
        if (_emulator is null) return TimeSpan.Zero;
        _emulator.Refresh();
        return _emulator.TotalProcessorTime;
    }
}
