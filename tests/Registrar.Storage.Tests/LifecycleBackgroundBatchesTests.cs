using Registrar.Storage.Lifecycle;
using Registrar.Storage.Metering;
using Registrar.Storage.TestHost;
using Registrar.Testing;

namespace Registrar.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class LifecycleBackgroundBatchesTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Batches_decided_at_once_beyond_the_runners_wait_for_one_in_memory_without_a_queue_message()
    {
        await using var runtime = await RuntimeHarness.StartAsync(azurite, settings: new Dictionary<string, string?>
        {
            ["Lifecycle:BackgroundBatches"] = "1",
            ["Lifecycle:BackgroundBatchesWaiting"] = "8",
        });
        var meter = runtime.Get<StorageMeter>();
        string[] instances = [.. Enumerable.Range(1, 6).Select(i => $"w-{i}")];
        meter.Reset();

        await Task.WhenAll(instances.Select(instance => runtime.Client.SendAsync(instance, "start", new Start(TimeSpan.Zero), default)));
        await TestStorage.EventuallyAsync(async () => (await runtime.Get<LifecycleBacklog<TinyState, TinyEvent, TinyCommand>>().ReadAsync(default)).IsSettled
            && (await Task.WhenAll(instances.Select(runtime.ExecutionsAsync))).All(done => done.Count == 2), "every instance charged and notified");

        Assert.Equal(0, meter.Snapshot().GetValueOrDefault("queue.put"));
        foreach (var instance in instances)
            Assert.Equal([($"{instance}:charge", true), ($"{instance}:notify", true)], await runtime.DeliveriesAsync(instance));
    }
}
