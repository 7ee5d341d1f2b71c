using Registrar.Epp.Commands;
using Registrar.Epp.Profiles;
using Registrar.Epp.Responses;
using Registrar.Epp.Sessions;
using Registrar.Epp.Tests.Support;
using Registrar.Testing;

namespace Registrar.Epp.Tests;

/// <summary>The client against the registry simulator (a separate process, real TLS on loopback).</summary>
public class SimulatorIntegrationTests(RegistrySimulatorFixture simulator) : IClassFixture<RegistrySimulatorFixture>, IAsyncLifetime
{
    private const string Registrant = "bench-reg1";

    public Task InitializeAsync() => simulator.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private EppClient Client(int maxSessions = 4) => Clients.For(new EppRegistryOptions
    {
        Host = "127.0.0.1", Port = simulator.EppPort, TlsServerName = "localhost",
        ClientId = RegistrySimulatorFixture.Registrar1, Password = RegistrySimulatorFixture.Password1,
        PinnedServerThumbprints = [simulator.CertificateSha256], MaxSessions = maxSessions,
        ReconnectInitialDelay = TimeSpan.FromMilliseconds(20),
    });

    private static async Task CreateRegistrantAsync(EppClient client) =>
        await client.ExecuteAsync(new ContactCreateCommand
        {
            Id = Registrant, Email = "owner@example.kz", AuthInfoPassword = "2fooBAR",
            PostalInfos = [new PostalInfo { Name = "Айгерим <Test> & Co", City = "Алматы", CountryCode = "KZ", Street = ["ул. Абая, 1"] }],
        });

    private static DomainCreateCommand Create(string name) => new()
    {
        DomainName = name, Period = EppPeriod.Years(1), Registrant = Registrant, AuthInfoPassword = "2fooBAR",
    };

    [Fact]
    public async Task Logs_in_checks_creates_infos_renews_and_logs_out()
    {
        var client = Client();
        await CreateRegistrantAsync(client);

        var check = await client.ExecuteAsync(new DomainCheckCommand("lifecycle.kz"));
        var created = await client.ExecuteAsync(Create("lifecycle.kz"));
        var info = await client.ExecuteAsync(new DomainInfoCommand("lifecycle.kz"));
        var renewed = await client.ExecuteAsync(new DomainRenewCommand("lifecycle.kz", DateOnly.FromDateTime(info.Value.ExpiresAt!.Value.UtcDateTime), EppPeriod.Years(1)));
        var recheck = await client.ExecuteAsync(new DomainCheckCommand("lifecycle.kz"));
        await client.DisposeAsync();

        Assert.True(check.Value["lifecycle.kz"].Available);
        Assert.Equal("lifecycle.kz", created.Value.Name);
        Assert.Equal(Registrant, info.Value.Registrant);
        Assert.Equal(RegistrySimulatorFixture.Registrar1, info.Value.SponsoringClientId);
        Assert.Equal(info.Value.ExpiresAt!.Value.AddYears(1), renewed.Value.ExpiresAt);
        Assert.False(recheck.Value["lifecycle.kz"].Available);
        Assert.False(string.IsNullOrEmpty(created.ServerTransactionId));
        Assert.Equal(1, await simulator.CountAsync("logout"));
    }

    [Fact]
    public async Task Creating_an_existing_domain_is_a_typed_failure()
    {
        await using var client = Client();
        await CreateRegistrantAsync(client);
        await client.ExecuteAsync(Create("twice.kz"));

        var error = await Assert.ThrowsAsync<EppCommandFailedException>(() => client.ExecuteAsync(Create("twice.kz")));

        Assert.Equal(EppResultCode.ObjectExists, error.Code);
    }

