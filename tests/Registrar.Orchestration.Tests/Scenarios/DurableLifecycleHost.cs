using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Testing;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using Registrar.Core.Lifecycle;
using Registrar.Core.Persistence;
using Registrar.Core.Registrations;
using Registrar.Functions.Lifecycle;
using Registrar.Orchestration.Lifecycle;
using Registrar.Storage.Lifecycle;
using Registrar.Testing;

namespace Registrar.Orchestration.Tests.Scenarios;

/// <summary>
/// Host (2): the Functions app's orchestration on the real Durable Task SDK in process (the DurableTask.Core
/// dispatcher replays every episode), with the production orchestrator, decision activity and event
/// delivery classes, the production serializer settings, and events raised through a real client. Only
/// the command activity is the scenario's: it records commands instead of reaching the registry or mail.
/// The state is read as the last decision the orchestration recorded made it: its custom status holds no state.
/// </summary>
public sealed class DurableLifecycleHost : ILifecycleHost
{
    private readonly DurableTaskTestHost _host;
    private readonly LifecycleEventDelivery _delivery;
    private readonly Release _release;

    private readonly DecidedStates _decided;

    private DurableLifecycleHost(
        DurableTaskTestHost host, LifecycleEventDelivery delivery, RecordingCommands commands, Release release, DecidedStates decided)
    {
        _host = host;
        _delivery = delivery;
        _release = release;
        _decided = decided;
        Commands = commands;
    }

    public RecordingCommands Commands { get; }

    public bool SkipsSupersededCommands => false;

    public DurableTaskClient Client => _host.Client;

    /// <summary>Fast retries: a failing command gives up within a second instead of minutes.</summary>
    public static LifecycleLoopOptions TestLoopOptions { get; } = new()
    {
        ActivityRetry = new RetryPolicy(2, TimeSpan.FromMilliseconds(50), 1.0, TimeSpan.FromMilliseconds(50)),
        DecisionRetryDelay = TimeSpan.FromMilliseconds(500),
    };

