using System.Xml.Linq;
using Registrar.Testing;

namespace Registrar.RegistrySimulator.Tests;

public sealed class SessionTests(RegistrySimulatorFixture simulator) : SimulatorTest(simulator)
{
    private static readonly XNamespace Epp = RawEppClient.Epp;

    /// <summary>Registrar 1's login with one of its options (lang, version) set to <paramref name="value"/>.</summary>
    private static XElement LoginWith(string option, string value)
    {
        var login = Frames.Login(RegistrySimulatorFixture.Registrar1, RegistrySimulatorFixture.Password1);
        login.Descendants(Epp + option).Single().Value = value;
        return login;
    }

    [Fact]
    public async Task Greeting_on_connect_lists_both_profiles_over_TLS()
    {
        await using var client = await RawEppClient.ConnectAsync(Simulator.EppPort);

        var menu = client.Greeting.Root!.Element(Epp + "greeting")!.Element(Epp + "svcMenu")!;
        var objects = menu.Elements(Epp + "objURI").Select(e => e.Value).ToList();
        Assert.Contains("urn:ietf:params:xml:ns:domain-1.0", objects);
        Assert.Contains("http://hostmaster.ua/epp/domain-1.1", objects);
        Assert.Contains("http://hostmaster.ua/epp/uaepp-1.1", menu.Element(Epp + "svcExtension")!.Elements().Select(e => e.Value));
    }

    [Fact]
    public async Task Hello_is_answered_with_a_greeting()
    {
        await using var client = await RawEppClient.ConnectAsync(Simulator.EppPort);

        var answer = await client.SendAsync(Frames.Hello());

        Assert.NotNull(answer.Root!.Element(Epp + "greeting"));
    }

    [Fact]
    public async Task Login_with_the_right_password_succeeds_and_echoes_clTRID_with_a_unique_svTRID()
    {
        await using var client = await RawEppClient.ConnectAsync(Simulator.EppPort);
        var login = Frames.Login(RegistrySimulatorFixture.Registrar1, RegistrySimulatorFixture.Password1);
        login.Element(Epp + "command")!.Add(new XElement(Epp + "clTRID", "LOGIN-42"));

        var first = await client.SendAsync(login);
        var second = await client.SendAsync(Frames.DomainCheck(Ietf, "free.kz"));

        Assert.Equal(1000, RawEppClient.Code(first));
        var trId = first.Root!.Descendants(Epp + "trID").Single();
        Assert.Equal("LOGIN-42", trId.Element(Epp + "clTRID")!.Value);
        Assert.NotEqual(trId.Element(Epp + "svTRID")!.Value, second.Root!.Descendants(Epp + "svTRID").Single().Value);
    }

    [Fact]
    public async Task Login_with_a_wrong_password_is_an_authentication_error()
    {
        await using var client = await RawEppClient.ConnectAsync(Simulator.EppPort);

        var answer = await client.SendAsync(Frames.Login(RegistrySimulatorFixture.Registrar1, "wrong-password"));

        Assert.Equal(2200, RawEppClient.Code(answer));
    }

    [Fact]
    public async Task Commands_before_login_are_a_command_use_error()
    {
        await using var client = await RawEppClient.ConnectAsync(Simulator.EppPort);

        Assert.Equal(2002, await CodeOf(client, Frames.DomainCheck(Ietf, "example.kz")));
    }

    [Fact]
    public async Task A_second_login_on_the_same_session_is_a_command_use_error()
    {
        await using var client = await LoginAsync();

        Assert.Equal(2002, await CodeOf(client, Frames.Login(RegistrySimulatorFixture.Registrar1, RegistrySimulatorFixture.Password1)));
    }

    [Fact]
    public async Task Logout_answers_1500_and_closes_the_connection()
    {
        await using var client = await LoginAsync();

        Assert.Equal(1500, await CodeOf(client, Frames.Logout()));
        Assert.Null(await client.ReadAsync());
    }

    [Fact]
    public async Task Sessions_beyond_the_per_registrar_cap_get_2502_and_are_closed()
    {
        var open = new List<RawEppClient>();
        try
        {
            for (var i = 0; i < 4; i++) open.Add(await LoginAsync(RegistrySimulatorFixture.Registrar2, RegistrySimulatorFixture.Password2));
            await using var fifth = await RawEppClient.ConnectAsync(Simulator.EppPort);

            var answer = await fifth.SendAsync(Frames.Login(RegistrySimulatorFixture.Registrar2, RegistrySimulatorFixture.Password2));

            Assert.Equal(2502, RawEppClient.Code(answer));
            Assert.Null(await fifth.ReadAsync());
            Assert.Equal(4, (await Simulator.GetStatsAsync()).Sessions);
        }
        finally
        {
            foreach (var client in open)
            {
                await client.SendAsync(Frames.Logout());
                await client.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Login_in_a_language_the_server_does_not_offer_is_an_unimplemented_option()
    {
        await using var client = await RawEppClient.ConnectAsync(Simulator.EppPort);

        Assert.Equal(2102, await CodeOf(client, LoginWith("lang", "ru")));
    }

    [Fact]
    public async Task Login_naming_a_protocol_version_the_server_does_not_implement_is_2100_and_1_0_is_accepted()
    {
        await using var client = await RawEppClient.ConnectAsync(Simulator.EppPort);

        Assert.Equal(2100, await CodeOf(client, LoginWith("version", "2.0")));
        Assert.Equal(1000, await CodeOf(client, LoginWith("version", "1.0")));
    }

    [Fact]
    public async Task Extensions_not_requested_at_login_are_an_unimplemented_extension()
    {
        await using var client = await LoginAsync(hostmaster: true);
        var frame = Frames.DomainUpdate(Profile.Hostmaster, "any.com.ua",
            extension: new XElement(Profile.Ietf.Rgp + "update", new XElement(Profile.Ietf.Rgp + "restore", new XAttribute("op", "request"))));

        Assert.Equal(2103, await CodeOf(client, frame));
    }

    [Fact]
    public async Task A_command_the_registry_does_not_implement_is_2101()
    {
        await using var client = await LoginAsync();
        XNamespace contact = Profile.Ietf.Contact;
        var transfer = Frames.Command(new XElement(Epp + "transfer", new XAttribute("op", "query"),
            new XElement(contact + "transfer", new XElement(contact + "id", "c-1"))));

        Assert.Equal(2101, await CodeOf(client, transfer));
    }

    [Fact]
    public async Task A_new_password_given_at_login_replaces_the_old_one()
    {
        await using (var client = await RawEppClient.ConnectAsync(Simulator.EppPort))
        {
            Assert.Equal(1000, await CodeOf(client, Frames.Login(RegistrySimulatorFixture.Registrar1, RegistrySimulatorFixture.Password1, newPassword: "changed-1")));
            await client.SendAsync(Frames.Logout());
        }
        await using var again = await RawEppClient.ConnectAsync(Simulator.EppPort);

        Assert.Equal(2200, await CodeOf(again, Frames.Login(RegistrySimulatorFixture.Registrar1, RegistrySimulatorFixture.Password1)));
        Assert.Equal(1000, await CodeOf(again, Frames.Login(RegistrySimulatorFixture.Registrar1, "changed-1")));
    }
}
