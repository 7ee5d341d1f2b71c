using System.Xml.Linq;
using Registrar.Epp.Commands;
using Registrar.Epp.Extensions;
using Registrar.Epp.Profiles;

namespace Registrar.Epp.Tests;

/// <summary>The .ua profile has no public schema; its frames are checked against the element
/// structure Net::DRI (Extensions/UA) and struzik-vladislav/epp-ext-hostmasterua-uaepp send:
/// &lt;extension&gt;&lt;uaepp:create|update xmlns:uaepp="http://hostmaster.ua/epp/uaepp-1.1"&gt;&lt;uaepp:license&gt;…</summary>
public class HostmasterProfileTests
{
    private static readonly XNamespace Epp = "urn:ietf:params:xml:ns:epp-1.0";
    private static readonly XNamespace Domain = "http://hostmaster.ua/epp/domain-1.1";
    private static readonly XNamespace UaEpp = "http://hostmaster.ua/epp/uaepp-1.1";
    private static readonly EppRegistryProfile Ua = EppRegistryProfile.HostmasterUa;

    private static DomainCreateCommand Create(string name, params IEppCommandExtension[] extensions) => new()
    {
        DomainName = name, Period = EppPeriod.Years(1), NameServers = ["ns1.example.ua", "ns2.example.ua"],
        Registrant = "ex123", Contacts = [new("admin", "ex11"), new("tech", "ex11")], AuthInfoPassword = "password",
        Extensions = extensions,
    };

    [Fact]
    public void Second_level_ua_create_carries_the_trademark_licence_UA_Pre_7()
    {
        var frame = EppFrameWriter.CommandDocument(Create("example.ua", HostmasterLicenceExtension.ForCreate("12345")), Ua, "RGR-1");

        var command = frame.Root!.Element(Epp + "command")!;
        var create = command.Element(Epp + "create")!.Element(Domain + "create")!;
        Assert.Equal("example.ua", create.Element(Domain + "name")!.Value);
        Assert.Equal(["name", "period", "ns", "registrant", "contact", "contact", "authInfo"],
            create.Elements().Select(e => e.Name.LocalName));
        var extension = Assert.Single(command.Element(Epp + "extension")!.Elements());
        Assert.Equal(UaEpp + "create", extension.Name);
        Assert.Equal("12345", Assert.Single(extension.Elements(UaEpp + "license")).Value);
        Assert.Equal(["create", "extension", "clTRID"], command.Elements().Select(e => e.Name.LocalName));
    }

    [Fact]
    public void Second_level_ua_name_without_licence_is_refused_before_sending_UA_Pre_7()
    {
        var error = Assert.Throws<EppCommandValidationException>(() => EppFrameWriter.Command(Create("example.ua"), Ua, "RGR-1"));

        Assert.Contains("UA-Pre-7", error.Message);
    }

    [Theory]
    [InlineData("example.com.ua")]
    [InlineData("example.kiev.ua")]
    [InlineData("example.kyiv.ua")]
    public void Third_level_ua_names_need_no_licence_UA_Pre_7(string name)
    {
        var frame = EppFrameWriter.CommandDocument(Create(name), Ua, "RGR-1");

        Assert.Null(frame.Root!.Element(Epp + "command")!.Element(Epp + "extension"));
    }

    [Fact]
    public void An_empty_licence_is_refused_UA_Pre_7()
    {
        Assert.Throws<EppCommandValidationException>(() => HostmasterLicenceExtension.ForCreate(" "));
    }

    [Fact]
    public void The_licence_is_changed_with_uaepp_update()
    {
        var command = new DomainUpdateCommand { DomainName = "example.ua", Extensions = [HostmasterLicenceExtension.ForUpdate("67890")] };

        var frame = EppFrameWriter.CommandDocument(command, Ua, "RGR-1");

        var update = frame.Root!.Element(Epp + "command")!.Element(Epp + "update")!.Element(Domain + "update")!;
        Assert.Equal("example.ua", update.Element(Domain + "name")!.Value);
        var extension = frame.Root!.Element(Epp + "command")!.Element(Epp + "extension")!.Element(UaEpp + "update")!;
        Assert.Equal("67890", extension.Element(UaEpp + "license")!.Value);
    }

    [Fact]
    public void The_licence_extension_is_refused_on_a_profile_that_does_not_announce_it()
    {
        var command = Create("example.kz", HostmasterLicenceExtension.ForCreate("12345"));

        var error = Assert.Throws<EppCommandValidationException>(() => EppFrameWriter.Command(command, EppRegistryProfile.Ietf, "RGR-1"));

        Assert.Contains("uaepp-1.1", error.Message);
    }

