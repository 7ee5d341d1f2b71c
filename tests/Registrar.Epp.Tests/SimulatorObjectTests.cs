using Registrar.Epp.Commands;
using Registrar.Epp.Extensions;
using Registrar.Epp.Profiles;
using Registrar.Epp.Responses;
using Registrar.Epp.Sessions;
using Registrar.Epp.Tests.Support;
using Registrar.Testing;

namespace Registrar.Epp.Tests;

/// <summary>Contacts, hosts, transfers, poll messages and the .ua profile against the registry simulator:
/// the client reads the answers of a server it did not write.</summary>
public class SimulatorObjectTests(RegistrySimulatorFixture simulator) : IClassFixture<RegistrySimulatorFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => simulator.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private EppClient Client(string clientId, string password, string profile = EppRegistryProfile.IetfName) => Clients.For(new EppRegistryOptions
    {
        Host = "127.0.0.1", Port = simulator.EppPort, TlsServerName = "localhost", ClientId = clientId, Password = password,
        PinnedServerThumbprints = [simulator.CertificateSha256], MaxSessions = 2, Profile = new EppProfileOptions { Name = profile },
    });

    private static ContactCreateCommand Contact(string id) => new()
    {
        Id = id, Email = $"{id}@example.ua", AuthInfoPassword = "2fooBAR", Voice = "+380.441234567",
        PostalInfos = [new PostalInfo { Name = "Олена \"Test\" Коваль", Organization = "ТОВ <Приклад>", Street = ["вул. Хрещатик, 1"], City = "Київ", PostalCode = "01001", CountryCode = "UA" }],
    };

    [Fact]
    public async Task A_contact_reads_back_as_it_was_created_including_markup_characters()
    {
        await using var client = Client(RegistrySimulatorFixture.Registrar1, RegistrySimulatorFixture.Password1);
        await client.ExecuteAsync(Contact("olena1"));

        var info = (await client.ExecuteAsync(new ContactInfoCommand("olena1"))).Value;
        var check = (await client.ExecuteAsync(new ContactCheckCommand("olena1", "nobody1"))).Value;

        var postal = Assert.Single(info.PostalInfos);
        Assert.Equal("Олена \"Test\" Коваль", postal.Name);
        Assert.Equal("ТОВ <Приклад>", postal.Organization);
        Assert.Equal("olena1@example.ua", info.Email);
        Assert.False(check["olena1"].Available);
        Assert.True(check["nobody1"].Available);
    }

    [Fact]
    public async Task Hosts_are_created_checked_used_as_name_servers_and_protected_from_deletion()
    {
        await using var client = Client(RegistrySimulatorFixture.Registrar1, RegistrySimulatorFixture.Password1);
        await client.ExecuteAsync(Contact("owner1"));
        await client.ExecuteAsync(new HostCreateCommand("ns1.example.net"));
        await client.ExecuteAsync(new DomainCreateCommand
        {
            DomainName = "hosted.kz", Registrant = "owner1", NameServers = ["ns1.example.net"], AuthInfoPassword = "2fooBAR",
        });

        var check = (await client.ExecuteAsync(new HostCheckCommand("ns1.example.net"))).Value;
        var info = (await client.ExecuteAsync(new DomainInfoCommand("hosted.kz"))).Value;
        var delete = await Assert.ThrowsAsync<EppCommandFailedException>(() => client.ExecuteAsync(new HostDeleteCommand("ns1.example.net")));

        Assert.False(check["ns1.example.net"].Available);
        Assert.Equal(["ns1.example.net"], info.NameServers);
        Assert.Equal(EppResultCode.ObjectAssociationProhibitsOperation, delete.Code);
    }

    [Fact]
    public async Task A_transfer_is_requested_queried_approved_and_both_registrars_are_told_by_poll()
    {
        await using var losing = Client(RegistrySimulatorFixture.Registrar1, RegistrySimulatorFixture.Password1);
        await using var gaining = Client(RegistrySimulatorFixture.Registrar2, RegistrySimulatorFixture.Password2);
        await losing.ExecuteAsync(Contact("owner2"));
        await losing.ExecuteAsync(new DomainCreateCommand { DomainName = "moving.kz", Registrant = "owner2", AuthInfoPassword = "2fooBAR" });

        var requested = await gaining.ExecuteAsync(new DomainTransferCommand("moving.kz", TransferOperation.Request, "2fooBAR"));
        var queried = await losing.ExecuteAsync(new DomainTransferCommand("moving.kz", TransferOperation.Query));
        var notice = (await losing.ExecuteAsync(new PollRequestCommand())).Value;
        var approved = await losing.ExecuteAsync(new DomainTransferCommand("moving.kz", TransferOperation.Approve));
        var info = await gaining.ExecuteAsync(new DomainInfoCommand("moving.kz"));

        Assert.True(requested.IsPending);
        Assert.Equal("pending", requested.Value.Status);
        Assert.Equal(RegistrySimulatorFixture.Registrar2, queried.Value.RequestingClientId);
        Assert.NotNull(notice);
        var remaining = (await losing.ExecuteAsync(new PollAckCommand(notice.Id))).Value;
        Assert.True(remaining >= 0);
        Assert.Equal("clientApproved", approved.Value.Status);
        Assert.Equal(RegistrySimulatorFixture.Registrar2, info.Value.SponsoringClientId);
    }

    [Fact]
    public async Task An_empty_poll_queue_reads_as_no_message()
    {
        await using var client = Client(RegistrySimulatorFixture.Registrar1, RegistrySimulatorFixture.Password1);

        var reply = await client.ExecuteAsync(new PollRequestCommand());

        Assert.Null(reply.Value);
        Assert.Equal(EppResultCode.SuccessNoMessages, reply.Code);
    }

    [Fact]
    public async Task A_second_level_ua_name_is_created_with_its_trademark_licence_over_the_hostmaster_profile_UA_Pre_7()
    {
        await using var client = Client(RegistrySimulatorFixture.Registrar1, RegistrySimulatorFixture.Password1, EppRegistryProfile.HostmasterUaName);
        await client.ExecuteAsync(Contact("uaowner"));

        var created = await client.ExecuteAsync(new DomainCreateCommand
        {
            DomainName = "brand.ua", Registrant = "uaowner", AuthInfoPassword = "2fooBAR",
            Extensions = [HostmasterLicenceExtension.ForCreate("UA-TM-12345")],
        });
        var info = await client.ExecuteAsync(new DomainInfoCommand("brand.ua"));

        Assert.Equal("brand.ua", created.Value.Name);
        Assert.Equal("uaowner", info.Value.Registrant);
        Assert.Equal(1, await simulator.CountAsync("domain:create"));
    }

    [Fact]
    public async Task A_second_level_ua_name_without_licence_never_reaches_the_registry_UA_Pre_7()
    {
        await using var client = Client(RegistrySimulatorFixture.Registrar1, RegistrySimulatorFixture.Password1, EppRegistryProfile.HostmasterUaName);

        await Assert.ThrowsAsync<EppCommandValidationException>(() =>
            client.ExecuteAsync(new DomainCreateCommand { DomainName = "brand.ua", Registrant = "uaowner", AuthInfoPassword = "2fooBAR" }));

        Assert.Equal(0, await simulator.CountAsync("domain:create"));
    }

    [Fact]
    public async Task A_deleted_com_ua_name_in_redemption_is_restored_by_request()
    {
        await using var client = Client(RegistrySimulatorFixture.Registrar1, RegistrySimulatorFixture.Password1, EppRegistryProfile.HostmasterUaName);
        await client.ExecuteAsync(Contact("owner3"));
        await client.ExecuteAsync(new DomainCreateCommand { DomainName = "restore.com.ua", Registrant = "owner3", AuthInfoPassword = "2fooBAR" });
        await client.ExecuteAsync(new DomainDeleteCommand("restore.com.ua"));

        var deleted = (await client.ExecuteAsync(new DomainInfoCommand("restore.com.ua"))).Value;
        await client.ExecuteAsync(DomainUpdateCommand.RestoreRequest("restore.com.ua"));
        var restored = (await client.ExecuteAsync(new DomainInfoCommand("restore.com.ua"))).Value;

        Assert.Contains("redemptionPeriod", deleted.RgpStatuses);
        Assert.DoesNotContain("redemptionPeriod", restored.RgpStatuses);
        Assert.DoesNotContain(restored.Statuses, s => s.Value == "pendingDelete");
    }
}
