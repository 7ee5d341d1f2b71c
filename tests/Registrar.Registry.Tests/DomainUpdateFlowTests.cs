using Registrar.Core.Registrations;
using Registrar.Epp.Responses;
using Registrar.Registry.Tests.Support;
using Registrar.Testing;

namespace Registrar.Registry.Tests;

/// <summary>KZ-2.3: a domain's name servers changed at the registry simulator over real TLS, on both registry profiles.</summary>
[Collection(RegistryAndStorageCollection.Name)]
public sealed class DomainUpdateFlowTests(RegistrySimulatorFixture simulator) : SimulatedRegistryTests(simulator)
{
    [Theory]
    [InlineData("kz")]
    [InlineData("com.ua")]
    public async Task The_domain_ends_with_exactly_the_name_servers_asked_for_hosts_created_as_needed_KZ_2_3(string zone)
    {
        var (registration, name) = await RegisteredAsync(zone);
        var provider = "dns-" + Guid.NewGuid().ToString("N")[..8] + ".net";

        var first = await UpdateAsync(registration, 3, zone, name, $"ns1.{provider}", $"ns2.{provider}");
        var second = await UpdateAsync(registration, 4, zone, name, $"ns2.{provider}", $"ns3.{provider}");

        Assert.Equal([$"ns1.{provider}", $"ns2.{provider}"], Assert.IsType<NameserversUpdated>(first).NameServers);
        Assert.IsType<NameserversUpdated>(second);
        Assert.Equal([$"ns2.{provider}", $"ns3.{provider}"], (await Simulator.GetNameServersAsync(name)).Order());
    }

    [Fact]
    public async Task A_change_whose_outcome_was_lost_is_reconciled_with_domain_info_not_sent_again_KZ_2_3()
    {
        var (registration, name) = await RegisteredAsync("kz");
        await Simulator.SetFaultsAsync(new SimulatorFaults { DropAfterExecuteRate = 1, Commands = ["domain:update"] });
        Assert.IsType<OutcomeUnknown>(await UpdateAsync(registration, 3, "kz", name, "ns1.lost-answer.net", "ns2.lost-answer.net"));
        await Simulator.ClearFaultsAsync();
        var updates = await Simulator.CountAsync("domain:update");

        var again = await UpdateAsync(registration, 4, "kz", name, "ns1.lost-answer.net", "ns2.lost-answer.net");

        Assert.IsType<NameserversUpdated>(again);
        Assert.Equal(updates, await Simulator.CountAsync("domain:update"));
        Assert.Equal(["ns1.lost-answer.net", "ns2.lost-answer.net"], (await Simulator.GetNameServersAsync(name)).Order());
    }

    [Theory]
    [InlineData(2500)]
    [InlineData(2502)]
    public async Task A_change_answered_with_the_end_of_the_session_is_no_refusal_and_is_carried_out_when_the_queue_sends_it_again_RFC5730_3(int code)
    {
        var (registration, name) = await RegisteredAsync("kz");
        await Simulator.SetFaultsAsync(new SimulatorFaults { FailRate = 1, FailCode = code, Commands = ["domain:update"] });

        var ended = await Assert.ThrowsAsync<EppSessionEndedException>(() => UpdateAsync(registration, 3, "kz", name, "ns1.ended.net", "ns2.ended.net"));
        await Simulator.ClearFaultsAsync();
        var again = await UpdateAsync(registration, 3, "kz", name, "ns1.ended.net", "ns2.ended.net");

        Assert.Equal(code, (int)ended.Code);
        Assert.IsType<NameserversUpdated>(again);
        Assert.Equal(["ns1.ended.net", "ns2.ended.net"], (await Simulator.GetNameServersAsync(name)).Order());
    }

    [Fact]
    public async Task A_host_under_the_registrys_own_zone_without_glue_is_refused_and_nothing_changes_KZ_2_3()
    {
        var (registration, name) = await RegisteredAsync("kz");

        var outcome = await UpdateAsync(registration, 3, "kz", name, $"ns1.{name}", "ns2.example.net");

        Assert.IsType<RegistryRefused>(outcome);
        Assert.Empty(await Simulator.GetNameServersAsync(name));
    }

    private Task<RegistryOutcome> UpdateAsync(string registration, int n, string zone, string name, params string[] nameServers) =>
        Registries.Executor.ExecuteAsync(new UpdateDomainNameservers($"{registration}-{n}", registration, zone, name, nameServers), default);
}
