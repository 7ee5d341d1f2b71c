using Registrar.Core.Registrations;
using Registrar.Epp.Commands;
using Registrar.Registry.Tests.Support;
using Registrar.Testing;
using DomainInfo = Registrar.Core.Registrations.DomainInfo;

namespace Registrar.Registry.Tests;

/// <summary>RFC 5731 section 3.2.4: a transfer in asked of the registry simulator over real TLS, for a domain another registrar
/// holds, with the code the customer's order line gave: pending at the registry with the right code, 2202 with a wrong one;
/// cancelled on operations' decision, the answer read back from the registry says where the domain is.</summary>
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

    [Fact]
    public async Task A_cancelled_pending_request_leaves_the_domain_with_its_sponsor_and_the_answer_says_so()
    {
        var (registration, name) = await PendingHereAsync();

        var info = Assert.IsType<DomainInfo>(await CancelAsync(registration, name));

        Assert.False(info.SponsorIsUs);
        Assert.DoesNotContain("pendingTransfer", info.Statuses);
        Assert.Equal("clientCancelled", (await Simulator.GetDomainAsync(name))!.Value.GetProperty("transferStatus").GetString());
    }

    [Fact]
    public async Task A_cancel_arriving_after_the_sponsor_approved_reads_back_a_domain_that_is_ours()
    {
        var (registration, name) = await PendingHereAsync();
        await using (var sponsor = SimulatedRegistries.Stranger(Simulator))
            await sponsor.ExecuteAsync(new DomainTransferCommand(name, TransferOperation.Approve));

        var info = Assert.IsType<DomainInfo>(await CancelAsync(registration, name));

        Assert.True(info.SponsorIsUs);
        Assert.NotNull(info.ExpiresAt);
    }

    private async Task<(string Registration, string Name)> PendingHereAsync()
    {
        var name = await HeldElsewhereAsync();
        var registration = SimulatedRegistries.NewRegistrationId();
        Registries.IncomingCodes.Give(registration, (await Simulator.GetDomainAsync(name))!.Value.GetProperty("authInfo").GetString()!);
        Assert.IsType<RegistryPending>(await RequestAsync(registration, name));
        return (registration, name);
    }

    private Task<RegistryOutcome> CancelAsync(string registration, string name) =>
        Registries.Executor.ExecuteAsync(new CancelTransferInRequest($"{registration}-2", registration, "kz", name), default);

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
