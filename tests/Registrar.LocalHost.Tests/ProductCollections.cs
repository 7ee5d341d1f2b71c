namespace Registrar.LocalHost.Tests;

[CollectionDefinition(Name)]
public sealed class ProductCollection : ICollectionFixture<ProductFixture>
{
    public const string Name = "product";
}

/// <summary>A product of its own for tests that move the host's clock, so no other test sees the jump.</summary>
[CollectionDefinition(Name)]
public sealed class ClockedProductCollection : ICollectionFixture<ProductFixture>
{
    public const string Name = "product with a moving clock";
}
