using System.Text.Json;
using Registrar.Api.Whois;
using Registrar.Core.Whois;
using Registrar.Core.Zones;
using static Registrar.Api.Tests.Whois.WhoisSamples;

namespace Registrar.Api.Tests.Whois;

/// <summary>The RDAP domain answer: RFC 9083's members, only what the zone publishes, and an RFC 9537 entry for each withheld field.</summary>
public sealed class RdapDomainDocumentTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
    private readonly WhoisPublication publication = new(ZoneCatalog.LoadEmbedded());

    private JsonElement Answer(RegisteredDomain domain) =>
        JsonDocument.Parse(RdapDomainDocument.Build(publication.Decide(domain), "Test Registrar", "https://rdap.example/api/rdap/domain/x", Now)
            .ToJsonString()).RootElement;

    private static JsonElement Entity(JsonElement answer, string role) =>
        answer.GetProperty("entities").EnumerateArray().Single(e => e.GetProperty("roles")[0].GetString() == role);

    private static Dictionary<string, JsonElement> Card(JsonElement entity) =>
        entity.GetProperty("vcardArray")[1].EnumerateArray().ToDictionary(p => p[0].GetString()!);

    private static JsonElement Redaction(JsonElement answer, string name) =>
        answer.GetProperty("redacted").EnumerateArray().Single(r => r.GetProperty("name").EnumerateObject().Single().Value.GetString() == name);

    [Fact]
    public void A_kz_answer_has_every_member_rfc_9083_requires_and_the_domain_its_status_and_expiry()
    {
        var answer = Answer(Held("shop.kz", "shop.kz", "kz", Company()));

        RdapShape.AssertDomainResponse(answer);
        Assert.Equal(["rdap_level_0", "redacted"], answer.GetProperty("rdapConformance").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("shop.kz", answer.GetProperty("ldhName").GetString());
        Assert.Matches("^D[0-9A-F]{24}$", answer.GetProperty("handle").GetString());
        Assert.False(answer.TryGetProperty("unicodeName", out _));
        Assert.Equal("active", answer.GetProperty("status")[0].GetString());
        Assert.Contains(answer.GetProperty("events").EnumerateArray(),
            e => e.GetProperty("eventAction").GetString() == "expiration" && e.GetProperty("eventDate").GetString() == "2027-11-24T10:00:00Z");
        Assert.Equal("self", answer.GetProperty("links")[0].GetProperty("rel").GetString());
        Assert.Equal("Test Registrar", Card(Entity(answer, "registrar"))["fn"][3].GetString());
    }

    [Fact]
    public void A_kz_answer_shows_the_organisation_and_country_and_empties_or_removes_the_rest_each_named_with_its_rule_KZ_App_10_3()
    {
        var answer = Answer(Held("shop.kz", "shop.kz", "kz", Company()));

        var card = Card(Entity(answer, "registrant"));
        Assert.Equal("Company LLP", card["org"][3].GetString());
        Assert.Equal("KZ", card["adr"][1].GetProperty("cc").GetString());
        Assert.All(card["adr"][3].EnumerateArray(), part => Assert.Equal("", part.GetString()));
        Assert.False(card.ContainsKey("email") || card.ContainsKey("tel"));
        var street = Redaction(answer, "Registrant Street");
        Assert.Equal(("emptyValue", "KZ-App-10.3"), (street.GetProperty("method").GetString(), street.GetProperty("reason").GetProperty("description").GetString()![..11]));
        Assert.Equal("$.entities[?(@.roles[0]=='registrant')].vcardArray[1][?(@[0]=='adr')][3][2]", street.GetProperty("postPath").GetString());
        Assert.Equal("removal", Redaction(answer, "Registrant Email").GetProperty("method").GetString());
        Assert.Equal("removal", Redaction(answer, "Registrant Phone").GetProperty("method").GetString());
    }

    [Fact]
    public void A_kz_natural_persons_name_stays_as_an_empty_formatted_name_that_the_answer_says_was_emptied_KZ_App_10_3()
    {
        var answer = Answer(Held("shop.kz", "shop.kz", "kz", Person()));

        Assert.Equal("", Card(Entity(answer, "registrant"))["fn"][3].GetString());
        var name = Redaction(answer, "Registrant Name");
        Assert.Equal("emptyValue", name.GetProperty("method").GetString());
        Assert.Equal("$.entities[?(@.roles[0]=='registrant')].vcardArray[1][?(@[0]=='fn')][3]", name.GetProperty("postPath").GetString());
        Assert.DoesNotContain("Aigerim", answer.GetRawText());
        Assert.DoesNotContain("Abay", answer.GetRawText());
    }

    [Fact]
    public void A_kz_companys_withheld_contact_person_is_a_formatted_name_replaced_by_the_organisation_not_a_removed_one_RFC_9537_section_3_3()
    {
        var answer = Answer(Held("shop.kz", "shop.kz", "kz", Company() with { FullName = "Aigerim Serikovna" }));

        Assert.Equal("Company LLP", Card(Entity(answer, "registrant"))["fn"][3].GetString());
        var name = Redaction(answer, "Registrant Name");
        Assert.Equal("replacementValue", name.GetProperty("method").GetString());
        Assert.Equal("$.entities[?(@.roles[0]=='registrant')].vcardArray[1][?(@[0]=='fn')][3]", name.GetProperty("postPath").GetString());
        Assert.Equal("$.entities[?(@.roles[0]=='registrant')].vcardArray[1][?(@[0]=='org')][3]", name.GetProperty("replacementPath").GetString());
        Assert.False(name.TryGetProperty("prePath", out _));
        Assert.DoesNotContain("Aigerim", answer.GetRawText());
    }

    [Theory]
    [InlineData("shop.com.ua", "com.ua")]
    [InlineData("shop.ua", "ua")]
    public void A_ua_answer_has_no_registrant_entity_and_names_every_removed_personal_field_with_UA_1_15(string domain, string zone)
    {
        var answer = Answer(Held(domain, domain, zone, Person("UA")));

        RdapShape.AssertDomainResponse(answer);
        Assert.DoesNotContain(answer.GetProperty("entities").EnumerateArray(), e => e.GetProperty("roles")[0].GetString() == "registrant");
        foreach (var name in new[] { "Registrant Name", "Registrant Street", "Registrant City", "Registrant Postal Code", "Registrant Email", "Registrant Phone" })
        {
            var entry = Redaction(answer, name);
            Assert.Equal("removal", entry.GetProperty("method").GetString());
            Assert.StartsWith("UA-1.15: ", entry.GetProperty("reason").GetProperty("description").GetString());
        }
        foreach (var secret in new[] { "Aigerim", "aigerim@mail.example", "7012345678", "Abay", "050000" })
            Assert.DoesNotContain(secret, answer.GetRawText());
        Assert.Contains(answer.GetProperty("notices")[0].GetProperty("description").EnumerateArray(), d => d.GetString()!.StartsWith("UA-1.15: "));
    }

    [Theory]
    [InlineData("shop.kz", "kz")]
    [InlineData("shop.com.ua", "com.ua")]
    public void The_name_servers_set_at_the_registry_are_nameserver_objects_with_an_idn_hosts_unicode_name_RFC_9083_section_5_2(string domain, string zone)
    {
        var answer = Answer(Held(domain, domain, zone, null, nameServers: ["ns1.example.net", "ns2.xn--e1afmkfd.xn--80ao21a"]));

        RdapShape.AssertDomainResponse(answer);
        var nameservers = answer.GetProperty("nameservers").EnumerateArray().ToList();
        Assert.Equal(["nameserver", "nameserver"], nameservers.Select(n => n.GetProperty("objectClassName").GetString()));
        Assert.Equal(["ns1.example.net", "ns2.xn--e1afmkfd.xn--80ao21a"], nameservers.Select(n => n.GetProperty("ldhName").GetString()));
        Assert.False(nameservers[0].TryGetProperty("unicodeName", out _));
        Assert.Equal("ns2.пример.қаз", nameservers[1].GetProperty("unicodeName").GetString());
    }

    [Fact]
    public void A_zone_that_does_not_publish_name_servers_has_no_nameservers_member_and_names_it_as_removed_KZ_App_10_3()
    {
        var closed = new WhoisPublication(ZoneCatalog.Parse(ZoneCatalogText().Replace("\"Expiry\", \"NameServers\", \"Registrar\"", "\"Expiry\", \"Registrar\"")));
        var answer = JsonDocument.Parse(RdapDomainDocument.Build(closed.Decide(Held("shop.kz", "shop.kz", "kz", null, nameServers: ["ns1.example.net"])),
            "Test Registrar", "https://rdap.example/api/rdap/domain/x", Now).ToJsonString()).RootElement;

        RdapShape.AssertDomainResponse(answer);
        Assert.False(answer.TryGetProperty("nameservers", out _));
        Assert.Equal("$.nameservers", Redaction(answer, "Name Servers").GetProperty("prePath").GetString());
    }

    private static string ZoneCatalogText()
    {
        using var stream = typeof(ZoneCatalog).Assembly.GetManifestResourceStream("Registrar.Core.Zones.zones.json")!;
        return new StreamReader(stream).ReadToEnd();
    }

    [Fact]
    public void An_internationalised_name_is_answered_with_its_a_label_as_ldh_name_and_its_u_label_as_unicode_name()
    {
        var answer = Answer(Held("xn--e1afmkfd.xn--80ao21a", "пример.қаз", "қаз", null));

        RdapShape.AssertDomainResponse(answer);
        Assert.Equal(("xn--e1afmkfd.xn--80ao21a", "пример.қаз"), (answer.GetProperty("ldhName").GetString(), answer.GetProperty("unicodeName").GetString()));
        Assert.False(answer.TryGetProperty("redacted", out _));
    }
}
