using System.Xml.Linq;
using Registrar.Testing;

namespace Registrar.RegistrySimulator.Tests;

public sealed class ContactAndHostTests(RegistrySimulatorFixture simulator) : SimulatorTest(simulator)
{
    private static readonly XNamespace Contact = Profile.Ietf.Contact;
    private static readonly XNamespace Host = Profile.Ietf.Host;

    [Fact]
    public async Task A_contact_is_created_checked_read_and_updated_by_its_sponsor()
    {
        await using var client = await LoginAsync();

        var created = await CodeOf(client, Frames.ContactCreate(Ietf, "c-100", name: "Ainur <Test> & Co"));
        var check = await client.SendAsync(Frames.ContactCheck(Ietf, "c-100", "c-101"));
        var updated = await CodeOf(client, Frames.ContactUpdate(Ietf, "c-100", "new@example.kz"));
        var info = RawEppClient.ResData(await client.SendAsync(Frames.ContactInfo(Ietf, "c-100")));

        Assert.Equal(1000, created);
        Assert.Equal(["0", "1"], RawEppClient.ResData(check).Descendants(Contact + "id").Select(e => (string)e.Attribute("avail")!));
        Assert.Equal(1000, updated);
        Assert.Equal("new@example.kz", info.Element(Contact + "email")!.Value);
        Assert.Equal("Ainur <Test> & Co", info.Descendants(Contact + "name").Single().Value);
    }

    [Fact]
    public async Task Contact_check_answers_each_id_on_its_own_and_an_invalid_one_is_unavailable_with_a_reason_RFC_5733_3_1_1()
    {
        await using var client = await LoginAsync();
        await client.SendAsync(Frames.ContactCreate(Ietf, "c-170"));

        var check = await client.SendAsync(Frames.ContactCheck(Ietf, "c-171", "c 172", "c-170"));

        Assert.Equal(1000, RawEppClient.Code(check));
        var answers = RawEppClient.ResData(check).Elements(Contact + "cd")
            .Select(cd => (cd.Element(Contact + "id")!.Value, (string?)cd.Element(Contact + "id")!.Attribute("avail"), cd.Element(Contact + "reason")?.Value));
        Assert.Equal([("c-171", "1", null), ("c 172", "0", "Invalid contact id syntax"), ("c-170", "0", "In use")], answers);
    }

    [Fact]
    public async Task An_update_under_review_is_pending_until_decided_then_its_sponsor_is_told_by_a_panData_naming_its_transaction_RFC_5733_3_3()
    {
        await using var client = await LoginAsync();
        await client.SendAsync(Frames.ContactCreate(Ietf, "c-160", email: "old@example.kz"));
        await Simulator.SetContactUnderReviewAsync("c-160", true);

        var held = await client.SendAsync(Frames.ContactUpdate(Ietf, "c-160", "new@example.kz"));
        var clientTransaction = held.Descendants(RawEppClient.Epp + "clTRID").Single().Value;
        var pending = RawEppClient.ResData(await client.SendAsync(Frames.ContactInfo(Ietf, "c-160")));
        var second = await CodeOf(client, Frames.ContactUpdate(Ietf, "c-160", "other@example.kz"));
        await Simulator.DecideContactReviewAsync("c-160", approved: true);
        var message = await client.SendAsync(Frames.PollRequest());
        var after = RawEppClient.ResData(await client.SendAsync(Frames.ContactInfo(Ietf, "c-160")));

        Assert.Equal("1001", held.Descendants(RawEppClient.Epp + "result").Single().Attribute("code")!.Value);
        Assert.Equal("old@example.kz", pending.Element(Contact + "email")!.Value);
        Assert.Contains("pendingUpdate", pending.Elements(Contact + "status").Select(e => (string)e.Attribute("s")!));
        Assert.Equal(2304, second);
        var panData = RawEppClient.ResData(message);
        Assert.Equal(Contact + "panData", panData.Name);
        Assert.Equal(("c-160", "1"), (panData.Element(Contact + "id")!.Value, (string)panData.Element(Contact + "id")!.Attribute("paResult")!));
        Assert.Equal(clientTransaction, panData.Element(Contact + "paTRID")!.Element(RawEppClient.Epp + "clTRID")!.Value);
        Assert.Equal("new@example.kz", after.Element(Contact + "email")!.Value);
        Assert.DoesNotContain("pendingUpdate", after.Elements(Contact + "status").Select(e => (string)e.Attribute("s")!));
    }

