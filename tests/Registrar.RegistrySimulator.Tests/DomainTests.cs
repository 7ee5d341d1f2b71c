using System.Xml.Linq;
using Registrar.Testing;

namespace Registrar.RegistrySimulator.Tests;

public sealed class DomainTests(RegistrySimulatorFixture simulator) : SimulatorTest(simulator)
{
    private static readonly XNamespace Domain = Profile.Ietf.Domain;

    private static async Task<RawEppClient> WithContactAsync(RawEppClient client, string id = "jd1234")
    {
        Assert.Equal(1000, await CodeOf(client, Frames.ContactCreate(Ietf, id)));
        return client;
    }

    private static string ExpiryDate(XDocument infoOrCreate) =>
        RawEppClient.ResData(infoOrCreate).Element(Domain + "exDate")!.Value[..10];

    [Fact]
    public async Task Check_reports_free_and_taken_names()
    {
        await using var client = await WithContactAsync(await LoginAsync());
        await client.SendAsync(Frames.DomainCreate(Ietf, "taken.kz", "jd1234"));

        var answer = await client.SendAsync(Frames.DomainCheck(Ietf, "taken.kz", "free.kz"));

        var names = RawEppClient.ResData(answer).Descendants(Domain + "name").ToDictionary(e => e.Value, e => (string)e.Attribute("avail")!);
        Assert.Equal("0", names["taken.kz"]);
        Assert.Equal("1", names["free.kz"]);
    }

    [Fact]
    public async Task Create_then_info_shows_the_registration_to_its_sponsor()
    {
        await using var client = await WithContactAsync(await LoginAsync());

        var created = await client.SendAsync(Frames.DomainCreate(Ietf, "example.kz", "jd1234", years: 2));
        var info = await client.SendAsync(Frames.DomainInfo(Ietf, "example.kz"));

        Assert.Equal(1000, RawEppClient.Code(created));
        var data = RawEppClient.ResData(info);
        Assert.Equal("jd1234", data.Element(Domain + "registrant")!.Value);
        Assert.Equal(RegistrySimulatorFixture.Registrar1, data.Element(Domain + "clID")!.Value);
        Assert.Equal(ExpiryDate(created), ExpiryDate(info));
        Assert.Equal(1, await Simulator.CountAsync("domain:create"));
    }

    [Fact]
    public async Task Creating_a_registered_name_again_is_object_exists()
    {
        await using var client = await WithContactAsync(await LoginAsync());
        await client.SendAsync(Frames.DomainCreate(Ietf, "twice.kz", "jd1234"));

        Assert.Equal(2302, await CodeOf(client, Frames.DomainCreate(Ietf, "twice.kz", "jd1234")));
    }

    [Fact]
    public async Task Create_refuses_unknown_contacts_and_hosts_bad_names_and_long_periods()
    {
        await using var client = await WithContactAsync(await LoginAsync());

        Assert.Equal(2303, await CodeOf(client, Frames.DomainCreate(Ietf, "a1.kz", "nobody")));
        Assert.Equal(2303, await CodeOf(client, Frames.DomainCreate(Ietf, "a2.kz", "jd1234", nameServers: ["ns1.nowhere.net"])));
        Assert.Equal(2005, await CodeOf(client, Frames.DomainCreate(Ietf, "-bad-.kz", "jd1234")));
        Assert.Equal(2306, await CodeOf(client, Frames.DomainCreate(Ietf, "a3.kz", "jd1234", years: 11)));
        var withoutRegistrant = Frames.DomainCreate(Ietf, "a4.kz", "jd1234");
        withoutRegistrant.Descendants(Domain + "registrant").Remove();
        Assert.Equal(2003, await CodeOf(client, withoutRegistrant));
    }

