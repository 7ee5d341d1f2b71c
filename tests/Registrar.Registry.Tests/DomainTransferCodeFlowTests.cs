using Registrar.Core.Registrations;
using Registrar.Epp.Commands;
using Registrar.Epp.Responses;
using Registrar.Registry.Tests.Support;
using Registrar.Testing;

namespace Registrar.Registry.Tests;

/// <summary>KZ-App-9: a fresh transfer code set at the registry simulator over real TLS, on both registry profiles, and only
/// that code moves the domain.</summary>
[Collection(RegistryAndStorageCollection.Name)]
public sealed class DomainTransferCodeFlowTests(RegistrySimulatorFixture simulator) : SimulatedRegistryTests(simulator)
{
    [Theory]
    [InlineData("kz")]
    [InlineData("com.ua")]
    public async Task The_domain_gets_the_code_its_command_derives_and_a_second_request_replaces_it_KZ_App_9(string zone)
    {
        var (registration, name) = await RegisteredAsync(zone);

        Assert.IsType<TransferCodeSet>(await SetAsync(registration, 3, zone, name));
        Assert.Equal(SimulatedRegistries.TransferCodes.For($"{registration}-3"), await AuthInfoAsync(name));
        Assert.IsType<TransferCodeSet>(await SetAsync(registration, 4, zone, name));
        Assert.Equal(SimulatedRegistries.TransferCodes.For($"{registration}-4"), await AuthInfoAsync(name));
    }

    [Fact]
    public async Task Another_registrar_moves_the_domain_with_the_mailed_code_and_not_with_the_one_it_replaced_KZ_App_9()
    {
        var (registration, name) = await RegisteredAsync("kz");
        await SetAsync(registration, 3, "kz", name);
        await SetAsync(registration, 4, "kz", name);
        await using var stranger = SimulatedRegistries.Stranger(Simulator);

        var stale = await Assert.ThrowsAsync<EppCommandFailedException>(() =>
            stranger.ExecuteAsync(new DomainTransferCommand(name, TransferOperation.Request, SimulatedRegistries.TransferCodes.For($"{registration}-3"))));
        var requested = await stranger.ExecuteAsync(new DomainTransferCommand(name, TransferOperation.Request, SimulatedRegistries.TransferCodes.For($"{registration}-4")));

        Assert.Equal(EppResultCode.InvalidAuthorizationInformation, stale.Code);
        Assert.True(requested.IsPending);
    }

    [Fact]
    public async Task A_domain_the_registry_locked_against_updates_refuses_the_code_and_keeps_its_old_one_KZ_App_9()
    {
        var (registration, name) = await RegisteredAsync("kz");
        var before = await AuthInfoAsync(name);
        await Simulator.SetServerStatusesAsync(name, add: ["serverUpdateProhibited"]);

        var refused = Assert.IsType<RegistryRefused>(await SetAsync(registration, 3, "kz", name));

        Assert.Equal(2304, refused.Code);
        Assert.Equal(before, await AuthInfoAsync(name));
    }

    private async Task<string?> AuthInfoAsync(string name) => (await Simulator.GetDomainAsync(name))!.Value.GetProperty("authInfo").GetString();

    private Task<RegistryOutcome> SetAsync(string registration, int n, string zone, string name) =>
        Registries.Executor.ExecuteAsync(new SetTransferCode($"{registration}-{n}", registration, zone, name), default);
}
