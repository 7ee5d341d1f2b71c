using Registrar.Testing;

namespace Registrar.RegistrySimulator.Tests;

public sealed class DomainDeleteTests(RegistrySimulatorFixture simulator) : SimulatorTest(simulator)
{
    [Fact]
    public async Task A_domain_with_subordinate_hosts_is_not_deleted_until_they_are_gone_2305_RFC5731_3_2_2()
    {
        await using var client = await LoginAsync();
        await client.SendAsync(Frames.ContactCreate(Ietf, "owner"));
        await client.SendAsync(Frames.DomainCreate(Ietf, "parent.kz", "owner"));
        Assert.Equal(1000, await CodeOf(client, Frames.HostCreate(Ietf, "ns1.parent.kz", "192.0.2.1")));

        var withHost = await client.SendAsync(Frames.DomainDelete(Ietf, "parent.kz"));
        Assert.Equal(1000, await CodeOf(client, Frames.HostDelete(Ietf, "ns1.parent.kz")));
        var withoutHost = await CodeOf(client, Frames.DomainDelete(Ietf, "parent.kz"));

        Assert.Equal(2305, RawEppClient.Code(withHost));
        Assert.Contains("ns1.parent.kz", RawEppClient.Message(withHost));
        Assert.Equal(1000, withoutHost);
        Assert.Null(await Simulator.GetDomainAsync("parent.kz"));
    }
}
