using System.Net;

namespace Registrar.LocalHost.Tests;

[Collection(ProductCollection.Name)]
public sealed class HealthTests(ProductFixture product)
{
    [Fact]
    public async Task The_local_host_is_healthy_when_its_storage_answers()
    {
        using var client = product.Anonymous();

        var response = await client.GetAsync("health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
