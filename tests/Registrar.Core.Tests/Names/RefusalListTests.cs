using Registrar.Core.Names;
using Registrar.Core.Zones;

namespace Registrar.Core.Tests.Names;

public sealed class RefusalListTests
{
    private readonly ZoneCatalog zones = ZoneCatalog.LoadEmbedded();
    private readonly DomainNameParser parser;

    public RefusalListTests() => parser = new DomainNameParser(zones, RefusalList.LoadEmbedded());

    [Theory]
    [InlineData("nic.kz")]
    [InlineData("WHOIS.com.ua")]
    [InlineData("net.ua")]
    [InlineData("lviv.ua")]
    [InlineData("gov.kz")]
    [InlineData("best-porno-shop.kz")]
    [InlineData("фашист.қаз")]
    public void A_listed_name_is_refused_by_registrar_policy_without_saying_why_UA_2_1_1(string typed)
    {
        var result = parser.ParseForRegistration(typed);

        Assert.False(result.IsValid);
        Assert.Equal(NameRefusalReason.RefusedByRegistrarPolicy, result.Refusal.Reason);
        Assert.EndsWith("is refused by registrar policy; choose another name.", result.Refusal.Message);
        Assert.DoesNotContain("reserved", result.Refusal.Message);
        Assert.DoesNotContain("porno", result.Refusal.Message.Replace(typed.ToLowerInvariant(), ""));
    }

    [Theory]
    [InlineData("my-shop.kz")]
    [InlineData("магазин.қаз")]
    [InlineData("brand.ua")]
    [InlineData("gov.com.ua")]
    public void An_unlisted_valid_name_may_be_registered_KZ_App_8(string typed)
    {
        Assert.True(parser.ParseForRegistration(typed).IsValid);
    }

    [Theory]
    [InlineData("od.ua")]
    [InlineData("kharkov.ua")]
    [InlineData("dp.ua")]
    [InlineData("zp.ua")]
    [InlineData("crimea.ua")]
    [InlineData("ivano-frankivsk.ua")]
    [InlineData("co.ua")]
    [InlineData("pp.ua")]
    [InlineData("biz.ua")]
    public void Every_second_level_zone_under_ua_is_refused_as_a_zone_not_a_domain_UA_2_1_1(string typed)
    {
        var result = parser.ParseForRegistration(typed);

        Assert.False(result.IsValid);
        Assert.Equal(NameRefusalReason.RefusedByRegistrarPolicy, result.Refusal.Reason);
    }

    [Fact]
    public void A_listed_name_still_parses_for_lookups_only_registration_refuses_it_KZ_App_8()
    {
        Assert.True(parser.Parse("nic.kz").IsValid);
        Assert.False(parser.ParseForRegistration("nic.kz").IsValid);
    }

    [Fact]
    public void A_syntax_refusal_comes_before_the_policy_refusal_KZ_App_8()
    {
        Assert.Equal(NameRefusalReason.HyphenAtLabelEdge, parser.ParseForRegistration("-nic.kz").Refusal!.Reason);
    }

    [Fact]
    public void Operations_may_load_their_own_list_and_zones_may_be_given_in_A_label_form_UA_2_1_1()
    {
        var list = RefusalList.Parse("""{ "reserved": { "xn--80ao21a": ["сайт"] }, "publicOrderWords": ["casino"] }""");
        var own = new DomainNameParser(zones, list);

        Assert.False(own.ParseForRegistration("САЙТ.қаз").IsValid);
        Assert.False(own.ParseForRegistration("my-casino.com.ua").IsValid);
        Assert.True(own.ParseForRegistration("nic.kz").IsValid);
    }

    [Theory]
    [InlineData("{ oops", "cannot be read")]
    [InlineData("""{ "reserved": { "*": [""] }, "publicOrderWords": [] }""", "empty entry")]
    [InlineData("""{ "reserved": { "bad zone!": ["x"] }, "publicOrderWords": [] }""", "'bad zone!', which is not a zone name")]
    [InlineData("""{ "reserved": {} }""", "cannot be read")]
    public void A_malformed_refusal_list_is_refused(string json, string expected)
    {
        var error = Assert.Throws<RefusalListDataException>(() => RefusalList.Parse(json));

        Assert.Contains(expected, error.Message);
    }
}
