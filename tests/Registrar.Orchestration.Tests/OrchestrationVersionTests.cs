using Registrar.Core.Registrations;
using Registrar.Orchestration.Lifecycle;
using Registrar.Orchestration.Tests.Scenarios;

namespace Registrar.Orchestration.Tests;

/// <summary>A deploy never breaks a running orchestration: each registration's orchestration carries the version of the
/// orchestrator code that runs it, from its start and into each generation <c>ContinueAsNew</c> begins, so a worker runs only
/// the instances its code can replay.</summary>
public sealed class OrchestrationVersionTests
{
    private static readonly DateTimeOffset Expiry = new(2028, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_registration_starts_at_the_orchestrators_version_and_keeps_it_in_each_new_generation()
    {
        await using var host = await DurableLifecycleHost.StartAsync(LifecycleHosts.Decider,
            DurableLifecycleHost.TestLoopOptions with { EventsPerGeneration = 1 });
        var run = new ScenarioRun(host, "versioned-1");

        await run.RaiseAsync(new RegistrationPaid("paid:1", LifecycleScenarios.Order(handle: "H-1"), DateTimeOffset.UtcNow),
            typeof(CreateDomain), typeof(RecordRegistrationView));
        Assert.Equal(LifecycleLoopOptions.OrchestrationVersion, (await host.StatusAsync("versioned-1"))!.Version);

        await run.AnswerAsync(new DomainCreated(Expiry), typeof(SendNotice), typeof(RecordRegistrationView));
        await run.SettlesInAsync(RegistrationPhase.Registered);

        var (generation, status) = await host.GenerationAsync("versioned-1");
        Assert.True(generation >= 1, "The registration has not continued as new yet.");
        Assert.Equal(LifecycleLoopOptions.OrchestrationVersion, status!.Version);
    }
}
