using Microsoft.Extensions.Logging;
using Moq;
using Registrar.Core.Registrations;
using Registrar.Epp.Commands;
using Registrar.Epp.Responses;
using Registrar.Epp.Sessions;
using Registrar.Registry.Tests.Support;
using Registrar.Testing;
using EppDomainInfo = Registrar.Epp.Commands.DomainInfo;

namespace Registrar.Registry.Tests;

/// <summary>RFC 5731 section 3.2.2 over a mocked registry, for answers the simulator does not give: a subordinate host gone
/// between the info and its delete, and a host's refusal reaching operations whole and the log without names.</summary>
public sealed class SubordinateHostRemovalTests
{
    private const string Domain = "example.kz";
    private const string Host = "ns1.example.kz";
    private readonly Mock<IEppClient> _client = new();

    public SubordinateHostRemovalTests()
    {
        var info = new EppDomainInfo(Domain, "D1-KZ", [new EppStatus("ok")], "RG1", [], [Host, "ns.example.net"], [Host], "registrar1",
            null, null, DateTimeOffset.UtcNow.AddMonths(2), null, null, [], [], []);
        _client.Setup(c => c.ExecuteAsync(It.IsAny<DomainInfoCommand>(), "R1-3-i", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new EppReply<EppDomainInfo>(info, EppResultCode.Success, "", "R1-3-i", "s", null));
        _client.Setup(c => c.ExecuteAsync(It.IsAny<DomainUpdateCommand>(), "R1-3-u", It.IsAny<CancellationToken>()))
            .ReturnsAsync(Acknowledged(EppResultCode.Success));
        _client.Setup(c => c.ExecuteAsync(It.IsAny<DomainDeleteCommand>(), "R1-3", It.IsAny<CancellationToken>()))
            .ReturnsAsync(Acknowledged(EppResultCode.Success));
    }

    [Fact]
    public async Task A_subordinate_host_already_gone_2303_is_no_obstacle_and_the_domain_is_deleted_RFC5732_3_2_2()
    {
        HostDeleteAnswers(EppResultCode.ObjectDoesNotExist);

        var outcome = await DeleteAsync(MockedRegistry.Executor(_client));

        Assert.IsType<DomainDeleted>(outcome);
        _client.Verify(c => c.ExecuteAsync(It.IsAny<DomainDeleteCommand>(), "R1-3", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_subordinate_host_the_registry_will_not_delete_refuses_the_domain_delete_naming_it_and_logs_no_names_RFC5731_3_2_2()
    {
        HostDeleteAnswers(EppResultCode.ObjectStatusProhibitsOperation);
        using var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));

        var outcome = await DeleteAsync(MockedRegistry.Executor(_client, factory.CreateLogger<RegistryCommandExecutor>()));

        var refused = Assert.IsType<RegistryRefused>(outcome);
        Assert.Equal(2305, refused.Code);
        Assert.Contains(Host, refused.Message);
        Assert.Contains("2304 (ObjectStatusProhibitsOperation)", refused.Message);
        _client.Verify(c => c.ExecuteAsync(It.IsAny<DomainDeleteCommand>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        var line = Assert.Single(logs.Lines, l => l.Contains("host:delete"));
        Assert.Contains("2304", line);
        Assert.DoesNotContain("example", line);
    }

    private void HostDeleteAnswers(EppResultCode code) =>
        _client.Setup(c => c.ExecuteAsync(It.IsAny<HostDeleteCommand>(), "R1-3-h1", It.IsAny<CancellationToken>()))
            .ThrowsAsync(MockedRegistry.Failed("host:delete", code));

    private static Task<RegistryOutcome> DeleteAsync(RegistryCommandExecutor executor) =>
        executor.ExecuteAsync(new DeleteDomain("R1-3", "R1", "kz", Domain), default);

    private static EppReply<EppAcknowledged> Acknowledged(EppResultCode code) => new(new EppAcknowledged(code), code, "", "c", "s", null);
}
