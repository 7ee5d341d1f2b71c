using Registrar.Epp.Commands;
using Registrar.Epp.Extensions;
using Registrar.Epp.Profiles;
using Registrar.Epp.Sessions;
using Registrar.Epp.Tests.Support;
using Registrar.Testing;

namespace Registrar.Epp.Tests;

/// <summary>The client against a simulator process whose greeting leaves out secDNS and whose login refuses it, over
/// real TLS: RFC 5730 section 2.9.1.1 end to end.</summary>
public class SimulatorNegotiationTests(SimulatorWithoutSecDnsFixture simulator) : IClassFixture<SimulatorWithoutSecDnsFixture>
{
    private const string Registrant = "nego-reg1";

    private EppClient Client() => Clients.For(new EppRegistryOptions
    {
        Host = "127.0.0.1", Port = simulator.EppPort, TlsServerName = "localhost",
        ClientId = RegistrySimulatorFixture.Registrar1, Password = RegistrySimulatorFixture.Password1,
        PinnedServerThumbprints = [simulator.CertificateSha256], MaxSessions = 1,
        ReconnectInitialDelay = TimeSpan.FromMilliseconds(20),
    });

    private static DomainCreateCommand Create(string name, params IEppCommandExtension[] extensions) => new()
    {
        DomainName = name, Period = EppPeriod.Years(1), Registrant = Registrant, AuthInfoPassword = "2fooBAR", Extensions = extensions,
    };

    [Fact]
    public async Task Against_a_registry_without_DNSSEC_the_client_logs_in_without_secDNS_and_refuses_DS_records_unsent_RFC5730_2_9_1_1()
    {
        await using var client = Client();
        await client.ExecuteAsync(new ContactCreateCommand
        {
            Id = Registrant, Email = "owner@example.kz", AuthInfoPassword = "2fooBAR",
            PostalInfos = [new PostalInfo { Name = "Negotiation Test", City = "Almaty", CountryCode = "KZ", Street = ["Abay 1"] }],
        });

        var plain = await client.ExecuteAsync(Create("unsigned.kz"));
        var refused = await Assert.ThrowsAsync<EppExtensionNotNegotiatedException>(() => client.ExecuteAsync(
            Create("signed.kz", new SecDnsCreateExtension([new DsData(12345, 13, 2, "49FD46E6C4B45C55D4AC49FD46E6C4B45C55D4AC")]))));

        Assert.Equal("unsigned.kz", plain.Value.Name);
        Assert.Equal(SimulatorWithoutSecDnsFixture.SecDns, refused.ExtensionNamespace);
        Assert.Equal(1, await simulator.CountAsync("domain:create"));
        Assert.Null(await simulator.GetDomainAsync("signed.kz"));
        Assert.Equal(1, await simulator.CountAsync("login"));
    }
}
