using Azure.Core.Pipeline;
using Registrar.Storage.Configuration;
using Registrar.Storage.Metering;
using Registrar.Testing;

namespace Registrar.Storage.Tests;

/// <summary>Storage clients on the shared Azurite with a fresh name prefix, so tests never see each other's rows.</summary>
public static class TestStorage
{
    public static string NewPrefix() => "t" + Guid.NewGuid().ToString("N")[..10];

    public static StorageClients Clients(AzuriteFixture azurite, StorageMeter? meter = null, params HttpPipelinePolicy[] policies) =>
        new(new StorageOptions { ConnectionString = azurite.ConnectionString, NamePrefix = NewPrefix() },
            meter ?? new StorageMeter(), policies);

    /// <summary>Polls until <paramref name="condition"/> holds; fails the test with <paramref name="what"/> after the deadline.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Not within {seconds} s: {what}");
            await Task.Delay(100);
        }
    }
}

/// <summary>A clock the test moves by hand; delays still run on real time.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