    [Fact]
    public async Task The_pool_stays_within_the_registrys_session_cap()
    {
        await using var client = Client(maxSessions: 4);
        await simulator.SetFaultsAsync(new SimulatorFaults { DelayMs = 20, Commands = ["domain:check"] });

        var sampled = new List<int>();
        var work = Task.WhenAll(Enumerable.Range(0, 16).Select(i => client.ExecuteAsync(new DomainCheckCommand($"cap{i}.kz"))));
        while (!work.IsCompleted)
        {
            sampled.Add((await simulator.GetStatsAsync()).Sessions);
            await Task.Delay(10);
        }
        var replies = await work;

        Assert.Equal(16, replies.Length);
        Assert.All(sampled, sessions => Assert.InRange(sessions, 0, 4));
        Assert.Equal(16, await simulator.CountAsync("domain:check"));
    }

    [Fact]
    public async Task A_dropped_connection_on_check_is_retried_transparently()
    {
        await using var client = Client();
        // The simulator draws one number per check from Random(seed); this seed drops the first and not the second.
        var seed = Enumerable.Range(1, 1000).First(s => { var r = new Random(s); return r.NextDouble() < 0.5 && r.NextDouble() >= 0.5; });
        await simulator.SetFaultsAsync(new SimulatorFaults { DropAfterExecuteRate = 0.5, Commands = ["domain:check"], Seed = seed });

        var reply = await client.ExecuteAsync(new DomainCheckCommand("retried.kz"));

        Assert.True(reply.Value["retried.kz"].Available);
        Assert.Equal(2, await simulator.CountAsync("domain:check"));
    }

    [Fact]
    public async Task A_dropped_connection_after_create_is_outcome_unknown_and_created_exactly_once()
    {
        await using var client = Client();
        await CreateRegistrantAsync(client);
        await simulator.SetFaultsAsync(new SimulatorFaults { DropAfterExecuteRate = 1, Commands = ["domain:create"] });

        var error = await Assert.ThrowsAsync<EppOutcomeUnknownException>(() => client.ExecuteAsync(Create("once.kz"), "ORDER-7-create"));
        await simulator.ClearFaultsAsync();
        var reconciled = await client.ExecuteAsync(new DomainInfoCommand("once.kz"));

        Assert.Equal("ORDER-7-create", error.ClientTransactionId);
        Assert.Equal(1, await simulator.CountAsync("domain:create"));
        Assert.Equal(RegistrySimulatorFixture.Registrar1, reconciled.Value.SponsoringClientId);
    }

    [Fact]
    public async Task A_dropped_connection_before_create_is_outcome_unknown_and_info_shows_no_domain()
    {
        await using var client = Client();
        await CreateRegistrantAsync(client);
        await simulator.SetFaultsAsync(new SimulatorFaults { DropBeforeExecuteRate = 1, Commands = ["domain:create"] });

        await Assert.ThrowsAsync<EppOutcomeUnknownException>(() => client.ExecuteAsync(Create("never.kz")));
        await simulator.ClearFaultsAsync();
        var error = await Assert.ThrowsAsync<EppCommandFailedException>(() => client.ExecuteAsync(new DomainInfoCommand("never.kz")));

        Assert.Equal(EppResultCode.ObjectDoesNotExist, error.Code);
        Assert.Equal(0, await simulator.CountAsync("domain:create"));
    }

    [Fact]
    public async Task A_renew_dropped_mid_command_is_never_renewed_twice()
    {
        await using var client = Client();
        await CreateRegistrantAsync(client);
        var created = await client.ExecuteAsync(Create("renew-once.kz"));
        await simulator.SetFaultsAsync(new SimulatorFaults { DropAfterExecuteRate = 1, Commands = ["domain:renew"] });

        await Assert.ThrowsAsync<EppOutcomeUnknownException>(() =>
            client.ExecuteAsync(new DomainRenewCommand("renew-once.kz", DateOnly.FromDateTime(created.Value.ExpiresAt!.Value.UtcDateTime))));
        await simulator.ClearFaultsAsync();
        var info = await client.ExecuteAsync(new DomainInfoCommand("renew-once.kz"));

        Assert.Equal(1, await simulator.CountAsync("domain:renew"));
        Assert.Equal(created.Value.ExpiresAt!.Value.AddYears(1), info.Value.ExpiresAt);
    }
}
