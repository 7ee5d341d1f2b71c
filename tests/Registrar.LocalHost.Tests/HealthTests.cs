using System.Net;

namespace Registrar.LocalHost.Tests;

[Collection(ProductCollection.Name)]
public sealed class HealthTests(ProductFixture product)
{
    [Fact]
    public async Task The_local_host_answers_its_health_probe_when_its_storage_answers()
    {
        using var client = product.Anonymous();

        var response = await client.GetAsync("health");

        // Degraded, not unhealthy, while a deadline may fall in a calendar year not yet decreed (see CalendarAssumptionsHealthCheckTests).
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(await response.Content.ReadAsStringAsync(), new[] { "Healthy", "Degraded" });
    }
}
