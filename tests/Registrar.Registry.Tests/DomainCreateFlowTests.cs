using Moq;
using Registrar.Core.Registrations;
using Registrar.Epp.Commands;
using Registrar.Epp.Responses;
using Registrar.Epp.Sessions;
using DomainInfo = Registrar.Core.Registrations.DomainInfo;

namespace Registrar.Registry.Tests;

/// <summary>A create refused as existing, read back from a registry that shows a name only to its sponsor (the simulator shows some of it).</summary>
public sealed class DomainCreateFlowTests
{
    private readonly Mock<IEppClient> _client = new();

    private RegistryCommandExecutor Executor() => Support.MockedRegistry.Executor(_client);

    private static EppCommandFailedException Failed(string command, EppResultCode code) => Support.MockedRegistry.Failed(command, code);

    [Fact]
    public async Task A_create_answered_2302_whose_info_is_refused_2201_is_a_name_another_registrar_holds_not_a_refusal_RFC5731_3_1_2()
    {
        _client.Setup(c => c.ExecuteAsync(It.IsAny<DomainCreateCommand>(), "R1-2", It.IsAny<CancellationToken>()))
            .ThrowsAsync(Failed("domain:create", EppResultCode.ObjectExists));
        _client.Setup(c => c.ExecuteAsync(It.IsAny<DomainInfoCommand>(), "R1-2-i", It.IsAny<CancellationToken>()))
            .ThrowsAsync(Failed("domain:info", EppResultCode.AuthorizationError));

        var outcome = await Executor().ExecuteAsync(
            new CreateDomain("R1-2", "R1", "kz", "taken.kz", 1, "RG0001", Core.Customers.TechnicalContact.Registrant, null), default);

        Assert.True(outcome is DomainInfo { Exists: true, SponsorIsUs: false });
    }
}
