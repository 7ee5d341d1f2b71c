using Registrar.Core.Calendars;
using Registrar.Core.Deadlines;
using Registrar.Core.Registrations;
using Registrar.Core.Zones;
using Registrar.Testing;

namespace Registrar.Orchestration.Tests.Scenarios;

/// <summary>Both hosts started once for the suite; each scenario uses registrations of its own.</summary>
public sealed class LifecycleHosts : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = new();

    public static RegistrationDecider Decider { get; } =
        new(new ZoneDeadlines(ZoneCatalog.LoadEmbedded(), BusinessCalendars.LoadEmbedded()));

    /// <summary>The schedule of this suite's two hosts alone, so a scenario that withholds a calendar year touches no other test.</summary>
    public ScenarioCalendars Calendars { get; } = new();

    public LocalLifecycleHost Local { get; private set; } = null!;

    public DurableLifecycleHost Durable { get; private set; } = null!;

    public ILifecycleHost this[string name] => name == nameof(Local) ? Local : Durable;

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        Local = await LocalLifecycleHost.StartAsync(_azurite, Calendars);
        Durable = await DurableLifecycleHost.StartAsync(new RegistrationDecider(Calendars));
    }

    public async Task DisposeAsync()
    {
        await Local.DisposeAsync();
        await Durable.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}

public sealed class TwoHostScenarioTests(LifecycleHosts hosts) : IClassFixture<LifecycleHosts>
{
    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var scenario in LifecycleScenarios.All.Keys)
        {
            cases.Add(scenario, nameof(LifecycleHosts.Local));
            cases.Add(scenario, nameof(LifecycleHosts.Durable));
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Every_lifecycle_scenario_holds_in_both_hosts(string scenario, string host) =>
        LifecycleScenarios.All[scenario](new ScenarioRun(hosts[host], "r" + Guid.NewGuid().ToString("N")[..12] + "-1", hosts.Calendars));
}
