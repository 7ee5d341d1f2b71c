using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using Registrar.Core.Zones;
using Registrar.Epp.Profiles;
using Registrar.Epp.Responses;
using Registrar.Epp.Sessions;

namespace Registrar.Registry.Tests.Support;

/// <summary>The registry gateway over a mocked KazNIC client, for answers the simulator does not give.</summary>
internal static class MockedRegistry
{
    public static RegistryCommandExecutor Executor(Mock<IEppClient> client, ILogger<RegistryCommandExecutor>? logger = null)
    {
        client.SetupGet(c => c.RegistryId).Returns("kaznic");
        var clients = new Mock<IEppClients>();
        clients.Setup(c => c.For("kaznic")).Returns(client.Object);
        var epp = Options.Create(new EppOptions { Registries = { ["kaznic"] = new EppRegistryOptions { ClientId = "registrar1" } } });
        return new RegistryCommandExecutor(ZoneCatalog.LoadEmbedded(), clients.Object, Options.Create(new RegistryOptions()), epp,
            SimulatedRegistries.TransferCodes, new GivenTransferCodes(), logger ?? NullLogger<RegistryCommandExecutor>.Instance);
    }

    public static EppCommandFailedException Failed(string command, EppResultCode code) =>
        new(command, new EppResult(code, code.ToString(), []), "c", "s");
}
