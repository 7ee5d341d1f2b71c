using Microsoft.Extensions.Logging.Abstractions;
using Registrar.Epp.Profiles;
using Registrar.Epp.Sessions;

namespace Registrar.Epp.Tests.Support;

public static class Clients
{
    public static EppClient For(EppRegistryOptions options, string registryId = "test") =>
        EppClients.Create(registryId, options, UnsharedEppSessionSlots.Instance, TimeProvider.System, NullLoggerFactory.Instance);
}
