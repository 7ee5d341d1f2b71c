using Registrar.Core.Registrations;
using Registrar.Core.Tests.Zones;
using Registrar.Core.Whois;
using Registrar.Core.Zones;
using static Registrar.Core.Tests.Whois.WhoisSamples;

namespace Registrar.Core.Tests.Whois;

/// <summary>The domain's current name servers are shown where the zone publishes them (KZ-App-10.3, RFC 9083 section 5.2).</summary>
public sealed class PublishedNameServerTests
{
    private readonly WhoisPublication publication = new(ZoneCatalog.LoadEmbedded());

    private static RegisteredDomain Delegated(string domain, string zone, params string[] nameServers) =>
        new(View(domain, zone) with { NameServers = nameServers }, null);

    [Theory]
    [InlineData("shop.kz", "kz")]
    [InlineData("shop.ua", "ua")]
    [InlineData("shop.com.ua", "com.ua")]
    public void A_zone_that_publishes_name_servers_shows_the_domains_current_ones_KZ_App_10_3(string domain, string zone)
    {
        var record = publication.Decide(Delegated(domain, zone, "ns1.example.net", "ns2.example.net"));

        Assert.Equal([new PublishedNameServer("ns1.example.net", null), new PublishedNameServer("ns2.example.net", null)], record.NameServers);
        Assert.DoesNotContain(record.Withheld, w => w.Field == WhoisField.NameServers);
    }

    [Fact]
    public void A_zone_that_does_not_list_name_servers_does_not_show_them_and_says_so_KZ_App_10_3()
    {
        var closed = new WhoisPublication(ZoneCatalog.Parse(ZoneData.Shipped().Replace("\"Expiry\", \"NameServers\", \"Registrar\"", "\"Expiry\", \"Registrar\"")));

        var record = closed.Decide(Delegated("shop.kz", "kz", "ns1.example.net", "ns2.example.net"));

        Assert.Null(record.NameServers);
        Assert.Contains(record.Withheld, w => w.Field == WhoisField.NameServers && w.Rule == "KZ-App-10.3");
    }

    [Fact]
    public void An_idn_name_server_is_given_in_its_a_label_and_u_label_forms_RFC_9083_section_5_2()
    {
        var record = publication.Decide(Delegated("shop.kz", "kz", "ns1.xn--e1afmkfd.xn--80ao21a", "NS2.Example.NET"));

        Assert.Equal([new PublishedNameServer("ns1.xn--e1afmkfd.xn--80ao21a", "ns1.пример.қаз"), new PublishedNameServer("ns2.example.net", null)],
            record.NameServers);
    }

    [Fact]
    public void Name_servers_not_known_yet_are_neither_shown_nor_withheld()
    {
        var record = publication.Decide(new RegisteredDomain(View("shop.kz", "kz", RegistrationPhase.Registered), null));

        Assert.Null(record.NameServers);
        Assert.DoesNotContain(record.Withheld, w => w.Field == WhoisField.NameServers);
    }
}