    [Fact]
    public async Task An_update_the_review_rejects_changes_nothing_and_its_panData_says_paResult_0_RFC_5733_3_3()
    {
        await using var client = await LoginAsync();
        await client.SendAsync(Frames.ContactCreate(Ietf, "c-161", email: "old@example.kz"));
        await Simulator.SetContactUnderReviewAsync("c-161", true);
        await client.SendAsync(Frames.ContactUpdate(Ietf, "c-161", "new@example.kz"));

        await Simulator.DecideContactReviewAsync("c-161", approved: false);

        var panData = RawEppClient.ResData(await client.SendAsync(Frames.PollRequest()));
        Assert.Equal("0", (string)panData.Element(Contact + "id")!.Attribute("paResult")!);
        Assert.Equal("old@example.kz", RawEppClient.ResData(await client.SendAsync(Frames.ContactInfo(Ietf, "c-161"))).Element(Contact + "email")!.Value);
    }

    [Fact]
    public async Task An_update_that_adds_removes_and_changes_nothing_is_a_missing_parameter_RFC_5731_to_5733()
    {
        await using var client = await LoginAsync();
        XElement Update(XNamespace ns, string key, string value) =>
            Frames.Command(new XElement(RawEppClient.Epp + "update", new XElement(ns + "update", new XElement(ns + key, value))));

        Assert.Equal(2003, await CodeOf(client, Update(Ietf.Domain, "name", "nothing-to-change.kz")));
        Assert.Equal(2003, await CodeOf(client, Update(Contact, "id", "c-nothing")));
        Assert.Equal(2003, await CodeOf(client, Update(Host, "name", "ns1.nothing-to-change.kz")));
    }

    [Fact]
    public async Task A_changed_postal_info_may_name_only_its_address_and_keeps_the_name_RFC5733_3_2_5()
    {
        await using var client = await LoginAsync();
        await client.SendAsync(Frames.ContactCreate(Ietf, "c-150", name: "Jane Doe"));
        XNamespace c = Ietf.Contact;

        // chgPostalInfoType makes name, org and addr each optional.
        var updated = await CodeOf(client, Frames.Command(new XElement(RawEppClient.Epp + "update", new XElement(c + "update",
            new XElement(c + "id", "c-150"),
            new XElement(c + "chg", new XElement(c + "postalInfo", new XAttribute("type", "int"),
                new XElement(c + "addr", new XElement(c + "city", "Astana"), new XElement(c + "cc", "KZ"))))))));
        var info = RawEppClient.ResData(await client.SendAsync(Frames.ContactInfo(Ietf, "c-150")));

        Assert.Equal(1000, updated);
        var postal = info.Element(c + "postalInfo")!;
        Assert.Equal("Jane Doe", postal.Element(c + "name")!.Value);
        Assert.Equal("Astana", postal.Element(c + "addr")!.Element(c + "city")!.Value);
    }

    [Fact]
    public async Task Contacts_refuse_bad_e_mail_and_strangers()
    {
        await using var client = await LoginAsync();
        await client.SendAsync(Frames.ContactCreate(Ietf, "c-200"));
        await using var stranger = await LoginAsync(RegistrySimulatorFixture.Registrar2, RegistrySimulatorFixture.Password2);

        Assert.Equal(2005, await CodeOf(client, Frames.ContactCreate(Ietf, "c-201", email: "not-an-address")));
        Assert.Equal(2201, await CodeOf(stranger, Frames.ContactInfo(Ietf, "c-200")));
        Assert.Equal(2201, await CodeOf(stranger, Frames.ContactUpdate(Ietf, "c-200", "x@example.kz")));
        Assert.Equal(2303, await CodeOf(stranger, Frames.ContactDelete(Ietf, "c-999")));
        await stranger.SendAsync(Frames.Logout());
    }

