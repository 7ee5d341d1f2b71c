using System.Xml.Linq;
using Registrar.Testing;

namespace Registrar.RegistrySimulator.Tests;

public sealed class HostTests(RegistrySimulatorFixture simulator) : SimulatorTest(simulator)
{
    private static readonly XNamespace Host = Profile.Ietf.Host;

    private static async Task<RawEppClient> WithDomainAsync(RawEppClient client, string domain)
    {
        await client.SendAsync(Frames.ContactCreate(Ietf, "owner"));
        Assert.Equal(1000, await CodeOf(client, Frames.DomainCreate(Ietf, domain, "owner")));
        return client;
    }

    [Fact]
    public async Task An_address_that_is_not_an_IP_address_is_a_syntax_error_that_names_it_in_extValue_2005_RFC5730_2_6()
    {
        await using var client = await WithDomainAsync(await LoginAsync(), "glue.kz");

        var refused = await client.SendAsync(Frames.HostCreate(Ietf, "ns1.glue.kz", "999.1.1.1"));
        var created = await client.SendAsync(Frames.HostCreate(Ietf, "ns1.glue.kz", "192.0.2.1"));

        Assert.Equal(2005, RawEppClient.Code(refused));
        var (value, reason) = RawEppClient.ExtValue(refused)!.Value;
        Assert.Equal((Host + "addr", "999.1.1.1", "v4"), (value.Name, value.Value, (string?)value.Attribute("ip")));
        Assert.Contains("999.1.1.1", reason);
        Assert.Equal(1000, RawEppClient.Code(created));
        Assert.Null(RawEppClient.ExtValue(created));
    }

    [Theory]
    [InlineData("kz")]
    [InlineData("xn--80ao21a")]
    [InlineData("com.ua")]
    [InlineData("kyiv.ua")]
    public async Task A_host_under_a_served_zone_needs_its_superordinate_domain_registered_else_it_does_not_exist_2303_RFC5732_3_2_1(string zone)
    {
        await using var client = await LoginAsync();
        await client.SendAsync(Frames.ContactCreate(Ietf, "owner"));

        var withGlue = await client.SendAsync(Frames.HostCreate(Ietf, $"ns1.absent.{zone}", "192.0.2.1"));
        var withoutGlue = await CodeOf(client, Frames.HostCreate(Ietf, $"ns1.absent.{zone}"));
        var deeper = await CodeOf(client, Frames.HostCreate(Ietf, $"ns1.lab.absent.{zone}", "192.0.2.1"));
        Assert.Equal(1000, await CodeOf(client, Frames.DomainCreate(Ietf, $"absent.{zone}", "owner")));
        var onceRegistered = await CodeOf(client, Frames.HostCreate(Ietf, $"ns1.absent.{zone}", "192.0.2.1"));

        Assert.Equal(2303, RawEppClient.Code(withGlue));
        Assert.Contains($"absent.{zone}, which is not registered", RawEppClient.Message(withGlue));
        Assert.Equal(2303, withoutGlue);
        Assert.Equal(2303, deeper);
        Assert.Equal(1000, onceRegistered);
    }

    [Fact]
    public async Task A_host_outside_the_served_zones_stays_external_and_a_rename_under_an_unregistered_domain_does_not_exist_2303()
    {
        await using var client = await LoginAsync();

        var external = await CodeOf(client, Frames.HostCreate(Ietf, "ns1.absent.net"));
        var renamed = await CodeOf(client, Frames.Command(new XElement(RawEppClient.Epp + "update", new XElement(Host + "update",
            new XElement(Host + "name", "ns1.absent.net"), new XElement(Host + "chg", new XElement(Host + "name", "ns1.absent.kz"))))));

        Assert.Equal(1000, external);
        Assert.Equal(2303, renamed);
    }

    private static XElement StatusUpdate(string host, string[]? add = null, string[]? remove = null, XElement? change = null)
    {
        XElement? Statuses(string name, string[]? statuses) =>
            statuses is null ? null : new XElement(Host + name, statuses.Select(s => new XElement(Host + "status", new XAttribute("s", s))));
        return Frames.Command(new XElement(RawEppClient.Epp + "update", new XElement(Host + "update",
            new XElement(Host + "name", host), Statuses("add", add), Statuses("rem", remove), change)));
    }

    private static async Task<string[]> StatusesAsync(RawEppClient client, string host) =>
        [.. RawEppClient.ResData(await client.SendAsync(Frames.Command(new XElement(RawEppClient.Epp + "info",
            new XElement(Host + "info", new XElement(Host + "name", host)))))).Elements(Host + "status").Select(s => (string)s.Attribute("s")!).Order()];