    [Fact]
    public async Task Second_level_ua_name_needs_a_trademark_UA_Pre_7()
    {
        await using var client = await LoginAsync(hostmaster: true);
        var hm = Profile.Hostmaster;
        Assert.Equal(1000, await CodeOf(client, Frames.ContactCreate(hm, "ua-owner")));

        var without = await client.SendAsync(Frames.DomainCreate(hm, "brand.ua", "ua-owner"));
        var with = await client.SendAsync(Frames.DomainCreate(hm, "brand.ua", "ua-owner", licence: "TM-12345"));
        var thirdLevel = await client.SendAsync(Frames.DomainCreate(hm, "brand.com.ua", "ua-owner"));

        Assert.Equal(2306, RawEppClient.Code(without));
        Assert.Contains("licence", RawEppClient.Message(without));
        Assert.Equal(1000, RawEppClient.Code(with));
        Assert.Equal(hm.Domain, RawEppClient.ResData(with).Name.Namespace);
        Assert.Equal(1000, RawEppClient.Code(thirdLevel));
        Assert.Equal("TM-12345", (await Simulator.GetDomainAsync("brand.ua"))!.Value.GetProperty("licence").GetString());
    }

    [Fact]
    public async Task Renew_needs_the_current_expiry_so_a_repeated_renew_cannot_extend_twice()
    {
        await using var client = await WithContactAsync(await LoginAsync());
        var created = await client.SendAsync(Frames.DomainCreate(Ietf, "renew.kz", "jd1234"));
        var expiry = ExpiryDate(created);

        var first = await client.SendAsync(Frames.DomainRenew(Ietf, "renew.kz", expiry));
        var repeated = await client.SendAsync(Frames.DomainRenew(Ietf, "renew.kz", expiry));

        Assert.Equal(1000, RawEppClient.Code(first));
        Assert.Equal(2306, RawEppClient.Code(repeated));
        Assert.Equal(DateOnly.Parse(expiry).AddYears(1).ToString("yyyy-MM-dd"), ExpiryDate(first));
    }

    [Fact]
    public async Task Renew_reads_a_curExpDate_with_a_time_zone_as_the_xs_date_it_is_RFC5731_3_2_3()
    {
        await using var client = await WithContactAsync(await LoginAsync());
        var created = await client.SendAsync(Frames.DomainCreate(Ietf, "zoned.kz", "jd1234"));
        var expiry = ExpiryDate(created);

        var renewed = await client.SendAsync(Frames.DomainRenew(Ietf, "zoned.kz", expiry + "Z"));

        Assert.Equal(1000, RawEppClient.Code(renewed));
        Assert.Equal(DateOnly.Parse(expiry).AddYears(1).ToString("yyyy-MM-dd"), ExpiryDate(renewed));
    }

    [Theory]
    [InlineData("all", true, true)]
    [InlineData("del", true, false)]
    [InlineData("sub", false, true)]
    [InlineData("none", false, false)]
    public async Task Info_shows_the_hosts_its_hosts_attribute_asks_for_RFC5731_3_1_2(string hosts, bool delegated, bool subordinate)
    {
        await using var client = await WithContactAsync(await LoginAsync());
        await client.SendAsync(Frames.HostCreate(Ietf, "ns1.example.net"));
        await client.SendAsync(Frames.DomainCreate(Ietf, "hosts.kz", "jd1234", nameServers: ["ns1.example.net"]));
        await client.SendAsync(Frames.HostCreate(Ietf, "ns1.hosts.kz", "192.0.2.1"));
        var frame = Frames.DomainInfo(Ietf, "hosts.kz");
        frame.Descendants(Domain + "name").Single().Add(new XAttribute("hosts", hosts));

        var info = RawEppClient.ResData(await client.SendAsync(frame));

        Assert.Equal(delegated, info.Element(Domain + "ns") is not null);
        Assert.Equal(subordinate, info.Element(Domain + "host") is not null);
    }

    [Fact]
    public async Task An_empty_registrant_which_asks_to_remove_it_is_refused_by_policy_not_answered_as_done_RFC5731_3_2_5()
    {
        await using var client = await WithContactAsync(await LoginAsync());
        await client.SendAsync(Frames.DomainCreate(Ietf, "keep.kz", "jd1234"));

        var removed = await CodeOf(client, Frames.DomainUpdate(Ietf, "keep.kz", change: new XElement(Domain + "chg", new XElement(Domain + "registrant"))));
        var info = RawEppClient.ResData(await client.SendAsync(Frames.DomainInfo(Ietf, "keep.kz")));

        Assert.Equal(2306, removed);
        Assert.Equal("jd1234", info.Element(Domain + "registrant")!.Value);
    }

