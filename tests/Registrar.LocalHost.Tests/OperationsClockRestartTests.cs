using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Registrar.LocalHost.Runtime;

namespace Registrar.LocalHost.Tests;

/// <summary>Development: the operations clock never goes back, a host restarted after a crash included (crash probe D7: a
/// restart read wall time again and pushed the registry simulator's clock back a year, and registrations created then were
/// deleted as expired once the clock moved on). Its own Azurite and hosts, as this test moves the clock.</summary>
public sealed class OperationsClockRestartTests : IAsyncLifetime
{
    private readonly AzuriteFixture _storage = new();

    public Task InitializeAsync() => _storage.InitializeAsync();

    [Fact]
    public async Task A_host_restarted_after_the_clock_was_moved_reads_on_from_where_it_was_not_from_wall_time()
    {
        DateTimeOffset advanced;
        await using (var first = Host())
        {
            using var operations = Operations(first);
            var answer = await operations.PostAsync("ops/clock/advance", new StringContent("""{"by":"365.00:00:00"}""", Encoding.UTF8, "application/json"));
            advanced = (await answer.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<ClockReading>())!.Now;
        }

        await using var restarted = Host();
        using var again = Operations(restarted);
        var reading = (await again.GetFromJsonAsync<ClockReading>("ops/clock"))!;

        Assert.True(reading.Now >= advanced, $"{reading.Now:O} is before {advanced:O}");
        Assert.True(reading.Now > DateTimeOffset.UtcNow.AddDays(364));
    }

    private WebApplicationFactory<Program> Host() =>
        InProcessHosts.Create(_storage, configure: host => host.UseSetting("Storage:NamePrefix", "clock"));

    private static HttpClient Operations(WebApplicationFactory<Program> host)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ProductFixture.OperationsKey);
        return client;
    }

    public Task DisposeAsync() => _storage.DisposeAsync();
}
