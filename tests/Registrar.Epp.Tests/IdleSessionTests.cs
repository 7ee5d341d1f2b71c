using Registrar.Epp.Commands;
using Registrar.Epp.Profiles;
using Registrar.Epp.Sessions;
using Registrar.Epp.Tests.Support;
using Registrar.Testing;

namespace Registrar.Epp.Tests;

/// <summary>A simulator that closes sessions idle for two seconds, as registries do: long enough that a keep-alive held up
/// by a loaded machine (CI runs test projects side by side on two cores) is still in time.</summary>
public sealed class ImpatientSimulatorFixture : RegistrySimulatorFixture
{
    protected override IEnumerable<string> ExtraArguments => ["--idle-timeout-seconds", "2"];
}

public class IdleSessionTests(ImpatientSimulatorFixture simulator) : IClassFixture<ImpatientSimulatorFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => simulator.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private EppClient Client(TimeSpan keepAlive, int readRetries = 2) => Clients.For(new EppRegistryOptions
    {
        Host = "127.0.0.1", Port = simulator.EppPort, TlsServerName = "localhost",
        ClientId = RegistrySimulatorFixture.Registrar1, Password = RegistrySimulatorFixture.Password1,
        PinnedServerThumbprints = [simulator.CertificateSha256], MaxSessions = 1, KeepAliveInterval = keepAlive, ReadRetries = readRetries,
    });

    private static ContactCreateCommand Contact(string id) => new()
    {
        Id = id, Email = "idle@example.kz", AuthInfoPassword = "2fooBAR",
        PostalInfos = [new PostalInfo { Name = "Idle Owner", City = "Astana", CountryCode = "KZ" }],
    };

    [Fact]
    public async Task Hello_keeps_an_idle_session_open_past_the_registrys_idle_timeout()
    {
        await using var client = Client(keepAlive: TimeSpan.FromMilliseconds(300));
        await client.ExecuteAsync(new DomainCheckCommand("idle.kz"));

        await Task.Delay(TimeSpan.FromSeconds(5));
        await client.ExecuteAsync(Contact("idle1"));

        Assert.Equal(1, await simulator.CountAsync("login"));
    }

    [Fact]
    public async Task A_session_the_registry_closed_while_idle_is_replaced_before_a_create_is_sent()
    {
        await using var client = Client(keepAlive: TimeSpan.FromMinutes(10));
        await client.ExecuteAsync(new DomainCheckCommand("idle.kz"));

        await Task.Delay(TimeSpan.FromSeconds(3));
        var created = await client.ExecuteAsync(Contact("idle2"));

        Assert.Equal("idle2", created.Value.Id);
        Assert.Equal(2, await simulator.CountAsync("login"));
        Assert.Equal(1, await simulator.CountAsync("contact:create"));
    }

    [Theory]
    [InlineData(2)] // not polled first: the closed session fails the read, which is re-sent on a new session
    [InlineData(0)] // no retry to fall back on: polled first, as a create is
    public async Task A_read_on_a_session_the_registry_closed_while_idle_is_answered_on_a_new_session(int readRetries)
    {
        await using var client = Client(keepAlive: TimeSpan.FromMinutes(10), readRetries);
        await client.ExecuteAsync(new DomainCheckCommand("idle.kz"));

        await Task.Delay(TimeSpan.FromSeconds(3));
        var check = await client.ExecuteAsync(new DomainCheckCommand("idle.kz"));

        Assert.True(check.Value["idle.kz"].Available);
        Assert.Equal(2, await simulator.CountAsync("login"));
    }
}
