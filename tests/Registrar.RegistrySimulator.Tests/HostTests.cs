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
}
