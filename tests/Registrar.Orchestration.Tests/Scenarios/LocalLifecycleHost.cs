using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Registrar.Core.Lifecycle;
using Registrar.Core.Registrations;
using Registrar.Storage.Configuration;
using Registrar.Storage.Lifecycle;
using Registrar.Testing;

namespace Registrar.Orchestration.Tests.Scenarios;

/// <summary>
/// Host (1): the local host's lifecycle runtime on Azurite (state, outbox and processed events in Tables,
/// events and commands through Queues, timers swept), with the real decider, on the real clock. Events
/// go through the event queue as the product's handlers send them.
/// </summary>
public sealed class LocalLifecycleHost : ILifecycleHost
{
    private readonly IHost _host;

    private LocalLifecycleHost(IHost host, RecordingCommands commands)
    {
        _host = host;
        Commands = commands;
    }

    public RecordingCommands Commands { get; }

    public bool SkipsSupersededCommands => true;

    public static async Task<LocalLifecycleHost> StartAsync(AzuriteFixture azurite, IRegistrationSchedule schedule)
    {
        var commands = new RecordingCommands();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:NamePrefix"] = "s" + Guid.NewGuid().ToString("N")[..8],
            ["Lifecycle:SweepInterval"] = "00:00:00.100",
            ["Lifecycle:Events:MaxPollInterval"] = "00:00:00.100",
            ["Lifecycle:Events:RetryDelay"] = "00:00:00.100",
            ["Lifecycle:Commands:MaxPollInterval"] = "00:00:00.100",
            ["Lifecycle:Commands:RetryDelay"] = "00:00:00.100",
            ["Lifecycle:Commands:MaxDequeueCount"] = "2",
        });
        builder.Services.AddSingleton(schedule);
        builder.Services.AddSingleton(commands);
        builder.Services.AddRegistrarStorage(builder.Configuration);
        builder.Services.AddLifecycleRuntime<RegistrationState, RegistrationEvent, RegistrationCommand, RegistrationDecider>(builder.Configuration);
        builder.Services.AddLifecycleCommandHandler<RegistrationCommand, RecordingHandler>();
        var host = builder.Build();
        await host.StartAsync();
        return new LocalLifecycleHost(host, commands);
    }

    public Task RaiseAsync(string registrationId, string eventId, RegistrationEvent @event) =>
        _host.Services.GetRequiredService<ILifecycleClient<RegistrationEvent>>().SendAsync(registrationId, eventId, @event, CancellationToken.None);

    public async Task<RegistrationState?> StateAsync(string registrationId) => (await ViewAsync(registrationId))?.State;

    public async Task<DateTimeOffset?> WakeAtAsync(string registrationId) => (await ViewAsync(registrationId))?.NextWakeAt;

    private Task<LifecycleInstanceView<RegistrationState, RegistrationEvent, RegistrationCommand>?> ViewAsync(string registrationId) =>
        _host.Services.GetRequiredService<ILifecycleInspector<RegistrationState, RegistrationEvent, RegistrationCommand>>()
            .GetAsync(registrationId, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    private sealed class RecordingHandler(RecordingCommands commands) : ILifecycleCommandHandler<RegistrationCommand>
    {
        public Task HandleAsync(LifecycleCommandContext context, RegistrationCommand command, CancellationToken ct) =>
            commands.CarryOutAsync(command);
    }
}
