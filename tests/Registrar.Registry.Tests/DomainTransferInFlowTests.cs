using Registrar.Core.Registrations;
using Registrar.Epp.Commands;
using Registrar.Registry.Tests.Support;
using Registrar.Testing;

namespace Registrar.Registry.Tests;

/// <summary>RFC 5731 section 3.2.4: a transfer in asked of the registry simulator over real TLS, for a domain another registrar
/// holds, with the code the customer's order line gave: pending at the registry with the right code, 2202 with a wrong one.</summary>
[Collection(RegistryAndStorageCollection.Name)]
public sealed class DomainTransferInFlowTests(RegistrySimulatorFixture simulator) : SimulatedRegistryTests(simulator)
{
    [Fact]
    public async Task With_the_sponsor_s_code_the_transfer_is_pending_at_the_registry_for_this_registrar()
    {
        var name = await HeldElsewhereAsync();
        var registration = SimulatedRegistries.NewRegistrationId();
        Registries.IncomingCodes.Give(registration, (await Simulator.GetDomainAsync(name))!.Value.GetProperty("authInfo").GetString()!);

        Assert.IsType<RegistryPending>(await RequestAsync(registration, name));

        var domain = (await Simulator.GetDomainAsync(name))!.Value;
        Assert.Contains("pendingTransfer", domain.GetProperty("statuses").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(RegistrySimulatorFixture.Registrar1, domain.GetProperty("transferRequestedBy").GetString());
    }

    [Fact]
    public async Task A_wrong_code_is_refused_with_2202_and_nothing_is_pending()
    {
        var name = await HeldElsewhereAsync();
        var registration = SimulatedRegistries.NewRegistrationId();
        Registries.IncomingCodes.Give(registration, "not-the-code");

        var refused = Assert.IsType<RegistryRefused>(await RequestAsync(registration, name));

        Assert.Equal(2202, refused.Code);
        Assert.DoesNotContain("pendingTransfer", (await Simulator.GetDomainAsync(name))!.Value.GetProperty("statuses").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task Without_a_kept_code_the_registry_is_not_asked()
    {
        var refused = Assert.IsType<RegistryRefused>(await RequestAsync(SimulatedRegistries.NewRegistrationId(), SimulatedRegistries.NewName("kz")));

        Assert.Equal(0, refused.Code);
    }

    /// <summary>A name this registrar registered, then moved to the other registrar with its code: a domain held elsewhere.</summary>
    private async Task<string> HeldElsewhereAsync()
    {
        var (registration, name) = await RegisteredAsync("kz");
        await Registries.Executor.ExecuteAsync(new SetTransferCode($"{registration}-3", registration, "kz", name), default);
        await using var stranger = SimulatedRegistries.Stranger(Simulator);
        await stranger.ExecuteAsync(new DomainTransferCommand(name, TransferOperation.Request, SimulatedRegistries.TransferCodes.For($"{registration}-3")));
        await Registries.Clients.For("kaznic").ExecuteAsync(new DomainTransferCommand(name, TransferOperation.Approve));
        Assert.Equal(RegistrySimulatorFixture.Registrar2, (await Simulator.GetDomainAsync(name))!.Value.GetProperty("sponsor").GetString());
        return name;
    }

    private Task<RegistryOutcome> RequestAsync(string registration, string name) =>
        Registries.Executor.ExecuteAsync(new RequestTransferIn($"{registration}-1", registration, "kz", name, 1, "cust-1"), default);
}
