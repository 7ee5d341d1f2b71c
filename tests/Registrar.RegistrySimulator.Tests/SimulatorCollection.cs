using Registrar.Testing;

namespace Registrar.RegistrySimulator.Tests;

/// <summary>One simulator process for all tests; they run one after another and each starts from
/// /reset, because the clock and fault settings are process-wide.</summary>
[CollectionDefinition(Name)]
public sealed class SimulatorCollection : ICollectionFixture<RegistrySimulatorFixture>
{
    public const string Name = "Registry simulator";
}

[Collection(SimulatorCollection.Name)]
public abstract class SimulatorTest(RegistrySimulatorFixture simulator) : IAsyncLifetime
{
    protected RegistrySimulatorFixture Simulator { get; } = simulator;
    protected static Profile Ietf => Profile.Ietf;

    public virtual async Task InitializeAsync()
    {
        await Simulator.ResetAsync();
        // Sessions of the previous test end when the server sees their sockets close; wait for that
        // so session-cap checks start from zero.
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while ((await Simulator.GetStatsAsync()).Sessions > 0 && DateTime.UtcNow < deadline) await Task.Delay(20);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    protected Task<RawEppClient> LoginAsync(string clientId = RegistrySimulatorFixture.Registrar1,
        string password = RegistrySimulatorFixture.Password1, bool hostmaster = false) =>
        RawEppClient.LoginAsync(Simulator.EppPort, clientId, password, hostmaster);

    protected static async Task<int> CodeOf(RawEppClient client, System.Xml.Linq.XElement frame) =>
        RawEppClient.Code(await client.SendAsync(frame));
}