    [Fact]
    public void Login_announces_the_hostmaster_objects_and_extensions()
    {
        var frame = EppFrameWriter.CommandDocument(new LoginCommand("ua-registrar", "secret-1", null, EppLoginTerms.AllOf(Ua, "en")), Ua, "RGR-1");

        var svcs = frame.Root!.Element(Epp + "command")!.Element(Epp + "login")!.Element(Epp + "svcs")!;
        Assert.Equal(
            ["http://hostmaster.ua/epp/domain-1.1", "http://hostmaster.ua/epp/contact-1.1", "http://hostmaster.ua/epp/host-1.1"],
            svcs.Elements(Epp + "objURI").Select(e => e.Value));
        // The registry's greeting lists rgp-1.1 and uaepp-1.1 under svcExtension, not as objects.
        Assert.Equal(
            ["http://hostmaster.ua/epp/rgp-1.1", "http://hostmaster.ua/epp/uaepp-1.1", "http://hostmaster.ua/epp/secDNS-1.1"],
            svcs.Element(Epp + "svcExtension")!.Elements(Epp + "extURI").Select(e => e.Value));
    }

    [Fact]
    public void Restore_uses_the_hostmaster_rgp_namespace()
    {
        var frame = EppFrameWriter.CommandDocument(DomainUpdateCommand.RestoreRequest("example.com.ua"), Ua, "RGR-1");

        var restore = frame.Descendants(XName.Get("restore", "http://hostmaster.ua/epp/rgp-1.1")).Single();
        Assert.Equal("request", restore.Attribute("op")!.Value);
    }

    [Fact]
    public void Contact_and_host_commands_use_the_hostmaster_namespaces()
    {
        var contact = EppFrameWriter.CommandDocument(new ContactCheckCommand("ex11"), Ua, "RGR-1");
        var host = EppFrameWriter.CommandDocument(new HostCheckCommand("ns1.example.ua"), Ua, "RGR-1");

        Assert.NotNull(contact.Descendants(XName.Get("check", "http://hostmaster.ua/epp/contact-1.1")).SingleOrDefault());
        Assert.NotNull(host.Descendants(XName.Get("check", "http://hostmaster.ua/epp/host-1.1")).SingleOrDefault());
    }

    [Fact]
    public void Kz_zones_use_the_default_IETF_profile()
    {
        var profile = EppRegistryProfile.FromOptions(new EppProfileOptions());

        Assert.Equal("urn:ietf:params:xml:ns:domain-1.0", profile.DomainNamespace);
        Assert.Equal(["urn:ietf:params:xml:ns:secDNS-1.1", "urn:ietf:params:xml:ns:rgp-1.0"], profile.ExtensionUris);
    }

    public static TheoryData<string> UaCommandNames => new(UaCommands.Keys);

    private static readonly Dictionary<string, Func<IEppCommand>> UaCommands = new()
    {
        ["login"] = () => new LoginCommand("ua-registrar", "secret-1", null, EppLoginTerms.AllOf(Ua, "en")),
        ["domain:create + uaepp licence"] = () => Create("example.ua", HostmasterLicenceExtension.ForCreate("12345")),
        ["domain:update + uaepp licence"] = () => new DomainUpdateCommand { DomainName = "example.ua", Extensions = [HostmasterLicenceExtension.ForUpdate("67890")] },
        ["domain:update rgp restore"] = () => DomainUpdateCommand.RestoreRequest("example.com.ua"),
        ["contact:check"] = () => new ContactCheckCommand("ex11"),
        ["host:check"] = () => new HostCheckCommand("ns1.example.ua"),
    };

    [Theory]
    [MemberData(nameof(UaCommandNames))]
    public void The_frame_sent_to_Hostmaster_is_its_documents_serialization(string command)
    {
        using var sent = Transport.OutgoingFrame.Command(UaCommands[command](), Ua, "RGR-1");

        Assert.Equal(EppFrameWriter.Serialize(EppFrameWriter.CommandDocument(UaCommands[command](), Ua, "RGR-1")), sent.Payload.ToArray());
    }

    [Fact]
    public void Configured_namespace_lists_replace_the_presets()
    {
        var profile = EppRegistryProfile.FromOptions(new EppProfileOptions
        {
            Name = "hostmaster-ua", ExtensionUris = ["http://hostmaster.ua/epp/uaepp-1.1", "http://hostmaster.ua/epp/balance-1.0"],
        });

        Assert.Equal(["http://hostmaster.ua/epp/uaepp-1.1", "http://hostmaster.ua/epp/balance-1.0"], profile.ExtensionUris);
        Assert.Equal(EppRegistryProfile.HostmasterUa.ObjectUris, profile.ObjectUris);
    }

    [Fact]
    public void An_unknown_profile_name_is_a_configuration_error()
    {
        var error = Assert.Throws<EppConfigurationException>(() => EppRegistryProfile.FromOptions(new EppProfileOptions { Name = "nic-xx" }));

        Assert.Contains("nic-xx", error.Message);
    }
}
