using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Registrar.Api.Lifecycle;
using Registrar.Core.Registrations;
using Registrar.Storage.Configuration;
using Registrar.Storage.Lifecycle;
using Registrar.Storage.Metering;
using Registrar.Storage.Queues;
using Registrar.Storage.Stores;
using Registrar.Testing;

namespace Registrar.Api.Tests.Lifecycle;

/// <summary>Nothing is lost: an event whose deliveries ran out goes before operations and back to its queue, delivered
/// again later, on Azurite's queues as both hosts use them.</summary>
public sealed class PoisonedLifecycleEventsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_poisoned_payment_event_is_put_before_operations_once_and_delivered_again_after_the_wait()
    {
        var clients = new StorageClients(new StorageOptions { ConnectionString = azurite.ConnectionString, NamePrefix = "p" + Guid.NewGuid().ToString("N")[..10] },
            new StorageMeter());
        var review = new ReviewListStore(clients);
        var events = new QueueSender<LifecycleEventMessage<RegistrationEvent>>(clients.Queue("events"), LifecycleEventMessage<RegistrationEvent>.Contract);
        var poisoned = new PoisonedLifecycleEvents(review, new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero)),
            NullLogger<PoisonedLifecycleEvents>.Instance);
        var paidAt = new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
        var paid = new LifecycleEventMessage<RegistrationEvent>("r-1", "renewal-paid:KZ-1", new RenewalPaid("renewal-paid:KZ-1", "KZ-1", 1, paidAt));

        await poisoned.HandleAsync(paid, events, default);
        await poisoned.HandleAsync(paid, events, default);

        var item = Assert.Single(await review.ListOpenAsync(default).ToListAsync());
        Assert.Equal(("registration", "r-1", "EventDeliveryFailed"), (item.Kind, item.Subject, item.Reason));
        Assert.Contains("RenewalPaid event renewal-paid:KZ-1", item.Explanation);
        // Waiting, not lost: two copies (the event id keeps them to one application), neither delivered before the wait.
        Assert.Equal(2, (await events.Queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Empty((await events.Queue.ReceiveMessagesAsync(32)).Value);
    }
}
