using System.Xml.Linq;
using Registrar.Testing;

namespace Registrar.RegistrySimulator.Tests;

public sealed class HostAddressTests(RegistrySimulatorFixture simulator) : SimulatorTest(simulator)
{
    private static readonly XNamespace Host = Profile.Ietf.Host;

    private static XElement Create(string name, params (string Ip, string Address)[] addresses) =>
        Frames.Command(new XElement(RawEppClient.Epp + "create", new XElement(Host + "create",
            new XElement(Host + "name", name),
            addresses.Select(a => new XElement(Host + "addr", new XAttribute("ip", a.Ip), a.Address)))));

    private static XElement Info(string name) =>
        Frames.Command(new XElement(RawEppClient.Epp + "info", new XElement(Host + "info", new XElement(Host + "name", name))));

    private async Task<RawEppClient> WithDomainAsync(string domain)
    {
        var client = await LoginAsync();
        await client.SendAsync(Frames.ContactCreate(Ietf, "owner"));
        Assert.Equal(1000, await CodeOf(client, Frames.DomainCreate(Ietf, domain, "owner")));
        return client;
    }

    private static async Task<string[]> AddressesAsync(RawEppClient client, string host) =>
        [.. RawEppClient.ResData(await client.SendAsync(Info(host))).Elements(Host + "addr").Select(a => a.Value)];

    [Theory]
    [InlineData("v4", "1.2.3")]
    [InlineData("v4", "3221225985")]
    [InlineData("v4", "0xC0.0.2.1")]
    [InlineData("v4", "010.0.0.1")]
    [InlineData("v4", "192.000.002.001")]
    [InlineData("v4", "192.0.2.1.")]
    [InlineData("v4", "2001:db8::1")]
    [InlineData("v6", "fe80::1%eth0")]
    [InlineData("v6", "fe80::1%4")]
    [InlineData("v6", "2001:db8:::1")]
    [InlineData("v6", "1:2:3:4:5:6:7:8:9")]
    [InlineData("v6", "1:2:3:4:5:6:7:8::")]
    [InlineData("v6", "1.2.3.4::")]
    [InlineData("v6", "::ffff:010.0.0.1")]
    [InlineData("v6", "192.0.2.1")]
    public async Task Host_address_not_in_standard_form_is_2005_naming_it_and_nothing_is_created_RFC_5732_2_5(string ip, string address)
    {
        await using var client = await WithDomainAsync("glue.kz");

        var refused = await client.SendAsync(Create("ns1.glue.kz", (ip, address)));
        var info = await CodeOf(client, Info("ns1.glue.kz"));

        Assert.Equal(2005, RawEppClient.Code(refused));
        var (value, reason) = RawEppClient.ExtValue(refused)!.Value;
        Assert.Equal((Host + "addr", address), (value.Name, value.Value));
        Assert.Contains(address, reason);
        Assert.Equal(2303, info);
    }

    [Theory]
    [InlineData("v4", "192.0.2.1", "192.0.2.1")]
    [InlineData("v4", "0.0.0.0", "0.0.0.0")]
    [InlineData("v4", "255.255.255.255", "255.255.255.255")]
    [InlineData("v6", "2001:DB8:0:0:8:800:200C:417A", "2001:db8::8:800:200c:417a")]
    [InlineData("v6", "2001:db8::1", "2001:db8::1")]
    [InlineData("v6", "::1", "::1")]
    [InlineData("v6", "::ffff:192.0.2.1", "::ffff:192.0.2.1")]
    [InlineData("v6", "1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0")]
    public async Task Host_address_in_an_RFC_791_or_RFC_4291_text_form_is_kept_in_canonical_form_RFC_5732_2_5(string ip, string address, string kept)
    {
        await using var client = await WithDomainAsync("glue.kz");

        var created = await CodeOf(client, Create("ns1.glue.kz", (ip, address)));

        Assert.Equal(1000, created);
        Assert.Equal([kept], await AddressesAsync(client, "ns1.glue.kz"));
    }

    [Fact]
    public async Task Host_addresses_are_a_set_so_one_sent_twice_or_in_two_spellings_is_kept_once_RFC_5732_3_2_1()
    {
        await using var client = await WithDomainAsync("glue.kz");

        var created = await CodeOf(client, Create("ns1.glue.kz", ("v4", "192.0.2.20"), ("v4", "192.0.2.20"), ("v6", "2001:db8::1"), ("v6", "2001:0db8:0:0::1")));

        Assert.Equal(1000, created);
        Assert.Equal(["192.0.2.20", "2001:db8::1"], await AddressesAsync(client, "ns1.glue.kz"));
    }
}
