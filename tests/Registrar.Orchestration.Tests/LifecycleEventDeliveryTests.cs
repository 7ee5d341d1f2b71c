using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Registrar.Core.Registrations;
using Registrar.Functions.Lifecycle;
using Registrar.Orchestration.Lifecycle;
using Registrar.Orchestration.Tests.Scenarios;
using Registrar.Testing;

namespace Registrar.Orchestration.Tests;

/// <summary>An event for an orchestration that is no longer running, on the real SDK: dropped only where the lifecycle itself
/// ended; kept where the orchestration failed or was terminated, so that the queue delivers it again.</summary>
public sealed class LifecycleEventDeliveryTests
{
    /// <summary>An event that carries the registrant's data (their e-mail address among them).</summary>
    private static RegistrationPaid Late() => LifecycleScenarios.Paid(LifecycleScenarios.Order(handle: "H-1")) with { EventId = "paid:late" };

    [Fact]
    public async Task An_event_for_a_terminated_orchestration_fails_its_delivery_so_the_queue_keeps_it_and_the_log_names_ids_only()
    {
        using var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(logging => logging.AddProvider(logs));
        await using var host = await DurableLifecycleHost.StartAsync(LifecycleHosts.Decider, logger: factory.CreateLogger<LifecycleEventDelivery>());
        await host.TerminateAsync("stopped-1");

        var refused = await Assert.ThrowsAsync<LifecycleNotRunningException>(() => host.RaiseAsync("stopped-1", "paid:late", Late()));

        var warning = Assert.Single(logs.Lines, line => line.Contains("paid:late", StringComparison.Ordinal));
        Assert.Contains("stopped-1", warning);
        Assert.Contains("Terminated", warning);
        Assert.DoesNotContain(LifecycleScenarios.Person.Email, warning);
        Assert.DoesNotContain(LifecycleScenarios.Person.Email, refused.Message);
        var instance = await host.Client.GetInstanceAsync(RegistrationInstanceId.For("stopped-1"));
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, instance!.RuntimeStatus);
    }

    [Fact]
    public async Task An_event_for_a_lifecycle_that_ended_is_dropped()
    {
        using var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(logging => logging.AddProvider(logs));
        await using var host = await DurableLifecycleHost.StartAsync(LifecycleHosts.Decider, logger: factory.CreateLogger<LifecycleEventDelivery>());
        await host.CompleteAsync("ended-1");

        await host.RaiseAsync("ended-1", "paid:late", Late());

        Assert.Contains(logs.Lines, line => line.Contains("paid:late", StringComparison.Ordinal) && line.Contains("dropped", StringComparison.Ordinal));
        Assert.Equal(RegistrationPhase.Closed, (await host.StateAsync("ended-1"))!.Phase);
    }
}
