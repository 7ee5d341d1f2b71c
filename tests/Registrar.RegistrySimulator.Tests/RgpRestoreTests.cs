using System.Xml.Linq;
using Registrar.Testing;

namespace Registrar.RegistrySimulator.Tests;

/// <summary>RFC 3915 restore and rgp data on a name deleted into its redemption period.</summary>
public sealed class RgpRestoreTests(RegistrySimulatorFixture simulator) : SimulatorTest(simulator)
{
    private static readonly XNamespace Domain = Profile.Ietf.Domain;
    private static readonly XNamespace Rgp = Profile.Ietf.Rgp;
    private static readonly XNamespace SecDns = "urn:ietf:params:xml:ns:secDNS-1.1";
    private const string Name = "redeem.example";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var client = await LoginAsync();
        await client.SendAsync(Frames.ContactCreate(Ietf, "owner"));
        await client.SendAsync(Frames.ContactCreate(Ietf, "other"));
        Assert.Equal(1000, await CodeOf(client, Frames.DomainCreate(Ietf, Name, "owner")));
        Assert.Equal(1001, await CodeOf(client, Frames.DomainDelete(Ietf, Name)));
    }

    private static XElement RestoreRequest() => new(Rgp + "update", new XElement(Rgp + "restore", new XAttribute("op", "request")));

    public static TheoryData<string> RestoresWithChanges => ["status added and registrant changed", "registrant changed", "no empty element", "DS records added"];

    private static XElement RestoreWith(string changes) => changes switch
    {
        "status added and registrant changed" => Frames.DomainUpdate(Ietf, Name,
            add: new XElement(Domain + "add", new XElement(Domain + "status", new XAttribute("s", "clientHold"))),
            change: new XElement(Domain + "chg", new XElement(Domain + "registrant", "other")), extension: RestoreRequest()),
        "registrant changed" => Frames.DomainUpdate(Ietf, Name,
            change: new XElement(Domain + "chg", new XElement(Domain + "registrant", "other")), extension: RestoreRequest()),
        "no empty element" => Frames.DomainUpdate(Ietf, Name, extension: RestoreRequest()),
        _ => WithSecondExtension(Frames.Restore(Ietf, Name), new XElement(SecDns + "update", new XElement(SecDns + "add",
            new XElement(SecDns + "dsData", new XElement(SecDns + "keyTag", 12345), new XElement(SecDns + "alg", 13),
                new XElement(SecDns + "digestType", 2), new XElement(SecDns + "digest", "49FD46E6C4B45C55D4AC"))))),
    };

    private static XElement WithSecondExtension(XElement frame, XElement extension)
    {
        frame.Descendants(RawEppClient.Epp + "extension").Single().Add(extension);
        return frame;
    }

    [Theory]
    [MemberData(nameof(RestoresWithChanges))]
    public async Task Restore_carrying_changes_is_2001_and_restores_and_changes_nothing_RFC_3915_4_2_5(string changes)
    {
        await using var client = await LoginAsync();

        var refused = await CodeOf(client, RestoreWith(changes));
        var view = (await Simulator.GetDomainAsync(Name))!.Value;
        var restored = await CodeOf(client, Frames.Restore(Ietf, Name));

        Assert.Equal(2001, refused);
        Assert.Equal("RedemptionPeriod", view.GetProperty("phase").GetString());
        Assert.Equal("owner", view.GetProperty("registrant").GetString());
        Assert.DoesNotContain("clientHold", view.GetProperty("statuses").EnumerateArray().Select(s => s.GetString()));
        Assert.Empty(view.GetProperty("dsData").EnumerateArray());
        Assert.Equal(1000, restored);
    }

    [Fact]
    public async Task Rgp_infData_goes_only_to_a_session_that_asked_for_rgp_at_login_RFC_5730_2_9_1_1()
    {
        await using var withRgp = await LoginAsync();
        await using var withoutRgp = await RawEppClient.ConnectAsync(Simulator.EppPort);
        var login = Frames.Login(RegistrySimulatorFixture.Registrar1, RegistrySimulatorFixture.Password1);
        login.Descendants(RawEppClient.Epp + "extURI").Single(e => e.Value == Rgp.NamespaceName).Remove();
        Assert.Equal(1000, await CodeOf(withoutRgp, login));

        var announced = await withRgp.SendAsync(Frames.DomainInfo(Ietf, Name));
        var notAnnounced = await withoutRgp.SendAsync(Frames.DomainInfo(Ietf, Name));

        Assert.Equal("redemptionPeriod", (string?)announced.Descendants(Rgp + "rgpStatus").Single().Attribute("s"));
        Assert.DoesNotContain(notAnnounced.Descendants(), e => e.Name.Namespace == Rgp);
        Assert.Contains("pendingDelete", RawEppClient.ResData(notAnnounced).Elements(Domain + "status").Select(s => (string?)s.Attribute("s")));
    }
}
