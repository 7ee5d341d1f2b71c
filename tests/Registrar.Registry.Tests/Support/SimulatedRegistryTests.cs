using Registrar.Testing;

namespace Registrar.Registry.Tests.Support;

/// <summary>A registry flow's tests against the simulator over real TLS: a fresh registry per test class, faults cleared after
/// each test, and domains registered for this registrar to work on.</summary>
public abstract class SimulatedRegistryTests(RegistrySimulatorFixture simulator) : IAsyncLifetime
{
    protected RegistrySimulatorFixture Simulator => simulator;

    protected SimulatedRegistries Registries { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Registries = new SimulatedRegistries(simulator);
        await SimulatedRegistries.ResetAsync(simulator);
    }

    public async Task DisposeAsync()
    {
        await simulator.ClearFaultsAsync();
        await Registries.DisposeAsync();
    }

    /// <summary>A new name of <paramref name="zone"/> registered by this registrar, with the registration it belongs to.</summary>
    protected async Task<(string Registration, string Name)> RegisteredAsync(string zone)
    {
        var registration = SimulatedRegistries.NewRegistrationId();
        var name = SimulatedRegistries.NewName(zone);
        await Registries.RegisterAsync(registration, zone, name);
        return (registration, name);
    }
}