    /// <param name="logger">Where the event delivery logs; nowhere when null.</param>
    public static async Task<DurableLifecycleHost> StartAsync(
        ILifecycleDecider<RegistrationState, RegistrationEvent, RegistrationCommand> decider, LifecycleLoopOptions? loopOptions = null,
        ILogger<LifecycleEventDelivery>? logger = null)
    {
        var commands = new RecordingCommands();
        var release = new Release(loopOptions ?? TestLoopOptions);
        var decisions = new LifecycleDecisionActivity(decider);
        var decided = new DecidedStates();
        var converter = new JsonDataConverter(StoredJson.Options);
        var host = await DurableTaskTestHost.StartAsync(tasks =>
            {
                // Typed as the Functions host reads it: GetInput<T> in the orchestrator then sees the lifecycle input.
                tasks.AddOrchestratorFunc<LifecycleInput<RegistrationState, RegistrationEvent, RegistrationCommand>, RegistrationState?>(
                    RegistrationOrchestrator.Name, (context, _) => release.Orchestrator.Run(context));
                tasks.AddActivityFunc<DecisionRequest<RegistrationState, RegistrationEvent, RegistrationCommand>, LifecycleStep<RegistrationState, RegistrationCommand>>(
                    LifecycleLoopOptions.DecisionActivityName, (_, request) => decided.Keep(request.InstanceId, decisions.Run(request)));
                tasks.AddActivityFunc<LifecycleCommandRequest<RegistrationCommand>>(
                    LifecycleLoopOptions.CommandActivityName, (_, request) => commands.CarryOutAsync(request.Command));
            },
            new DurableTaskTestHostOptions
            {
                Port = FreeTcpPort.Next(),
                ConfigureServices = services =>
                {
                    services.Configure<DurableTaskWorkerOptions>(o => o.DataConverter = converter);
                    services.Configure<DurableTaskClientOptions>(o => o.DataConverter = converter);
                },
            });
        // The views the lifecycle recorded, as the view store keeps them.
        var views = new Mock<IRegistrationViews>();
        views.Setup(v => v.FindAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns((string registrationId, CancellationToken _) => Task.FromResult(commands.LatestView(registrationId)));
        var delivery = new LifecycleEventDelivery(decider, views.Object, logger ?? NullLogger<LifecycleEventDelivery>.Instance);
        return new DurableLifecycleHost(host, delivery, commands, release, decided);
    }

    public Task RaiseAsync(string registrationId, string eventId, RegistrationEvent @event) =>
        _delivery.DeliverAsync(new LifecycleEventMessage<RegistrationEvent>(registrationId, eventId, @event), _host.Client, CancellationToken.None);

    public Task<RegistrationState?> StateAsync(string registrationId) => Task.FromResult(_decided.Of(registrationId));

    public async Task<DateTimeOffset?> WakeAtAsync(string registrationId) => (await StatusAsync(registrationId))?.WakeAt;

    public async Task<LifecycleStatus?> StatusAsync(string registrationId)
    {
        var instance = await _host.Client.GetInstanceAsync(RegistrationInstanceId.For(registrationId), getInputsAndOutputs: true);
        return instance?.ReadCustomStatusAs<LifecycleStatus>();
    }

    /// <summary>How many times the registration's orchestration continued as new, and the status its current generation keeps.</summary>
    public async Task<(int Generation, LifecycleStatus? Status)> GenerationAsync(string registrationId)
    {
        var instance = await _host.Client.GetInstanceAsync(RegistrationInstanceId.For(registrationId), getInputsAndOutputs: true)
            ?? throw new InvalidOperationException($"Registration {registrationId} has no orchestration.");
        var input = instance.ReadInputAs<LifecycleInput<RegistrationState, RegistrationEvent, RegistrationCommand>>()!;
        return (input.Generation, instance.ReadCustomStatusAs<LifecycleStatus>());
    }

    /// <summary>Runs a registration to the end of its lifecycle: its name was taken and the customer chose a refund (KZ-2.1).</summary>
    public async Task CompleteAsync(string registrationId)
    {
        var run = new ScenarioRun(this, registrationId);
        await run.RaiseAsync(LifecycleScenarios.Paid(LifecycleScenarios.Order(handle: "H-1")), typeof(CreateDomain), typeof(RecordRegistrationView));
        await run.AnswerAsync(new NameTaken(), typeof(SendNotice), typeof(FlagForOperations), typeof(RecordRegistrationView));
        await run.RaiseAsync(new CustomerChoseAfterNameTaken("choice:1", CustomerChoice.Refund), typeof(FlagForOperations), typeof(RecordRegistrationView));
        await _host.Client.WaitForInstanceCompletionAsync(RegistrationInstanceId.For(registrationId));
    }

    /// <summary>Starts a registration and terminates its orchestration while it creates the domain, as operations could.</summary>
    public async Task TerminateAsync(string registrationId)
    {
        await new ScenarioRun(this, registrationId).RaiseAsync(LifecycleScenarios.Paid(LifecycleScenarios.Order(handle: "H-1")),
            typeof(CreateDomain), typeof(RecordRegistrationView));
        await _host.Client.TerminateInstanceAsync(RegistrationInstanceId.For(registrationId));
        await _host.Client.WaitForInstanceCompletionAsync(RegistrationInstanceId.For(registrationId));
    }

    /// <summary>A deploy under running orchestrations: every episode from now on, replays included, runs the orchestrator
    /// with <paramref name="loopOptions"/>.</summary>
    public void Redeploy(LifecycleLoopOptions loopOptions) => _release.Orchestrator = new RegistrationOrchestrator(Options.Create(loopOptions));

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    /// <summary>Each registration's state as its last decision left it, read back as the orchestration's history holds it.</summary>
    private sealed class DecidedStates
    {
        private readonly ConcurrentDictionary<string, string> _states = new();

        public LifecycleStep<RegistrationState, RegistrationCommand> Keep(string registrationId, LifecycleStep<RegistrationState, RegistrationCommand> step)
        {
            _states[registrationId] = JsonSerializer.Serialize(step.State, StoredJson.Options);
            return step;
        }

        public RegistrationState? Of(string registrationId) =>
            _states.TryGetValue(registrationId, out var json) ? JsonSerializer.Deserialize<RegistrationState>(json, StoredJson.Options) : null;
    }

    /// <summary>The orchestrator the worker runs now.</summary>
    private sealed class Release(LifecycleLoopOptions loopOptions)
    {
        public RegistrationOrchestrator Orchestrator { get; set; } = new(Options.Create(loopOptions));
    }
}
