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
}
