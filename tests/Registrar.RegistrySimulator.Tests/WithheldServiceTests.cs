using System.Xml.Linq;
using Registrar.Testing;

namespace Registrar.RegistrySimulator.Tests;

/// <summary>--withhold-service: a simulator standing in for a registry that offers fewer services, strict as RFC 5730
/// section 2.9.1.1 allows a server to be about a login that asks for more than its greeting announced.</summary>
public sealed class WithheldServiceTests(SimulatorWithoutSecDnsFixture simulator) : IClassFixture<SimulatorWithoutSecDnsFixture>
{
    private static readonly XNamespace Epp = RawEppClient.Epp;
    private static readonly XNamespace SecDns = SimulatorWithoutSecDnsFixture.SecDns;

    private static XElement LoginWithoutSecDns()
    {
        var login = Frames.Login(RegistrySimulatorFixture.Registrar1, RegistrySimulatorFixture.Password1);
        login.Descendants(Epp + "extURI").Single(e => e.Value == SecDns.NamespaceName).Remove();
        return login;
    }

    [Fact]
    public async Task The_greeting_leaves_the_withheld_extension_out_and_keeps_the_rest_RFC5730_2_4()
    {
        await using var client = await RawEppClient.ConnectAsync(simulator.EppPort);

        var menu = client.Greeting.Root!.Element(Epp + "greeting")!.Element(Epp + "svcMenu")!;
        var extensions = menu.Element(Epp + "svcExtension")!.Elements(Epp + "extURI").Select(e => e.Value).ToList();
        Assert.DoesNotContain(SecDns.NamespaceName, extensions);
        Assert.Contains("urn:ietf:params:xml:ns:rgp-1.0", extensions);
        Assert.Contains("urn:ietf:params:xml:ns:domain-1.0", menu.Elements(Epp + "objURI").Select(e => e.Value));
    }

    [Fact]
    public async Task A_login_asking_for_the_withheld_extension_is_refused_with_2103_RFC5730_2_9_1_1()
    {
        await using var client = await RawEppClient.ConnectAsync(simulator.EppPort);

        var answer = await client.SendAsync(Frames.Login(RegistrySimulatorFixture.Registrar1, RegistrySimulatorFixture.Password1));

        Assert.Equal(2103, RawEppClient.Code(answer));
    }

    [Fact]
    public async Task A_login_without_it_succeeds_and_a_command_carrying_it_is_refused_with_2103_RFC5730_2_9_1_1()
    {
        await using var client = await RawEppClient.ConnectAsync(simulator.EppPort);

        var login = await client.SendAsync(LoginWithoutSecDns());
        var update = await client.SendAsync(Frames.DomainUpdate(Profile.Ietf, "example.kz",
            extension: new XElement(SecDns + "update", new XElement(SecDns + "rem", new XElement(SecDns + "all", "true")))));

        Assert.Equal(1000, RawEppClient.Code(login));
        Assert.Equal(2103, RawEppClient.Code(update));
    }
}
