using Registrar.Core.Calendars;
using Registrar.Core.Deadlines;
using Registrar.Core.Lifecycle;
using Registrar.Core.Registrations;
using Registrar.Core.Zones;
using Registrar.Functions.Registry;

namespace Registrar.Functions.Tests;

public sealed class PoisonedRegistryCommandFunctionTests
{
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
        var decider = new RegistrationDecider(new ZoneDeadlines(ZoneCatalog.LoadEmbedded(), BusinessCalendars.LoadEmbedded()));
        var function = new PoisonedRegistryCommandFunction(events, decider);
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
}
