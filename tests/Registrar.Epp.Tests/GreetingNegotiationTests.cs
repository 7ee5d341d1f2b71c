using System.Xml.Linq;
using Registrar.Epp.Commands;
using Registrar.Epp.Extensions;
using Registrar.Epp.Profiles;
using Registrar.Epp.Responses;
using Registrar.Epp.Sessions;
using Registrar.Epp.Tests.Support;

namespace Registrar.Epp.Tests;

/// <summary>RFC 5730 sections 2.4 and 2.9.1.1: the login asks only for what the greeting offers, over real TLS against a
/// scripted server whose greeting offers less than the profile would like.</summary>
public class GreetingNegotiationTests
{
    private static readonly XNamespace Epp = EppXml.Epp;
    private const string SecDns = "urn:ietf:params:xml:ns:secDNS-1.1";
    private const string Rgp = "urn:ietf:params:xml:ns:rgp-1.0";
    private static readonly GreetingMenu Full = GreetingMenu.Of(EppRegistryProfile.Ietf);

    private static XElement LoginOf(ScriptedEppServer server) =>
        server.Frames.First().Root!.Element(Epp + "command")!.Element(Epp + "login")!;

    private static EppGreeting Greeting(GreetingMenu menu) =>
        new("Greeting under test", DateTimeOffset.UnixEpoch, menu.Versions, menu.Languages, menu.ObjectUris, menu.ExtensionUris);

    [Fact]
    public async Task Login_requests_only_the_extensions_the_greeting_announces_RFC5730_2_9_1_1()
    {
        await using var server = new ScriptedEppServer { Menu = Full with { ExtensionUris = [SecDns, "urn:example:unused-1.0"] } };
        await using var client = Clients.For(server.Options());

        await client.ExecuteAsync(new DomainCheckCommand("example.kz"));

        var svcs = LoginOf(server).Element(Epp + "svcs")!;
        Assert.Equal(EppRegistryProfile.Ietf.ObjectUris, svcs.Elements(Epp + "objURI").Select(e => e.Value));
        Assert.Equal([SecDns], svcs.Descendants(Epp + "extURI").Select(e => e.Value));
    }

    [Fact]
    public async Task A_greeting_without_any_extension_gets_a_login_without_svcExtension_RFC5730_2_9_1_1()
    {
        await using var server = new ScriptedEppServer { Menu = Full with { ExtensionUris = [] } };
        await using var client = Clients.For(server.Options());

        await client.ExecuteAsync(new DomainCheckCommand("example.kz"));

        Assert.Null(LoginOf(server).Element(Epp + "svcs")!.Element(Epp + "svcExtension"));
    }

    [Fact]
    public async Task A_greeting_without_an_object_service_the_profile_needs_fails_the_session_by_name_and_sends_no_login_RFC5730_2_4()
    {
        var host = EppRegistryProfile.Ietf.HostNamespace;
        await using var server = new ScriptedEppServer { Menu = Full with { ObjectUris = [.. Full.ObjectUris.Where(u => u != host)] } };
        await using var client = Clients.For(server.Options());

        var error = await Assert.ThrowsAsync<EppObjectServiceNotAnnouncedException>(() => client.ExecuteAsync(new DomainCheckCommand("example.kz")));

        Assert.Equal([host], error.MissingObjectUris);
        Assert.Contains(host, error.Message);
        Assert.Empty(server.Frames);
    }

    [Fact]
    public async Task A_greeting_without_version_1_0_fails_the_session_by_name_and_sends_no_login_RFC5730_2_4()
    {
        await using var server = new ScriptedEppServer { Menu = Full with { Versions = ["2.0"] } };
        await using var client = Clients.For(server.Options());

        var error = await Assert.ThrowsAsync<EppVersionNotAnnouncedException>(() => client.ExecuteAsync(new DomainCheckCommand("example.kz")));

        Assert.Equal(["2.0"], error.AnnouncedVersions);
        Assert.Empty(server.Frames);
    }

    [Fact]
    public async Task A_command_needing_an_extension_the_greeting_left_out_is_refused_unsent_and_the_session_goes_on_RFC5730_2_9_1_1()
    {
        await using var server = new ScriptedEppServer { Menu = Full with { ExtensionUris = [SecDns] } };
        await using var client = Clients.For(server.Options());

        var error = await Assert.ThrowsAsync<EppExtensionNotNegotiatedException>(
            () => client.ExecuteAsync(new DomainRestoreRequestCommand("deleted.kz")));
        var check = await client.ExecuteAsync(new DomainCheckCommand("example.kz"));

        Assert.Equal(Rgp, error.ExtensionNamespace);
        Assert.IsAssignableFrom<EppCommandValidationException>(error);
        Assert.False(server.Seen.ContainsKey("domain:update"));
        Assert.True(check.Value["example.kz"].Available);
        Assert.Equal(1, server.Seen["login"]);
    }

    [Fact]
    public async Task A_command_with_an_announced_extension_is_sent_with_it_RFC5910()
    {
        await using var server = new ScriptedEppServer { Menu = Full with { ExtensionUris = [SecDns] } };
        await using var client = Clients.For(server.Options());

        await client.ExecuteAsync(new DomainUpdateCommand
        {
            DomainName = "signed.kz", Extensions = [new SecDnsUpdateExtension { RemoveAll = true }],
        });

        Assert.Single(server.Frames.Last().Descendants(XName.Get("update", SecDns)));
    }

    [Theory]
    [InlineData(new[] { "en", "kk" }, "kk", "kk")]
    [InlineData(new[] { "en", "kk" }, "ru", "en")]
    [InlineData(new[] { "EN" }, "en", "EN")]
    [InlineData(new[] { "kk" }, "ru", "kk")]
    public void Login_asks_for_a_language_the_greeting_offers_the_configured_one_first_then_en_RFC5730_2_9_1_1(
        string[] offered, string configured, string expected)
    {
        var terms = GreetingNegotiation.Negotiate(EppRegistryProfile.Ietf, Greeting(Full with { Languages = offered }), configured);

        Assert.Equal(expected, terms.Language);
        Assert.Equal("1.0", terms.Version);
    }

    [Fact]
    public async Task Login_carries_the_negotiated_language_over_the_wire_RFC5730_2_9_1_1()
    {
        await using var server = new ScriptedEppServer { Menu = Full with { Languages = ["en"] } };
        await using var client = Clients.For(server.Options(o => o.Language = "kk"));

        await client.ExecuteAsync(new DomainCheckCommand("example.kz"));

        var options = LoginOf(server).Element(Epp + "options")!;
        Assert.Equal(("1.0", "en"), (options.Element(Epp + "version")!.Value, options.Element(Epp + "lang")!.Value));
    }
}
