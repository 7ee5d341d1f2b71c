using System.Xml.Linq;
using Registrar.Testing;

namespace Registrar.RegistrySimulator.Tests;

/// <summary>The .ua profile end to end: Hostmaster's namespaces in, Hostmaster's namespaces out.</summary>
public sealed class HostmasterProfileTests(RegistrySimulatorFixture simulator) : SimulatorTest(simulator)
{
    private static readonly Profile Hm = Profile.Hostmaster;

    [Fact]
    public async Task A_transfer_between_Hostmaster_sessions_is_reported_in_Hostmaster_namespaces()
    {
        await using var losing = await LoginAsync(hostmaster: true);
        await losing.SendAsync(Frames.ContactCreate(Hm, "ua-owner"));
        Assert.Equal(1000, await CodeOf(losing, Frames.DomainCreate(Hm, "moving.com.ua", "ua-owner", authInfo: "ua-secret")));
        await using var gaining = await LoginAsync(RegistrySimulatorFixture.Registrar2, RegistrySimulatorFixture.Password2, hostmaster: true);

        var requested = await gaining.SendAsync(Frames.DomainTransfer(Hm, "request", "moving.com.ua", "ua-secret"));
        var poll = await losing.SendAsync(Frames.PollRequest());

        Assert.Equal(1001, RawEppClient.Code(requested));
        Assert.Equal(Hm.Domain + "trnData", RawEppClient.ResData(requested).Name);
        Assert.Equal(1301, RawEppClient.Code(poll));
        Assert.Equal(Hm.Domain + "trnData", RawEppClient.ResData(poll).Name);
        await gaining.SendAsync(Frames.Logout());
    }

    [Fact]
    public async Task A_host_delete_may_carry_the_uaepp_deleteNS_confirmation()
    {
        await using var client = await LoginAsync(hostmaster: true);
        await client.SendAsync(Frames.HostCreate(Hm, "ns1.hosting.net"));
        var delete = Frames.HostDelete(Hm, "ns1.hosting.net");
        delete.Element(RawEppClient.Epp + "command")!.Add(new XElement(RawEppClient.Epp + "extension",
            new XElement(Frames.Uaepp + "delete", new XElement(Frames.Uaepp + "deleteNS", new XAttribute("confirm", "yes")))));

        Assert.Equal(1000, await CodeOf(client, delete));
        Assert.Equal(1000, await CodeOf(client, Frames.HostCreate(Hm, "ns1.hosting.net")));
    }

    [Fact]
    public async Task The_licence_of_a_ua_name_can_be_replaced_by_update()
    {
        await using var client = await LoginAsync(hostmaster: true);
        await client.SendAsync(Frames.ContactCreate(Hm, "ua-owner"));
        await client.SendAsync(Frames.DomainCreate(Hm, "brand.ua", "ua-owner", licence: "TM-1"));

        var updated = await CodeOf(client, Frames.DomainUpdate(Hm, "brand.ua",
            extension: new XElement(Frames.Uaepp + "update", new XElement(Frames.Uaepp + "license", "TM-2"))));

        Assert.Equal(1000, updated);
        Assert.Equal("TM-2", (await Simulator.GetDomainAsync("brand.ua"))!.Value.GetProperty("licence").GetString());
    }
}