    [Fact]
    public async Task An_authInfo_null_which_asks_to_remove_it_is_refused_by_policy_not_answered_as_done_RFC5731_3_2_5()
    {
        await using var client = await WithContactAsync(await LoginAsync());
        await client.SendAsync(Frames.DomainCreate(Ietf, "secret.kz", "jd1234", authInfo: "2fooBAR"));

        var removed = await CodeOf(client, Frames.DomainUpdate(Ietf, "secret.kz",
            change: new XElement(Domain + "chg", new XElement(Domain + "authInfo", new XElement(Domain + "null")))));
        var info = RawEppClient.ResData(await client.SendAsync(Frames.DomainInfo(Ietf, "secret.kz")));

        Assert.Equal(2306, removed);
        Assert.Equal("2fooBAR", info.Element(Domain + "authInfo")!.Element(Domain + "pw")!.Value);
    }

    [Fact]
    public async Task Another_registrar_may_not_renew_update_or_delete()
    {
        await using (var owner = await WithContactAsync(await LoginAsync()))
            await owner.SendAsync(Frames.DomainCreate(Ietf, "mine.kz", "jd1234"));
        await using var other = await LoginAsync(RegistrySimulatorFixture.Registrar2, RegistrySimulatorFixture.Password2);

        Assert.Equal(2201, await CodeOf(other, Frames.DomainDelete(Ietf, "mine.kz")));
        Assert.Equal(2201, await CodeOf(other, Frames.DomainUpdate(Ietf, "mine.kz", change: new XElement(Domain + "chg", new XElement(Domain + "registrant", "jd1234")))));
        Assert.Equal(2202, await CodeOf(other, Frames.DomainInfo(Ietf, "mine.kz", authInfo: "wrong")));
        Assert.Equal(2303, await CodeOf(other, Frames.DomainInfo(Ietf, "absent.kz")));
        await other.SendAsync(Frames.Logout());
    }

    [Fact]
    public async Task Client_statuses_block_what_they_name_and_server_statuses_cannot_be_set_by_clients()
    {
        await using var client = await WithContactAsync(await LoginAsync());
        await client.SendAsync(Frames.DomainCreate(Ietf, "locked.kz", "jd1234"));

        var locked = await CodeOf(client, Frames.DomainUpdate(Ietf, "locked.kz", add: new XElement(Domain + "add", new XElement(Domain + "status", new XAttribute("s", "clientDeleteProhibited")))));
        var serverStatus = await CodeOf(client, Frames.DomainUpdate(Ietf, "locked.kz", add: new XElement(Domain + "add", new XElement(Domain + "status", new XAttribute("s", "serverHold")))));

        Assert.Equal(1000, locked);
        Assert.Equal(2004, serverStatus);
        Assert.Equal(2304, await CodeOf(client, Frames.DomainDelete(Ietf, "locked.kz")));
    }

    [Fact]
    public async Task A_contact_in_use_cannot_be_deleted_and_a_free_one_can()
    {
        await using var client = await WithContactAsync(await LoginAsync());
        await WithContactAsync(client, "spare1");
        await client.SendAsync(Frames.DomainCreate(Ietf, "linked.kz", "jd1234"));

        Assert.Equal(2305, await CodeOf(client, Frames.ContactDelete(Ietf, "jd1234")));
        Assert.Equal(1000, await CodeOf(client, Frames.ContactDelete(Ietf, "spare1")));
        Assert.Equal(2302, await CodeOf(client, Frames.ContactCreate(Ietf, "jd1234")));
    }

    [Fact]
    public async Task Billing_failure_when_the_registrar_account_cannot_pay()
    {
        await using var client = await WithContactAsync(await LoginAsync());
        await Simulator.SetBillingBlockedAsync(RegistrySimulatorFixture.Registrar1, true);

        Assert.Equal(2104, await CodeOf(client, Frames.DomainCreate(Ietf, "unpaid.kz", "jd1234")));
    }

