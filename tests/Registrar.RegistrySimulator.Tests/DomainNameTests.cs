using System.Xml.Linq;
using Registrar.Testing;

namespace Registrar.RegistrySimulator.Tests;

/// <summary>Which names the simulator serves, as a registry would: LDH labels and valid A-labels (RFC 5891 section 4.2.3,
/// RFC 5890 section 2.3.2.1), one label under a zone it serves (UA-2.1.1, KZ-App-8), and without case (RFC 4343).</summary>
public sealed class DomainNameTests(RegistrySimulatorFixture simulator) : SimulatorTest(simulator)
{
    private static readonly XNamespace Domain = Profile.Ietf.Domain;

    public static TheoryData<string> SyntacticallyInvalid => new()
    {
        "ab--cd.kz", // hyphens in the 3rd and 4th positions of a label that is no A-label, RFC 5891 4.2.3.1
        "xn--zz.kz", // an xn-- label that decodes to no valid U-label, RFC 5890 2.3.2.1
        "xn--r0a8biqsd.kz", // "Пример": an upper-case U-label, whose A-label is another, RFC 5891 5.4
        "xn--ab-m1t.kz", // a ZERO WIDTH JOINER out of its context, RFC 5892 CONTEXTJ
        "-shop.kz", // RFC 5891 4.2.3.1: no hyphen at a label's start
        "shop-.kz", // nor at its end
        new string('a', 64) + ".kz", // RFC 1035 2.3.4: a label has at most 63 octets
        string.Join('.', Enumerable.Repeat(new string('a', 63), 3)) + "." + new string('b', 59) + ".kz", // and a name at most 253 (254 here)
        "shop..kz",
        "пример.kz", // a U-label: EPP carries IDNs as A-labels
    };

    public static TheoryData<string> NotRegistrable => new()
    {
        "a.b.kz", // KZ-App-8: .kz registers second-level names only
        "www.shop.com.ua", // UA-2.1.1: a name directly under com.ua, not under one of its names
        "shop.org.ua", // UA-2.1.1: org.ua is not a zone served here, and .ua serves second-level names only
        "com.ua", // a zone served here is not a name in its parent zone
    };

    [Theory]
    [MemberData(nameof(SyntacticallyInvalid))]
    public async Task Create_of_a_syntactically_invalid_name_is_2005_and_creates_nothing_RFC5891_4_2_3(string name)
    {
        await using var client = await LoginAsync();
        Assert.Equal(1000, await CodeOf(client, Frames.ContactCreate(Ietf, "jd1234")));

        Assert.Equal(2005, await CodeOf(client, Frames.DomainCreate(Ietf, name, "jd1234")));
        Assert.Equal(2005, await CodeOf(client, Frames.DomainInfo(Ietf, name)));
        Assert.Empty(await Simulator.ListDomainsAsync());
    }

    [Theory]
    [MemberData(nameof(NotRegistrable))]
    public async Task Create_of_a_name_the_zone_does_not_serve_is_2306_and_info_2303_UA_2_1_1_KZ_App_8(string name)
    {
        await using var client = await LoginAsync(hostmaster: name.EndsWith(".ua", StringComparison.Ordinal));
        var profile = name.EndsWith(".ua", StringComparison.Ordinal) ? Profile.Hostmaster : Ietf;
        Assert.Equal(1000, await CodeOf(client, Frames.ContactCreate(profile, "jd1234")));

        var created = await client.SendAsync(Frames.DomainCreate(profile, name, "jd1234", licence: profile == Ietf ? null : "TM-1"));

        Assert.Equal(2306, RawEppClient.Code(created));
        Assert.Contains("registrable", RawEppClient.Message(created));
        Assert.Equal(2303, await CodeOf(client, Frames.DomainInfo(profile, name)));
        Assert.Empty(await Simulator.ListDomainsAsync());
    }

    [Fact]
    public async Task Check_answers_avail_0_with_a_reason_for_invalid_and_unserved_names_RFC5731_3_1_1()
    {
        await using var client = await LoginAsync();

        var answer = await client.SendAsync(Frames.DomainCheck(Ietf, "ab--cd.kz", "xn--zz.kz", "a.b.kz", "fine.kz", "xn--e1afmkfd.kz"));

        Assert.Equal(1000, RawEppClient.Code(answer));
        var results = RawEppClient.ResData(answer).Elements(Domain + "cd")
            .ToDictionary(cd => cd.Element(Domain + "name")!.Value, cd => ((string)cd.Element(Domain + "name")!.Attribute("avail")!, cd.Element(Domain + "reason")?.Value));
        Assert.Equal(["ab--cd.kz", "xn--zz.kz", "a.b.kz", "fine.kz", "xn--e1afmkfd.kz"], results.Keys);
        Assert.All(["ab--cd.kz", "xn--zz.kz", "a.b.kz"], name =>
        {
            Assert.Equal("0", results[name].Item1);
            Assert.False(string.IsNullOrWhiteSpace(results[name].Item2));
        });
        Assert.Equal(("1", null), results["fine.kz"]);
        Assert.Equal(("1", null), results["xn--e1afmkfd.kz"]);
    }