    [Fact]
    public async Task Client_statuses_added_to_a_host_are_kept_and_shown_by_info_and_removed_ones_are_gone_RFC5732_3_2_5()
    {
        await using var client = await LoginAsync();
        await client.SendAsync(Frames.HostCreate(Ietf, "ns1.statuses.net"));

        var added = await CodeOf(client, StatusUpdate("ns1.statuses.net", add: ["clientDeleteProhibited", "clientUpdateProhibited"]));
        var afterAdding = await StatusesAsync(client, "ns1.statuses.net");
        var removed = await CodeOf(client, StatusUpdate("ns1.statuses.net", remove: ["clientDeleteProhibited", "clientUpdateProhibited"]));

        Assert.Equal(1000, added);
        Assert.Equal(["clientDeleteProhibited", "clientUpdateProhibited"], afterAdding);
        Assert.Equal(1000, removed);
        Assert.Equal(["ok"], await StatusesAsync(client, "ns1.statuses.net"));
    }

    [Theory]
    [InlineData("serverUpdateProhibited")]
    [InlineData("linked")]
    public async Task A_status_that_is_not_a_client_status_is_not_the_clients_to_set_2004_naming_it_RFC5732_2_3(string status)
    {
        await using var client = await LoginAsync();
        await client.SendAsync(Frames.HostCreate(Ietf, "ns1.server-set.net"));

        var adding = await client.SendAsync(StatusUpdate("ns1.server-set.net", add: ["clientDeleteProhibited", status]));
        var removing = await client.SendAsync(StatusUpdate("ns1.server-set.net", remove: [status]));

        Assert.Equal(2004, RawEppClient.Code(adding));
        var (value, _) = RawEppClient.ExtValue(adding)!.Value;
        Assert.Equal((Host + "status", status), (value.Name, (string?)value.Attribute("s")));
        Assert.Equal(2004, RawEppClient.Code(removing));
        Assert.Equal(["ok"], await StatusesAsync(client, "ns1.server-set.net"));
    }

    [Fact]
    public async Task With_clientUpdateProhibited_every_host_update_but_the_one_removing_it_is_refused_2304_RFC5732_2_3()
    {
        await using var client = await LoginAsync();
        await client.SendAsync(Frames.HostCreate(Ietf, "ns1.locked.net"));
        await client.SendAsync(StatusUpdate("ns1.locked.net", add: ["clientUpdateProhibited"]));
        var rename = new XElement(Host + "chg", new XElement(Host + "name", "ns2.locked.net"));

        var whileLocked = await CodeOf(client, StatusUpdate("ns1.locked.net", change: rename));
        var unlocking = await CodeOf(client, StatusUpdate("ns1.locked.net", remove: ["clientUpdateProhibited"]));
        var afterUnlocking = await CodeOf(client, StatusUpdate("ns1.locked.net", change: rename));

        Assert.Equal(2304, whileLocked);
        Assert.Equal(1000, unlocking);
        Assert.Equal(1000, afterUnlocking);
    }

    [Fact]
    public async Task With_clientDeleteProhibited_a_host_delete_is_refused_2304_until_it_is_removed_RFC5732_2_3()
    {
        await using var client = await LoginAsync();
        await client.SendAsync(Frames.HostCreate(Ietf, "ns1.kept.net"));
        await client.SendAsync(StatusUpdate("ns1.kept.net", add: ["clientDeleteProhibited"]));

        var whileProhibited = await CodeOf(client, Frames.HostDelete(Ietf, "ns1.kept.net"));
        await client.SendAsync(StatusUpdate("ns1.kept.net", remove: ["clientDeleteProhibited"]));
        var afterRemoving = await CodeOf(client, Frames.HostDelete(Ietf, "ns1.kept.net"));

        Assert.Equal(2304, whileProhibited);
        Assert.Equal(1000, afterRemoving);
    }

    [Fact]
    public async Task Host_check_answers_each_name_on_its_own_and_an_invalid_one_is_unavailable_with_a_reason_RFC_5732_3_1_1()
    {
        await using var client = await LoginAsync();
        await client.SendAsync(Frames.HostCreate(Ietf, "ns1.taken.net"));

        var check = await client.SendAsync(Frames.HostCheck(Ietf, "ns1.ok.net", "-bad.net", "NS1.Taken.net"));

        Assert.Equal(1000, RawEppClient.Code(check));
        var answers = RawEppClient.ResData(check).Elements(Host + "cd")
            .Select(cd => (cd.Element(Host + "name")!.Value, (string?)cd.Element(Host + "name")!.Attribute("avail"), cd.Element(Host + "reason")?.Value));
        Assert.Equal([("ns1.ok.net", "1", null), ("-bad.net", "0", "Invalid host name syntax"), ("ns1.taken.net", "0", "In use")], answers);
    }
}
