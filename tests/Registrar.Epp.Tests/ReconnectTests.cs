using Microsoft.Extensions.Logging.Abstractions;
using Registrar.Epp.Commands;
using Registrar.Epp.Profiles;
using Registrar.Epp.Sessions;
using Registrar.Epp.Tests.Support;
using Registrar.Epp.Transport;
using Registrar.Testing;

namespace Registrar.Epp.Tests;

/// <summary>Opening sessions: retried with backoff while the registry is unreachable.</summary>
public class ReconnectTests
{
    /// <summary>Counts connection attempts; the first <paramref name="failures"/> fail as a refused connection would.</summary>
    private sealed class FlakyConnector(IEppConnector inner, int failures) : IEppConnector
    {
        public int Attempts;

        public Task<EppConnection> ConnectAsync(CancellationToken cancellationToken) =>
            Interlocked.Increment(ref Attempts) <= failures
                ? throw new EppConnectionException("Connection refused (simulated).")
                : inner.ConnectAsync(cancellationToken);
    }

    private static EppSessionFactory Factory(IEppConnector connector, EppRegistryOptions options) =>
        new(connector, options, EppRegistryProfile.Ietf, new ClTridGenerator("RGR"), TimeProvider.System, NullLoggerFactory.Instance);

    [Fact]
    public async Task A_session_opens_once_the_registry_is_reachable_again()
    {
        await using var server = new ScriptedEppServer();
        var options = server.Options(o => o.MaxConnectAttempts = 4);
        var connector = new FlakyConnector(new EppTlsConnector(options, TimeProvider.System, NullLogger<EppTlsConnector>.Instance), failures: 2);

        await using var session = await Factory(connector, options).OpenAsync(default);

        Assert.Equal(3, connector.Attempts);
        Assert.Equal(1, server.Seen["login"]);
        Assert.False(session.IsBroken);
    }

    [Fact]
    public async Task An_unreachable_registry_is_reported_after_the_configured_attempts()
    {
        var options = new EppRegistryOptions
        {
            Host = "127.0.0.1", Port = FreeTcpPort.Next(), ClientId = "registrar1", Password = "secret-1",
            PinnedServerThumbprints = ["00"], MaxConnectAttempts = 3, ReconnectInitialDelay = TimeSpan.FromMilliseconds(10),
        };
        var connector = new FlakyConnector(new EppTlsConnector(options, TimeProvider.System, NullLogger<EppTlsConnector>.Instance), failures: 0);

        var error = await Assert.ThrowsAsync<EppConnectionException>(() => Factory(connector, options).OpenAsync(default));

        Assert.Equal(3, connector.Attempts);
        Assert.Contains($"127.0.0.1:{options.Port}", error.Message);
    }

    [Fact]
    public async Task A_command_to_an_unreachable_registry_fails_as_not_sent_never_as_outcome_unknown()
    {
        await using var client = Clients.For(new EppRegistryOptions
        {
            Host = "127.0.0.1", Port = FreeTcpPort.Next(), ClientId = "registrar1", Password = "secret-1",
            PinnedServerThumbprints = ["00"], MaxConnectAttempts = 2, ReconnectInitialDelay = TimeSpan.FromMilliseconds(10),
        });

        await Assert.ThrowsAsync<EppConnectionException>(() =>
            client.ExecuteAsync(new DomainCreateCommand { DomainName = "example.kz", AuthInfoPassword = "2fooBAR" }));
        Assert.Equal(0, client.Pool.OpenSessions);
    }
}