    [Fact]
    public async Task Check_of_a_name_in_redemption_gives_a_reason_of_at_most_32_characters_eppcom_reasonBaseType()
    {
        await using var client = await LoginAsync();
        Assert.Equal(1000, await CodeOf(client, Frames.ContactCreate(Ietf, "jd1234")));
        Assert.Equal(1000, await CodeOf(client, Frames.DomainCreate(Ietf, "redeem.example", "jd1234")));
        Assert.Equal(1001, await CodeOf(client, Frames.DomainDelete(Ietf, "redeem.example")));

        // RawEppClient validates every IETF-profile answer against the schemas: a longer reason fails there.
        var check = await client.SendAsync(Frames.DomainCheck(Ietf, "redeem.example"));

        var reason = RawEppClient.ResData(check).Descendants(Domain + "reason").Single().Value;
        Assert.InRange(reason.Length, 1, 32);
    }

    [Fact]
    public async Task A_name_in_another_case_is_the_same_object_RFC4343()
    {
        await using var client = await LoginAsync();
        Assert.Equal(1000, await CodeOf(client, Frames.ContactCreate(Ietf, "jd1234")));
        Assert.Equal(1000, await CodeOf(client, Frames.DomainCreate(Ietf, "Example.kz", "jd1234")));

        var check = await client.SendAsync(Frames.DomainCheck(Ietf, "EXAMPLE.KZ"));

        Assert.Equal(2302, await CodeOf(client, Frames.DomainCreate(Ietf, "EXAMPLE.kz", "jd1234")));
        Assert.Equal("0", (string)RawEppClient.ResData(check).Descendants(Domain + "name").Single().Attribute("avail")!);
        Assert.Equal("example.kz", RawEppClient.ResData(await client.SendAsync(Frames.DomainInfo(Ietf, "eXaMpLe.Kz"))).Element(Domain + "name")!.Value);
        Assert.Single(await Simulator.ListDomainsAsync());
    }

    [Theory]
    [InlineData("shop.com.ua")]
    [InlineData("shop.kiev.ua")]
    [InlineData("shop.kyiv.ua")]
    [InlineData("xn--e1afmkfd.kz")]
    [InlineData("xn--e1afmkfd.xn--80ao21a")]
    public async Task A_name_directly_under_a_served_zone_is_created_UA_2_1_1_KZ_App_8(string name)
    {
        await using var client = await LoginAsync(hostmaster: name.EndsWith(".ua", StringComparison.Ordinal));
        var profile = name.EndsWith(".ua", StringComparison.Ordinal) ? Profile.Hostmaster : Ietf;
        Assert.Equal(1000, await CodeOf(client, Frames.ContactCreate(profile, "jd1234")));

        Assert.Equal(1000, await CodeOf(client, Frames.DomainCreate(profile, name, "jd1234")));
    }

    [Fact]
    public async Task Invalid_name_or_a_wrong_curExpDate_is_refused_naming_the_element_in_extValue_RFC_5730_2_6()
    {
        await using var client = await LoginAsync();
        await client.SendAsync(Frames.ContactCreate(Ietf, "owner"));
        await client.SendAsync(Frames.DomainCreate(Ietf, "named.kz", "owner"));

        var create = await client.SendAsync(Frames.DomainCreate(Ietf, "-bad1.kz", "owner"));
        var info = await client.SendAsync(Frames.DomainInfo(Ietf, "-bad1.kz"));
        var host = await client.SendAsync(Frames.HostCreate(Ietf, "-ns1.named.kz", "192.0.2.1"));
        var renew = await client.SendAsync(Frames.DomainRenew(Ietf, "named.kz", "2001-01-01"));

        Assert.Equal((2005, Domain + "name", "-bad1.kz"), Named(create));
        Assert.Equal((2005, Domain + "name", "-bad1.kz"), Named(info));
        Assert.Equal((2005, Profile.Ietf.Host + "name", "-ns1.named.kz"), Named(host));
        Assert.Equal((2306, Domain + "curExpDate", "2001-01-01"), Named(renew));
    }

    private static (int, XName, string) Named(XDocument answer) =>
        (RawEppClient.Code(answer), RawEppClient.ExtValue(answer)!.Value.Value.Name, RawEppClient.ExtValue(answer)!.Value.Value.Value);
}
