using Registrar.Core.Registrations;
using Registrar.Storage.Configuration;
using Registrar.Storage.Metering;
using Registrar.Storage.Stores;
using Registrar.Testing;

namespace Registrar.Registry.Tests.Support;

/// <summary>The registration view store on Azurite, under a name prefix of its own so each test starts empty.</summary>
public static class ViewStoreOnAzurite
{
    public static RegistrationViewStore Create(AzuriteFixture azurite) => new(new StorageClients(
        new StorageOptions { ConnectionString = azurite.ConnectionString, NamePrefix = "r" + Guid.NewGuid().ToString("N")[..10] }, new StorageMeter()));

    public static RegistrationView View(string registrationId, string zone, string domainName, RegistrationPhase phase) =>
        new(registrationId, "C" + registrationId, domainName, domainName, zone, phase, null);
}
