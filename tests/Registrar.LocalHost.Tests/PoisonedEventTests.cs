using System.Net.Http.Json;
using System.Text.Json;
using Registrar.Core.Registrations;
using Registrar.Storage.Lifecycle;
using static Registrar.LocalHost.Tests.TestSupport;

namespace Registrar.LocalHost.Tests;

/// <summary>Nothing is lost: an event the worker gave up on after every delivery is not left in the poison queue.</summary>
[Collection(ProductCollection.Name)]
public sealed class PoisonedEventTests(ProductFixture product)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task An_event_whose_deliveries_ran_out_goes_before_operations_and_back_to_its_queue()
    {
        var registrationId = "r-poisoned-" + Guid.NewGuid().ToString("N")[..8];
        var poison = product.Storage.Queues.GetQueueClient("lifecycle-events-poison");
        await poison.CreateIfNotExistsAsync();
        var due = new RegistrationTimerDue("timer:poisoned", new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));
        await poison.SendMessageAsync(LifecycleEventMessage<RegistrationEvent>.Contract.Serialize(new(registrationId, due.EventId, due)));
        using var operations = product.Operations();

        var flagged = await EventuallyAsync(
            async () => (await operations.GetFromJsonAsync<JsonElement>("api/ops/review")).EnumerateArray()
                .FirstOrDefault(i => i.GetProperty("subject").GetString() == registrationId),
            item => item.ValueKind == JsonValueKind.Object, Patience);

        Assert.Equal("EventDeliveryFailed", flagged.GetProperty("reason").GetString());
        Assert.Contains("timer:poisoned", flagged.GetProperty("explanation").GetString());
        await EventuallyAsync(async () => (await poison.GetPropertiesAsync()).Value.ApproximateMessagesCount, count => count == 0, Patience);
    }
}
