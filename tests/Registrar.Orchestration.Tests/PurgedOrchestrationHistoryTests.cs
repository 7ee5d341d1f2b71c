using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Registrar.Core.Registrations;
using Registrar.Functions.Lifecycle;
using Registrar.Functions.Privacy;
using Registrar.Orchestration.Lifecycle;
using Registrar.Orchestration.Tests.Scenarios;
using Registrar.Testing;

namespace Registrar.Orchestration.Tests;

/// <summary>UA-Pre-6 in Azure, on the real SDK: a registration's history is its orchestration's, purged only once the
/// orchestration has finished; until then the erasure is reported not done, so it stays due.</summary>
public sealed class PurgedOrchestrationHistoryTests
{
    private static RegistrationPaid Paid() => new("paid:1", LifecycleScenarios.Order(handle: "H-1"), DateTimeOffset.UtcNow);

    [Fact]
    public async Task UA_Pre_6_a_running_registrations_history_is_kept_and_its_erasure_reported_not_done()
    {
        await using var host = await DurableLifecycleHost.StartAsync(LifecycleHosts.Decider);
        var run = new ScenarioRun(host, "running-1");
        await run.RaiseAsync(Paid(), typeof(CreateDomain), typeof(RecordRegistrationView));

        Assert.False(await new PurgedOrchestrationHistory(host.Client).EraseAsync("running-1", default));

        var instance = await host.Client.GetInstanceAsync(RegistrationInstanceId.For("running-1"));
        Assert.Equal(OrchestrationRuntimeStatus.Running, instance!.RuntimeStatus);
    }

    [Fact]
    public async Task UA_Pre_6_a_completed_or_terminated_registrations_history_is_purged_and_one_never_started_counts_as_erased()
    {
        await using var host = await DurableLifecycleHost.StartAsync(LifecycleHosts.Decider);
        var history = new PurgedOrchestrationHistory(host.Client);
        await host.CompleteAsync("closed-1");
        await host.TerminateAsync("terminated-1");

        Assert.True(await history.EraseAsync("closed-1", default));
        Assert.True(await history.EraseAsync("terminated-1", default));
        Assert.True(await history.EraseAsync("never-paid-1", default));

        Assert.Null(await host.Client.GetInstanceAsync(RegistrationInstanceId.For("closed-1")));
        Assert.Null(await host.Client.GetInstanceAsync(RegistrationInstanceId.For("terminated-1")));
        // Erased already: a run stopped after the purge does it again and finds nothing left.
        Assert.True(await history.EraseAsync("closed-1", default));
    }

    [Fact]
    public async Task UA_Pre_6_a_payment_applied_late_after_the_purge_starts_no_new_lifecycle_and_a_fresh_registrations_first_payment_still_does()
    {
        using var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(logging => logging.AddProvider(logs));
        await using var host = await DurableLifecycleHost.StartAsync(LifecycleHosts.Decider, logger: factory.CreateLogger<LifecycleEventDelivery>());
        await host.CompleteAsync("closed-1");
        Assert.True(await new PurgedOrchestrationHistory(host.Client).EraseAsync("closed-1", default));

        // Operations apply a held payment for the ended registration's old order.
        await host.RaiseAsync("closed-1", "paid:late", Paid() with { EventId = "paid:late" });

        Assert.Null(await host.Client.GetInstanceAsync(RegistrationInstanceId.For("closed-1")));
        Assert.Contains(logs.Lines, line => line.Contains("paid:late", StringComparison.Ordinal) && line.Contains("dropped", StringComparison.Ordinal));
        await new ScenarioRun(host, "fresh-1").RaiseAsync(Paid(), typeof(CreateDomain), typeof(RecordRegistrationView));
    }
}