    [Fact]
    public async Task Hosts_under_a_registered_domain_need_addresses_and_outside_hosts_take_none()
    {
        await using var client = await LoginAsync();
        await client.SendAsync(Frames.ContactCreate(Ietf, "owner"));
        await client.SendAsync(Frames.DomainCreate(Ietf, "parent.kz", "owner"));

        Assert.Equal(2003, await CodeOf(client, Frames.HostCreate(Ietf, "ns1.parent.kz")));
        Assert.Equal(1000, await CodeOf(client, Frames.HostCreate(Ietf, "ns1.parent.kz", "192.0.2.1")));
        Assert.Equal(2306, await CodeOf(client, Frames.HostCreate(Ietf, "ns1.elsewhere.net", "192.0.2.2")));
        Assert.Equal(1000, await CodeOf(client, Frames.HostCreate(Ietf, "ns1.elsewhere.net")));
        Assert.Equal(2302, await CodeOf(client, Frames.HostCreate(Ietf, "ns1.elsewhere.net")));
        Assert.Equal(2005, await CodeOf(client, Frames.HostUpdate(Ietf, "ns1.parent.kz", "999.1.1.1")));
        Assert.Equal(1000, await CodeOf(client, Frames.HostUpdate(Ietf, "ns1.parent.kz", "192.0.2.3")));
        var check = await client.SendAsync(Frames.HostCheck(Ietf, "ns1.parent.kz", "ns2.parent.kz"));
        Assert.Equal(["0", "1"], RawEppClient.ResData(check).Descendants(Host + "name").Select(e => (string)e.Attribute("avail")!));
    }

    [Fact]
    public async Task A_host_in_use_as_a_name_server_cannot_be_deleted_until_released()
    {
        await using var client = await LoginAsync();
        await client.SendAsync(Frames.ContactCreate(Ietf, "owner"));
        await client.SendAsync(Frames.HostCreate(Ietf, "ns.dns-provider.net"));
        Assert.Equal(1000, await CodeOf(client, Frames.DomainCreate(Ietf, "delegated.kz", "owner", nameServers: ["ns.dns-provider.net"])));

        var whileUsed = await CodeOf(client, Frames.HostDelete(Ietf, "ns.dns-provider.net"));
        var released = await CodeOf(client, Frames.DomainUpdate(Ietf, "delegated.kz",
            remove: new XElement(Profile.Ietf.Domain + "rem", new XElement(Profile.Ietf.Domain + "ns", new XElement(Profile.Ietf.Domain + "hostObj", "ns.dns-provider.net")))));

        Assert.Equal(2305, whileUsed);
        Assert.Equal(1000, released);
        Assert.Equal(1000, await CodeOf(client, Frames.HostDelete(Ietf, "ns.dns-provider.net")));
    }

    [Fact]
    public async Task Another_registrar_may_not_create_hosts_under_a_domain_it_does_not_sponsor()
    {
        await using (var owner = await LoginAsync())
        {
            await owner.SendAsync(Frames.ContactCreate(Ietf, "owner"));
            await owner.SendAsync(Frames.DomainCreate(Ietf, "theirs.kz", "owner"));
        }
        await using var other = await LoginAsync(RegistrySimulatorFixture.Registrar2, RegistrySimulatorFixture.Password2);

        Assert.Equal(2201, await CodeOf(other, Frames.HostCreate(Ietf, "ns1.theirs.kz", "192.0.2.9")));
        await other.SendAsync(Frames.Logout());
    }

    [Theory]
    [InlineData("domain")]
    [InlineData("contact")]
    public async Task A_status_that_is_not_a_client_status_is_not_the_clients_to_set_on_a_domain_or_contact_2004_naming_it_RFC5731_5733(string type)
    {
        await using var client = await LoginAsync();
        await client.SendAsync(Frames.ContactCreate(Ietf, "c-400"));
        await client.SendAsync(Frames.DomainCreate(Ietf, "statuses.kz", "c-400"));
        XNamespace ns = type == "domain" ? Ietf.Domain : Contact;
        XElement Update(string status) => Frames.Command(new XElement(RawEppClient.Epp + "update", new XElement(ns + "update",
            new XElement(ns + (type == "domain" ? "name" : "id"), type == "domain" ? "statuses.kz" : "c-400"),
            new XElement(ns + "add", new XElement(ns + "status", new XAttribute("s", status))))));

        var server = await client.SendAsync(Update("serverDeleteProhibited"));
        var own = await CodeOf(client, Update("clientDeleteProhibited"));

        Assert.Equal(2004, RawEppClient.Code(server));
        var (value, _) = RawEppClient.ExtValue(server)!.Value;
        Assert.Equal((ns + "status", "serverDeleteProhibited"), (value.Name, (string?)value.Attribute("s")));
        Assert.Equal(1000, own);
    }
}
