using Microsoft.DurableTask.Client;
using Registrar.Core.Lifecycle;
using Registrar.Core.Registrations;
using Registrar.Orchestration.Lifecycle;
using Registrar.Orchestration.Tests.Scenarios;

namespace Registrar.Orchestration.Tests;

/// <summary>What only the Durable host can get wrong, each on the real SDK: events read back with their
/// type, the generation boundary, a deploy under a running orchestration, failures that must not end it.</summary>
public sealed class DurableLifecycleTests
{
    private static readonly DateTimeOffset Expiry = new(2028, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static RegistrationPaid Paid() => new("paid:1", LifecycleScenarios.Order(handle: "H-1"), DateTimeOffset.UtcNow);

    /// <summary>The decider gives the first command of a registration the id "{registrationId}-1".</summary>
    private static RegistryAnswered CreatedAnswer(string registrationId) =>
        new("answer:" + registrationId + "-1", registrationId + "-1", new DomainCreated(Expiry));

    [Fact]
    public async Task A_derived_event_raised_through_the_client_reaches_the_orchestration_with_its_type()
    {
        await using var host = await DurableLifecycleHost.StartAsync(LifecycleHosts.Decider);
        var run = new ScenarioRun(host, "typed-1");
        await run.RaiseAsync(Paid(), typeof(CreateDomain), typeof(RecordRegistrationView));

        await run.StepAsync(() => host.Client.RaiseEventAsync(RegistrationInstanceId.For("typed-1"), LifecycleLoopOptions.EventName,
            new RaisedEvent<RegistrationEvent>("answer:typed-1-1", new RegistryAnswered("answer:typed-1-1", "typed-1-1", new DomainCreated(Expiry)))),
            typeof(SendNotice), typeof(RecordRegistrationView));

        Assert.Equal(Expiry, (await run.SettlesInAsync(RegistrationPhase.Registered)).ExpiresAt);
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await host.Client.GetInstanceAsync(RegistrationInstanceId.For("typed-1")))!.RuntimeStatus);
    }

    [Fact]
    public async Task Events_raised_at_the_generation_boundary_are_all_applied()
    {
        await using var host = await DurableLifecycleHost.StartAsync(LifecycleHosts.Decider,
            DurableLifecycleHost.TestLoopOptions with { EventsPerGeneration = 1 });
        var ids = Enumerable.Range(1, 8).Select(i => $"boundary{i}-1").ToList();

        // The answer follows the payment at once: it arrives while the first generation continues as new.
        await Task.WhenAll(ids.Select(async id =>
        {
            await host.RaiseAsync(id, "paid:1", Paid());
            await host.RaiseAsync(id, "answer:" + id + "-1", CreatedAnswer(id));
        }));

        foreach (var id in ids)
        {
            var run = new ScenarioRun(host, id);
            await run.StepAsync(() => Task.CompletedTask,
                typeof(CreateDomain), typeof(RecordRegistrationView), typeof(SendNotice), typeof(RecordRegistrationView));
            Assert.Equal(Expiry, (await run.SettlesInAsync(RegistrationPhase.Registered)).ExpiresAt);
        }
    }

    [Fact]
    public async Task A_decision_recorded_before_a_deploy_replays_unchanged_under_the_new_decider()
    {
        var decider = new RedeployedDecider(LifecycleHosts.Decider);
        await using var host = await DurableLifecycleHost.StartAsync(decider);
        var run = new ScenarioRun(host, "deploy-1");
        await run.RaiseAsync(Paid(), typeof(CreateDomain), typeof(RecordRegistrationView));

        // The new release decides a payment differently; the running orchestration replays its history
        // on the next event and must read the payment's decision as it was made.
        decider.Deployed = true;
        await run.AnswerAsync(new DomainCreated(Expiry), typeof(SendNotice), typeof(RecordRegistrationView), typeof(FlagForOperations));

        await run.SettlesInAsync(RegistrationPhase.Registered);
        var instance = await host.Client.GetInstanceAsync(RegistrationInstanceId.For("deploy-1"));
        Assert.Equal(OrchestrationRuntimeStatus.Running, instance!.RuntimeStatus);
    }

    [Fact]
    public async Task A_decision_that_fails_keeps_the_event_and_is_made_again_instead_of_ending_the_lifecycle()
    {
        var decider = new RedeployedDecider(LifecycleHosts.Decider) { Failing = true };
        await using var host = await DurableLifecycleHost.StartAsync(decider);
        var run = new ScenarioRun(host, "broken-1");
        await host.RaiseAsync("broken-1", "paid:1", Paid());

        var status = await WaitForStatusAsync(host, "broken-1", s => s.Problem is not null);
        Assert.Contains("no calendar for this year", status.Problem);

        decider.Failing = false;
        await run.StepAsync(() => Task.CompletedTask, typeof(CreateDomain), typeof(RecordRegistrationView));
        var recovered = await WaitForStatusAsync(host, "broken-1", s => s.Problem is null);
        Assert.Equal(nameof(RegistrationPhase.CreatingDomain), recovered.Description);
    }

    private static async Task<LifecycleStatus> WaitForStatusAsync(
        DurableLifecycleHost host, string registrationId, Func<LifecycleStatus, bool> until)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (await host.StatusAsync(registrationId) is { } status && until(status)) return status;
            if (DateTime.UtcNow > deadline) Assert.Fail($"{registrationId} never reached the expected status.");
            await Task.Delay(50);
        }
    }

    /// <summary>The production decider, as the next release might change it: after <see cref="Deployed"/>
    /// every decision also flags for operations. <see cref="Failing"/> makes every decision throw.</summary>
    private sealed class RedeployedDecider(ILifecycleDecider<RegistrationState, RegistrationEvent, RegistrationCommand> inner)
        : ILifecycleDecider<RegistrationState, RegistrationEvent, RegistrationCommand>
    {
        public volatile bool Deployed;
        public volatile bool Failing;

        public RegistrationState InitialState(string instanceId) => inner.InitialState(instanceId);

        public RegistrationEvent TimerDue(DateTimeOffset dueAt) => inner.TimerDue(dueAt);

        public RegistrationEvent CommandFailed(RegistrationCommand command, string reason) => inner.CommandFailed(command, reason);

        public bool StartsInstance(RegistrationEvent @event) => inner.StartsInstance(@event);

        public string Describe(RegistrationState state) => inner.Describe(state);

        public string CommandId(string instanceId, RegistrationCommand command) => inner.CommandId(instanceId, command);

        public bool IsTerminal(RegistrationState state) => inner.IsTerminal(state);

        public bool Supersedes(RegistrationCommand later, RegistrationCommand earlier) => inner.Supersedes(later, earlier);

        public Decision<RegistrationState, RegistrationCommand> Decide(RegistrationState state, RegistrationEvent @event, DateTimeOffset now)
        {
            if (Failing) throw new InvalidOperationException("no calendar for this year");
            var decision = inner.Decide(state, @event, now);
            return Deployed
                ? decision with { Commands = [.. decision.Commands, new FlagForOperations($"{state.RegistrationId}-v2", state.RegistrationId, "new release")] }
                : decision;
        }
    }
}
