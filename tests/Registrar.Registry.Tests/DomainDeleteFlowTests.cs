using System.Net;
using Registrar.Core.Registrations;
using Registrar.Epp.Commands;
using Registrar.Epp.Sessions;
using Registrar.Registry.Tests.Support;
using Registrar.Testing;

namespace Registrar.Registry.Tests;

/// <summary>RFC 5731 section 3.2.2: a domain with subordinate (glue) hosts deleted at the registry simulator over real TLS, on
/// both registry profiles: its hosts first (RFC 5732 section 3.2.2), or a refusal naming the host that cannot go.</summary>
[Collection(RegistryAndStorageCollection.Name)]
public sealed class DomainDeleteFlowTests(RegistrySimulatorFixture simulator) : SimulatedRegistryTests(simulator)
{
    [Fact]
    public async Task A_domain_transferred_in_with_glue_hosts_is_deleted_its_subordinate_hosts_first_RFC5731_3_2_2()
    {
        var name = SimulatedRegistries.NewName("kz");
        await using (var other = SimulatedRegistries.Stranger(Simulator))
        {
            await OtherRegistrarHoldsAsync(other, name, "Transfer-Code-1");
            await GlueAsync(other, name, "ns1", "ns2");
            await Client("kz").ExecuteAsync(new DomainTransferCommand(name, TransferOperation.Request, "Transfer-Code-1"));
            await other.ExecuteAsync(new DomainTransferCommand(name, TransferOperation.Approve));
        }
        var registration = SimulatedRegistries.NewRegistrationId();

        var outcome = await DeleteAsync(registration, 2, "kz", name);

        Assert.IsType<DomainDeleted>(outcome);
        Assert.Null(await Simulator.GetDomainAsync(name));
        Assert.Empty(await ExistingHostsAsync("kz", $"ns1.{name}", $"ns2.{name}"));
    }

    [Theory]
    [InlineData("kz", typeof(DomainDeleted))]
    [InlineData("com.ua", typeof(RegistryPending))]
    public async Task Domain_delete_removes_its_subordinate_hosts_first_RFC5731_3_2_2(string zone, Type answered)
    {
        var (registration, name) = await RegisteredAsync(zone);
        await GlueAsync(Client(zone), name, "ns1", "ns2");

        var outcome = await DeleteAsync(registration, 3, zone, name);

        Assert.IsType(answered, outcome);
        Assert.Empty(await ExistingHostsAsync(zone, $"ns1.{name}", $"ns2.{name}"));
    }

    [Fact]
    public async Task A_subordinate_host_another_domain_names_refuses_the_delete_naming_it_and_a_retry_once_it_is_dropped_deletes_RFC5731_3_2_2()
    {
        var (registration, name) = await RegisteredAsync("kz");
        await GlueAsync(Client("kz"), name, "ns1");
        var (_, other) = await RegisteredAsync("kz");
        await Client("kz").ExecuteAsync(new DomainUpdateCommand { DomainName = other, Add = new DomainUpdateSet { NameServers = [$"ns1.{name}"] } });

        var refused = Assert.IsType<RegistryRefused>(await DeleteAsync(registration, 3, "kz", name));
        await Client("kz").ExecuteAsync(new DomainUpdateCommand { DomainName = other, Remove = new DomainUpdateSet { NameServers = [$"ns1.{name}"] } });
        var retried = await DeleteAsync(registration, 4, "kz", name);

        Assert.Equal(2305, refused.Code);
        Assert.Contains($"ns1.{name}", refused.Message);
        Assert.Contains(other, refused.Message);
        Assert.IsType<DomainDeleted>(retried);
        Assert.Null(await Simulator.GetDomainAsync(name));
    }

    [Fact]
    public async Task A_delete_whose_host_delete_answer_was_lost_deletes_only_what_is_left_when_run_again_RFC5731_3_2_2()
    {
        var (registration, name) = await RegisteredAsync("kz");
        await GlueAsync(Client("kz"), name, "ns1", "ns2");
        await Simulator.SetFaultsAsync(new SimulatorFaults { DropAfterExecuteRate = 1, Commands = ["host:delete"] });
        Assert.IsType<OutcomeUnknown>(await DeleteAsync(registration, 3, "kz", name));
        await Simulator.ClearFaultsAsync();
        var hostDeletes = await Simulator.CountAsync("host:delete");

        var again = await DeleteAsync(registration, 3, "kz", name);

        Assert.IsType<DomainDeleted>(again);
        Assert.Equal(hostDeletes + 1, await Simulator.CountAsync("host:delete"));
        Assert.Empty(await ExistingHostsAsync("kz", $"ns1.{name}", $"ns2.{name}"));
    }

    [Fact]
    public async Task A_domain_whose_status_bars_its_delete_keeps_its_glue_hosts_and_delegation_RFC5731_2_3()
    {
        var (registration, name) = await RegisteredAsync("kz");
        await GlueAsync(Client("kz"), name, "ns1", "ns2");
        await Simulator.SetServerStatusesAsync(name, add: ["serverDeleteProhibited"]);

        var outcome = await DeleteAsync(registration, 3, "kz", name);

        Assert.Equal(2304, Assert.IsType<RegistryRefused>(outcome).Code);
        Assert.Equal([$"ns1.{name}", $"ns2.{name}"], await ExistingHostsAsync("kz", $"ns1.{name}", $"ns2.{name}"));
        Assert.Equal([$"ns1.{name}", $"ns2.{name}"], (await Simulator.GetNameServersAsync(name)).Order());
    }

    private IEppClient Client(string zone) => Registries.ZoneRegistries.For(zone);

    private Task<RegistryOutcome> DeleteAsync(string registration, int n, string zone, string name) =>
        Registries.Executor.ExecuteAsync(new DeleteDomain($"{registration}-{n}", registration, zone, name), default);

    /// <summary>Hosts under <paramref name="name"/> with glue addresses (RFC 5732 section 3.2.1), the domain delegated to them.</summary>
    private static async Task GlueAsync(IEppClient sponsor, string name, params string[] labels)
    {
        var hosts = labels.Select(label => $"{label}.{name}").ToList();
        for (var i = 0; i < hosts.Count; i++)
            await sponsor.ExecuteAsync(new HostCreateCommand(hosts[i], IPAddress.Parse($"192.0.2.{i + 1}")));
        await sponsor.ExecuteAsync(new DomainUpdateCommand { DomainName = name, Add = new DomainUpdateSet { NameServers = hosts } });
    }

    private async Task<IReadOnlyList<string>> ExistingHostsAsync(string zone, params string[] hosts)
    {
        var check = (await Client(zone).ExecuteAsync(new HostCheckCommand(hosts))).Value;
        return [.. hosts.Where(h => !check[h].Available)];
    }

    private static async Task OtherRegistrarHoldsAsync(IEppClient other, string name, string code)
    {
        var contact = "ot" + Guid.NewGuid().ToString("N")[..10];
        await other.ExecuteAsync(new ContactCreateCommand
        {
            Id = contact, Email = "holder@mail.example.org", AuthInfoPassword = "Contact-Pw-1",
            PostalInfos = [new PostalInfo { Name = "Петров Пётр", City = "Алматы", CountryCode = "KZ", Street = ["пр. Абая 1"] }],
            Voice = "+7.7012345678",
        });
        await other.ExecuteAsync(new DomainCreateCommand { DomainName = name, Registrant = contact, AuthInfoPassword = code, Period = EppPeriod.Years(1) });
    }
}
