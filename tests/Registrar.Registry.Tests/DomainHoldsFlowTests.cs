using Registrar.Core.Registrations;
using Registrar.Registry.Tests.Support;
using Registrar.Testing;

namespace Registrar.Registry.Tests;

/// <summary>UA-2.3.1, KZ-App-2, UA-2.2.3: a suspension's or dispute block's holds set at the registry simulator over real TLS.</summary>
[Collection(RegistryAndStorageCollection.Name)]
public sealed class DomainHoldsFlowTests(RegistrySimulatorFixture simulator) : SimulatedRegistryTests(simulator)
{
    [Theory]
    [InlineData("kz")]
    [InlineData("com.ua")]
    public async Task A_block_then_a_suspension_then_none_leave_exactly_those_holds_KZ_App_2_UA_2_3_1(string zone)
    {
        var (registration, name) = await RegisteredAsync(zone);

        Assert.IsType<HoldsUpdated>(await SetAsync(registration, 3, zone, name, "clientHold", "clientTransferProhibited"));
        Assert.Equal(["clientHold", "clientTransferProhibited"], await StatusesSetAsync(name));
        Assert.IsType<HoldsUpdated>(await SetAsync(registration, 4, zone, name, "clientHold"));
        Assert.Equal(["clientHold"], await StatusesSetAsync(name));
        Assert.IsType<HoldsUpdated>(await SetAsync(registration, 5, zone, name));

        Assert.Empty(await StatusesSetAsync(name));
    }

    [Fact]
    public async Task Holds_whose_answer_was_lost_are_reconciled_with_domain_info_not_sent_again_UA_2_3_1()
    {
        var (registration, name) = await RegisteredAsync("com.ua");
        await Simulator.SetFaultsAsync(new SimulatorFaults { DropAfterExecuteRate = 1, Commands = ["domain:update"] });
        Assert.IsType<OutcomeUnknown>(await SetAsync(registration, 3, "com.ua", name, "clientHold"));
        await Simulator.ClearFaultsAsync();
        var updates = await Simulator.CountAsync("domain:update");

        Assert.IsType<HoldsUpdated>(await SetAsync(registration, 4, "com.ua", name, "clientHold"));

        Assert.Equal(updates, await Simulator.CountAsync("domain:update"));
    }

    [Fact]
    public async Task Server_statuses_the_registry_set_are_left_alone_KZ_App_2()
    {
        var (registration, name) = await RegisteredAsync("kz");
        await Simulator.SetServerStatusesAsync(name, add: ["serverTransferProhibited"]);

        Assert.IsType<HoldsUpdated>(await SetAsync(registration, 3, "kz", name, "clientHold"));

        Assert.Equal(["clientHold", "serverTransferProhibited"], await StatusesSetAsync(name));
    }

    /// <summary>The statuses someone set, without those the registry derives (RFC 5731 "inactive": no name servers).</summary>
    private async Task<IEnumerable<string>> StatusesSetAsync(string name) =>
        (await Simulator.GetStatusesAsync(name)).Where(s => s != "inactive").Order();

    private Task<RegistryOutcome> SetAsync(string registration, int n, string zone, string name, params string[] holds) =>
        Registries.Executor.ExecuteAsync(new SetDomainHolds($"{registration}-{n}", registration, zone, name, holds), default);
}
