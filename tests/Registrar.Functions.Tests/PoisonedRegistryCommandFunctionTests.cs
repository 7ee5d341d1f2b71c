using Microsoft.Extensions.Logging.Abstractions;
using Registrar.Core.Calendars;
using Registrar.Core.Deadlines;
using Registrar.Core.Lifecycle;
using Registrar.Core.Operations;
using Registrar.Core.Registrations;
using Registrar.Core.Zones;
using Registrar.Functions.Registry;
using Registrar.Storage.Configuration;
using Registrar.Storage.Metering;
using Registrar.Storage.Queues;
using Registrar.Storage.Stores;
using Registrar.Testing;

namespace Registrar.Functions.Tests;

public sealed class PoisonedRegistryCommandFunctionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly RegistrationDecider Decider = new(new ZoneDeadlines(ZoneCatalog.LoadEmbedded(), BusinessCalendars.LoadEmbedded()));

    private sealed class RecordingEvents : ILifecycleEvents<RegistrationEvent>
    {
        public List<(string RegistrationId, string EventId, RegistrationEvent Event)> Raised { get; } = [];

        public Task RaiseAsync(string instanceId, string eventId, RegistrationEvent @event, CancellationToken cancellationToken)
        {
            Raised.Add((instanceId, eventId, @event));
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task A_poisoned_registry_command_becomes_its_registrations_failure_event_keyed_by_the_command()
    {
        var events = new RecordingEvents();
        var function = new PoisonedRegistryCommandFunction(events, Decider, Unreadable(new ReviewListStore(Clients())));
        var command = new QueryDomain("r7-1-3", "r7-1", "kz", "example.kz");

        await function.Run(FunctionQueues.RegistryCommandContract.Serialize(command), CancellationToken.None);
        await function.Run(FunctionQueues.RegistryCommandContract.Serialize(command), CancellationToken.None);

        Assert.Equal(2, events.Raised.Count);
        Assert.All(events.Raised, raised =>
        {
            Assert.Equal(("r7-1", "failed:r7-1-3"), (raised.RegistrationId, raised.EventId));
            Assert.Equal(command, Assert.IsType<RegistrationCommandFailed>(raised.Event).Command);
        });
    }

    [Fact]
    public async Task A_poisoned_registry_command_no_reader_here_can_read_is_kept_for_operations_and_raises_nothing()
    {
        var events = new RecordingEvents();
        var clients = Clients();
        var review = new ReviewListStore(clients);
        var function = new PoisonedRegistryCommandFunction(events, Decider, Unreadable(review, clients));

        await function.Run("""{"type":"registry-command","version":2,"body":{}}""", CancellationToken.None);

        Assert.Empty(events.Raised);
        var item = Assert.Single(await review.ListOpenAsync(default).ToListAsync());
        Assert.Equal(("UnreadableQueueMessage", FunctionQueues.RegistryCommandsPoison), (item.Reason, item.Subject));
    }

    private StorageClients Clients() =>
        new(new StorageOptions { ConnectionString = azurite.ConnectionString, NamePrefix = "t" + Guid.NewGuid().ToString("N")[..10] }, new StorageMeter());

    private UnreadableMessages Unreadable(IReviewList review, StorageClients? clients = null) =>
        new(clients ?? Clients(), review, TimeProvider.System, NullLogger<UnreadableMessages>.Instance);
}
