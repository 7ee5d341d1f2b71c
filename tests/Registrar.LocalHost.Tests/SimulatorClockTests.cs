using System.Net.Http.Json;
using System.Text;

namespace Registrar.LocalHost.Tests;

/// <summary>The product as <c>scripts/run.sh</c> starts it: the registry simulator follows the host's development clock.</summary>
public sealed class ClockFollowingProduct : IAsyncLifetime
{
    public ProductFixture Product { get; } = new() { RegistryFollowsClock = true };

    public Task InitializeAsync() => Product.InitializeAsync();

    public Task DisposeAsync() => Product.DisposeAsync();
}

public sealed class SimulatorClockTests(ClockFollowingProduct following) : IClassFixture<ClockFollowingProduct>
{
    private ProductFixture Product => following.Product;

    [Fact]
    public async Task Moving_the_host_clock_moves_the_registrys_before_the_answer_so_expiry_is_judged_at_one_time()
    {
        using var operations = Product.Operations();

        var response = await operations.PostAsync("ops/clock/advance", new StringContent("""{"by":"400.00:00:00"}""", Encoding.UTF8, "application/json"));
        var host = (await response.Content.ReadFromJsonAsync<ClockAnswer>())!.Now;
        var registry = await Product.Registry.GetClockAsync();

        Assert.True(response.IsSuccessStatusCode);
        Assert.True(host > DateTimeOffset.UtcNow.AddDays(399));
        Assert.InRange(registry - host, TimeSpan.FromSeconds(-5), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Advances_made_side_by_side_leave_the_registrys_clock_at_the_hosts_last_reading()
    {
        using var operations = Product.Operations();

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            operations.PostAsync("ops/clock/advance", new StringContent("""{"by":"1.00:00:00"}""", Encoding.UTF8, "application/json"))));
        var host = (await operations.GetFromJsonAsync<ClockAnswer>("ops/clock"))!.Now;
        var registry = await Product.Registry.GetClockAsync();

        Assert.InRange(registry - host, TimeSpan.FromSeconds(-5), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task An_accelerated_host_clock_keeps_the_registrys_within_seconds_of_its_own()
    {
        using var operations = Product.Operations();

        await operations.PostAsync("ops/clock/accelerate", new StringContent("""{"factor":3600}""", Encoding.UTF8, "application/json"));
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(8));
            var host = (await operations.GetFromJsonAsync<ClockAnswer>("ops/clock"))!.Now;
            var registry = await Product.Registry.GetClockAsync();

            // Pushed every second: at 3,600 s a second the registry trails by an hour a push, never by the 8 hours run since.
            Assert.InRange(host - registry, TimeSpan.FromHours(-1), TimeSpan.FromHours(5));
        }
        finally
        {
            await operations.PostAsync("ops/clock/accelerate", new StringContent("""{"factor":1}""", Encoding.UTF8, "application/json"));
        }
    }

    private sealed record ClockAnswer(DateTimeOffset Now);
}
