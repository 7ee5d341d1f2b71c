using System.Xml.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Registrar.Epp.Commands;
using Registrar.Epp.Extensions;
using Registrar.Epp.Profiles;
using Registrar.Epp.Responses;
using Registrar.Epp.Sessions;
using Registrar.Epp.Tests.Support;
using Registrar.Testing;

namespace Registrar.Epp.Tests;

public class ConfigurationTests
{
    private static ServiceProvider Services(Dictionary<string, string?> settings, ILoggerProvider? logs = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging(b => { if (logs is not null) b.AddProvider(logs); });
        return services.AddEppClients(configuration).BuildServiceProvider();
    }

    private static readonly Dictionary<string, string?> TwoRegistries = new()
    {
        ["Epp:Registries:kaznic:Host"] = "epp.nic.kz",
        ["Epp:Registries:kaznic:ClientId"] = "registrar1",
        ["Epp:Registries:kaznic:Password"] = "secret-1",
        ["Epp:Registries:hostmaster:Host"] = "epp.hostmaster.ua",
        ["Epp:Registries:hostmaster:ClientId"] = "ua-registrar",
        ["Epp:Registries:hostmaster:Password"] = "secret-2",
        ["Epp:Registries:hostmaster:MaxSessions"] = "2",
        ["Epp:Registries:hostmaster:Profile:Name"] = "hostmaster-ua",
    };

    [Fact]
    public async Task Each_registry_gets_the_profile_named_in_configuration()
    {
        await using var services = Services(TwoRegistries);
        var clients = services.GetRequiredService<IEppClients>();

        Assert.Equal(EppRegistryProfile.Ietf, clients.For("kaznic").Profile);
        Assert.Equal(EppRegistryProfile.HostmasterUaName, clients.For("hostmaster").Profile.Name);
        Assert.Equal(2, ((EppClient)clients.For("hostmaster")).Pool.MaxSessions);
        Assert.Same(clients.For("kaznic"), clients.For("KAZNIC"));
    }

    [Fact]
    public async Task An_unconfigured_registry_is_a_configuration_error_naming_it()
    {
        await using var services = Services(TwoRegistries);

        var error = Assert.Throws<EppConfigurationException>(() => services.GetRequiredService<IEppClients>().For("nic-xx"));

        Assert.Contains("nic-xx", error.Message);
        Assert.Contains("kaznic", error.Message);
    }

    [Theory]
    [InlineData("Host", "", "Host")]
    [InlineData("ReadTimeout", "00:00:00", "ReadTimeout")]
    [InlineData("MaxSessions", "0", "MaxSessions")]
    [InlineData("ClTridPrefix", "bad prefix!", "ClTridPrefix")]
    [InlineData("ClientId", "r1", "ClientId")]
    [InlineData("ClientId", "registrar-sixteen", "ClientId")]
    [InlineData("Password", "short", "Password")]
    [InlineData("NewPassword", "far-too-long-password", "NewPassword")]
    public async Task Invalid_registry_options_are_refused_naming_the_setting(string key, string value, string named)
    {
        await using var services = Services(new(TwoRegistries) { [$"Epp:Registries:kaznic:{key}"] = value });

        var error = Assert.Throws<EppConfigurationException>(() => services.GetRequiredService<IEppClients>().For("kaznic"));

        Assert.Contains(named, error.Message);
    }

    [Fact]
    public async Task The_password_is_never_logged_nor_put_in_errors()
    {
        var logs = new CapturingLoggerProvider();
        await using var server = new ScriptedEppServer
        {
            Script = (name, _, request) => name == "login"
                ? new ServerAction.Answer(EppResponses.Result(2200, TlsSessionTests.ClTrid(request), message: "Authentication error")) : null,
            // Extensions left out of the login are logged before it is sent: a log line written while the password is at hand.
            Menu = GreetingMenu.Of(EppRegistryProfile.Ietf) with { ExtensionUris = [] },
        };
        var options = server.Options(o => { o.Password = "Pa55-w0rd!"; o.NewPassword = "N3w-Pa55!"; });
        await using var services = Services(new()
        {
            ["Epp:Registries:test:Host"] = options.Host, ["Epp:Registries:test:Port"] = options.Port.ToString(),
            ["Epp:Registries:test:TlsServerName"] = "localhost", ["Epp:Registries:test:ClientId"] = "registrar1",
            ["Epp:Registries:test:Password"] = "Pa55-w0rd!", ["Epp:Registries:test:NewPassword"] = "N3w-Pa55!",
            ["Epp:Registries:test:PinnedServerThumbprints:0"] = server.Thumbprint,
        }, logs);
        var client = services.GetRequiredService<IEppClients>().For("test");

        var error = await Assert.ThrowsAsync<EppCommandFailedException>(() => client.ExecuteAsync(new DomainCheckCommand("example.kz")));

        Assert.NotEmpty(logs.Lines);
        Assert.All(logs.Lines.Append(error.ToString()).Append(options.ToString()), line =>
        {
            Assert.DoesNotContain("Pa55-w0rd!", line);
            Assert.DoesNotContain("N3w-Pa55!", line);
        });
    }

    private sealed class PriceExtension : IEppCommandExtension
    {
        public const string Namespace = "urn:example:params:xml:ns:price-1.0";

        public string NamespaceFor(EppRegistryProfile profile) => Namespace;

        public XElement Build(EppRegistryProfile profile)
        {
            XNamespace p = Namespace;
            return new XElement(p + "check", new XAttribute(XNamespace.Xmlns + "price", p), new XElement(p + "currency", "KZT"));
        }
    }

    [Fact]
    public void A_registry_specific_extension_plugs_in_when_its_namespace_is_configured()
    {
        var profile = EppRegistryProfile.FromOptions(new EppProfileOptions
        {
            ExtensionUris = ["urn:ietf:params:xml:ns:secDNS-1.1", "urn:ietf:params:xml:ns:rgp-1.0", PriceExtension.Namespace],
        });
        var command = new DomainCheckCommand("example.kz") { Extensions = [new PriceExtension()] };

        var frame = EppFrameWriter.CommandDocument(command, profile, "RGR-1");
        var login = EppFrameWriter.CommandDocument(new LoginCommand("registrar1", "secret-1", null, EppLoginTerms.AllOf(profile, "en")), profile, "RGR-2");

        Assert.Equal("KZT", frame.Descendants(XName.Get("currency", PriceExtension.Namespace)).Single().Value);
        Assert.Contains(PriceExtension.Namespace, login.Descendants(EppXml.Epp + "extURI").Select(e => e.Value));
    }

    [Fact]
    public void A_registry_specific_extension_is_refused_when_the_profile_does_not_announce_it()
    {
        var command = new DomainCheckCommand("example.kz") { Extensions = [new PriceExtension()] };

        var error = Assert.Throws<EppCommandValidationException>(() => EppFrameWriter.Command(command, EppRegistryProfile.Ietf, "RGR-1"));

        Assert.Contains(PriceExtension.Namespace, error.Message);
    }
}