    [Fact]
    public async Task Others_see_the_public_part_and_with_the_authInfo_everything()
    {
        await using (var owner = await WithContactAsync(await LoginAsync()))
            await owner.SendAsync(Frames.DomainCreate(Ietf, "visible.kz", "jd1234", authInfo: "s3cret"));
        await using var other = await LoginAsync(RegistrySimulatorFixture.Registrar2, RegistrySimulatorFixture.Password2);

        var publicPart = RawEppClient.ResData(await other.SendAsync(Frames.DomainInfo(Ietf, "visible.kz")));
        var withAuthInfo = RawEppClient.ResData(await other.SendAsync(Frames.DomainInfo(Ietf, "visible.kz", authInfo: "s3cret")));

        Assert.Null(publicPart.Element(Domain + "registrant"));
        Assert.Null(publicPart.Element(Domain + "authInfo"));
        Assert.Equal("jd1234", withAuthInfo.Element(Domain + "registrant")!.Value);
        await other.SendAsync(Frames.Logout());
    }

    [Fact]
    public async Task Registrant_change_never_changes_the_expiry_KZ_2_5()
    {
        await using var client = await WithContactAsync(await LoginAsync());
        await WithContactAsync(client, "buyer1");
        var created = await client.SendAsync(Frames.DomainCreate(Ietf, "sold.kz", "jd1234"));

        var changed = await CodeOf(client, Frames.DomainUpdate(Ietf, "sold.kz",
            change: new XElement(Domain + "chg", new XElement(Domain + "registrant", "buyer1"))));
        var info = RawEppClient.ResData(await client.SendAsync(Frames.DomainInfo(Ietf, "sold.kz")));

        Assert.Equal(1000, changed);
        Assert.Equal("buyer1", info.Element(Domain + "registrant")!.Value);
        Assert.Equal(ExpiryDate(created), info.Element(Domain + "exDate")!.Value[..10]);
    }

    [Fact]
    public async Task Update_adds_name_servers_and_contacts_that_exist_and_refuses_unknown_ones()
    {
        await using var client = await WithContactAsync(await LoginAsync());
        await client.SendAsync(Frames.HostCreate(Ietf, "ns1.dns.example"));
        await client.SendAsync(Frames.DomainCreate(Ietf, "grow.kz", "jd1234"));
        XElement Add(params object[] content) => new(Domain + "add", content);

        var added = await CodeOf(client, Frames.DomainUpdate(Ietf, "grow.kz", add: Add(
            new XElement(Domain + "ns", new XElement(Domain + "hostObj", "ns1.dns.example")),
            new XElement(Domain + "contact", new XAttribute("type", "tech"), "jd1234"))));
        var unknownHost = await CodeOf(client, Frames.DomainUpdate(Ietf, "grow.kz", add: Add(
            new XElement(Domain + "ns", new XElement(Domain + "hostObj", "ns9.dns.example")))));
        var unknownContact = await CodeOf(client, Frames.DomainUpdate(Ietf, "grow.kz", add: Add(
            new XElement(Domain + "contact", new XAttribute("type", "admin"), "ghost"))));

        Assert.Equal(1000, added);
        Assert.Equal(2303, unknownHost);
        Assert.Equal(2303, unknownContact);
        var view = (await Simulator.GetDomainAsync("grow.kz"))!.Value;
        Assert.Equal(["ns1.dns.example"], view.GetProperty("nameServers").EnumerateArray().Select(e => e.GetString()));
        Assert.DoesNotContain("inactive", view.GetProperty("statuses").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Many_sessions_at_once_see_one_consistent_registry()
    {
        var sessions = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => LoginAsync()));
        await sessions[0].SendAsync(Frames.ContactCreate(Ietf, "jd1234"));

        var codes = await Task.WhenAll(sessions.Select(s => CodeOf(s, Frames.DomainCreate(Ietf, "race.kz", "jd1234"))));

        Assert.Single(codes, 1000);
        Assert.Equal(3, codes.Count(c => c == 2302));
        Assert.Equal(4, await Simulator.CountAsync("domain:create"));
        foreach (var session in sessions)
        {
            await session.SendAsync(Frames.Logout());
            await session.DisposeAsync();
        }
    }
}
