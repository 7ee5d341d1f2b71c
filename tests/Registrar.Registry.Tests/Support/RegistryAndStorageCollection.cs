using Registrar.Testing;

namespace Registrar.Registry.Tests.Support;

/// <summary>One registry simulator and one Azurite for the gateway tests: they run one after another, each from a
/// reset simulator whose clock is back at real time, and the project starts two processes rather than two per class.</summary>
[CollectionDefinition(Name)]
public sealed class RegistryAndStorageCollection : ICollectionFixture<RegistrySimulatorFixture>, ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Registry simulator and storage";
}
