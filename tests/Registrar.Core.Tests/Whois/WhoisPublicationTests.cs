using Registrar.Core.Registrations;
using Registrar.Core.Tests.Zones;
using Registrar.Core.Whois;
using Registrar.Core.Zones;
using static Registrar.Core.Tests.Whois.WhoisSamples;

namespace Registrar.Core.Tests.Whois;

/// <summary>Which fields of a registration the public WHOIS/RDAP answer shows: the zone's policy decides (KZ-App-10.3),
/// and a .ua answer never shows the registrant's personal data (UA-1.15).</summary>
public sealed class WhoisPublicationTests
{
    private static readonly WhoisField[] Personal =
        [WhoisField.RegistrantName, WhoisField.RegistrantAddress, WhoisField.RegistrantEmail, WhoisField.RegistrantPhone];

    private readonly WhoisPublication publication = new(ZoneCatalog.LoadEmbedded());

    [Theory]
    [InlineData("shop.ua", "ua")]
    [InlineData("shop.com.ua", "com.ua")]
    [InlineData("shop.kiev.ua", "kiev.ua")]
    [InlineData("shop.kyiv.ua", "kyiv.ua")]
    public void A_ua_answer_never_shows_the_registrants_personal_data_though_the_registrant_did_not_ask_UA_1_15(string domain, string zone)
    {
        var record = publication.Decide(Held(domain, zone, Person("UA")));

        Assert.Null(record.Registrant);
        foreach (var field in Personal)
            Assert.Contains(record.Withheld, w => w.Field == field && w.Rule == "UA-1.15" && w.Reason.Contains("whether or not the registrant asked"));
    }

    [Fact]
    public void The_public_handle_does_not_show_which_domains_one_order_bought_so_a_ua_registrant_is_linked_to_no_other_domain_UA_1_15()
    {
        // One order of a company: its .kz domain publishes the organisation (KZ-App-10.3), its .com.ua domain must not (UA-1.15).
        var kz = publication.Decide(new RegisteredDomain(View("shop.kz", "kz", registrationId: "O1a2b3c4d5e6f7a8b-1"), Company()));
        var ua = publication.Decide(new RegisteredDomain(View("shop.com.ua", "com.ua", registrationId: "O1a2b3c4d5e6f7a8b-2"), Company("UA")));

        Assert.Equal("Company LLP", kz.Registrant!.Organization);
        Assert.DoesNotContain("1a2b3c4d5e6f7a8b", kz.Handle, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("1a2b3c4d5e6f7a8b", ua.Handle, StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(kz.Handle, ua.Handle);
        // Still the one identifier of the domain object (RFC 9083 5.3): the same registration answers with the same handle.
        Assert.Equal(ua.Handle, publication.Decide(new RegisteredDomain(View("shop.com.ua", "com.ua", registrationId: "O1a2b3c4d5e6f7a8b-2"), null)).Handle);
    }

    [Fact]
    public void A_ua_answer_still_shows_the_domain_its_status_expiry_and_registrar_UA_1_15()
    {
        var record = publication.Decide(Held("shop.com.ua", "com.ua", Company("UA")));

        Assert.Equal(["active"], record.Statuses);
        Assert.Equal(Expiry, record.ExpiresAt);
        Assert.True(record.ShowsRegistrar);
        Assert.DoesNotContain(record.Withheld, w => w.Field is WhoisField.Status or WhoisField.Expiry or WhoisField.Registrar);
    }

    [Fact]
    public void A_ua_legal_entitys_organisation_and_country_are_withheld_because_the_ua_policy_does_not_list_them_UA_1_15()
    {
        var record = publication.Decide(Held("shop.com.ua", "com.ua", Company("UA")));

        Assert.Null(record.Registrant);
        Assert.Contains(record.Withheld, w => w.Field == WhoisField.RegistrantOrganization && w.Rule == "UA-1.15" && w.Reason.Contains("policy"));
        Assert.Contains(record.Withheld, w => w.Field == WhoisField.RegistrantCountry && w.Rule == "UA-1.15");
    }

    [Theory]
    [InlineData("shop.kz", "kz")]
    [InlineData("дүкен.қаз", "қаз")]
    public void A_kz_answer_shows_the_organisation_and_country_the_zone_publishes_and_withholds_the_rest_KZ_App_10_3(string domain, string zone)
    {
        var record = publication.Decide(Held(domain, zone, Company()));

        Assert.Equal(new PublishedRegistrant(null, "Company LLP", "KZ", null, null, null), record.Registrant);
        foreach (var field in Personal)
            Assert.Contains(record.Withheld, w => w.Field == field && w.Rule == "KZ-App-10.3");
        Assert.Equal("KZ-App-10.3", record.PolicyRule);
    }

    [Fact]
    public void A_kz_zone_that_publishes_the_registrants_name_shows_it_the_zone_decides_KZ_App_10_3()
    {
        var opened = new WhoisPublication(ZoneCatalog.Parse(ZoneData.Shipped().Replace(
            "\"alwaysHidePersonalData\": false, \"publishedFields\": [\"DomainName\"",
            "\"alwaysHidePersonalData\": false, \"publishedFields\": [\"RegistrantName\", \"RegistrantEmail\", \"DomainName\"")));

        var record = opened.Decide(Held("shop.kz", "kz", Person()));

        Assert.Equal("Aigerim Serikovna", record.Registrant!.Name);
        Assert.Equal("aigerim@mail.example", record.Registrant.Email);
        Assert.Null(record.Registrant.Phone);
        Assert.Null(record.Registrant.Address);
        Assert.Contains(record.Withheld, w => w.Field == WhoisField.RegistrantPhone);
    }

    [Fact]
    public void A_natural_persons_organisation_line_is_shown_only_where_their_name_would_be_KZ_App_10_3()
    {
        var record = publication.Decide(Held("shop.kz", "kz", Person()));

        Assert.Equal(new PublishedRegistrant(null, null, "KZ", null, null, null), record.Registrant);
        Assert.Contains(record.Withheld, w => w.Field == WhoisField.RegistrantOrganization && w.Rule == "KZ-App-10.3");
    }

    [Fact]
    public void A_registrant_given_as_a_nic_handle_has_nothing_here_to_show_or_withhold_UA_1_13()
    {
        var record = publication.Decide(Held("shop.kz", "kz", registrant: null));

        Assert.Null(record.Registrant);
        Assert.DoesNotContain(record.Withheld, w => RegistrantFields.Contains(w.Field));
    }

    [Fact]
    public void An_internationalised_name_is_answered_in_both_forms()
    {
        var view = new RegistrationView("O0000000000000001-1", "cust-1", "xn--e1afmkfd.xn--80ao21a", "пример.қаз", "қаз", RegistrationPhase.Registered, Expiry);

        var record = publication.Decide(new RegisteredDomain(view, null));

        Assert.True(record.IsIdn);
        Assert.Equal(("xn--e1afmkfd.xn--80ao21a", "пример.қаз", "қаз"), (record.AsciiName, record.UnicodeName, record.Zone));
    }
}
