using Registrar.Core.Customers;

namespace Registrar.Core.Tests.Customers;

public sealed class OfferAcceptanceTests
{
    private static readonly DateTimeOffset Claimed = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ServerNow = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_recorded_acceptance_with_consent_allows_registration_UA_Pre_5()
    {
        var acceptance = new OfferAcceptanceRequest("ua-offer-2025-01", PersonalDataConsent: true);

        Assert.Empty(OfferAcceptance.Check(acceptance, RegistrantKind.NaturalPerson, "cust-1", "acceptance"));
    }

    [Fact]
    public void No_registration_without_a_recorded_acceptance_of_the_offer_UA_Pre_5_UA_2_1_1()
    {
        Assert.Contains("acceptance", OfferAcceptance.Check(null, RegistrantKind.LegalEntity, "c", "acceptance").Keys);
        Assert.Contains("acceptance.offerVersion",
            OfferAcceptance.Check(new OfferAcceptanceRequest("", true), RegistrantKind.LegalEntity, "c", "acceptance").Keys);
    }

    [Fact]
    public void A_natural_person_must_consent_to_personal_data_processing_but_a_company_need_not_UA_Pre_5()
    {
        var withoutConsent = new OfferAcceptanceRequest("v1", PersonalDataConsent: false);

        Assert.Contains("acceptance.personalDataConsent",
            OfferAcceptance.Check(withoutConsent, RegistrantKind.NaturalPerson, "cust-1", "acceptance").Keys);
        Assert.Empty(OfferAcceptance.Check(withoutConsent, RegistrantKind.LegalEntity, "cust-1", "acceptance"));
    }

    [Fact]
    public void An_acceptance_naming_another_account_than_the_authenticated_customer_is_refused_UA_2_1_1()
    {
        var forSomeoneElse = new OfferAcceptanceRequest("v1", true, AccountId: "cust-2");

        Assert.Contains("acceptance.accountId", OfferAcceptance.Check(forSomeoneElse, RegistrantKind.NaturalPerson, "cust-1", "acceptance").Keys);
        Assert.Empty(OfferAcceptance.Check(forSomeoneElse with { AccountId = "cust-1" }, RegistrantKind.NaturalPerson, "cust-1", "acceptance"));
    }

    [Fact]
    public void The_recorded_acceptance_is_the_authenticated_customers_at_the_servers_time_and_the_client_time_only_a_claim_UA_2_1_1()
    {
        var recorded = OfferAcceptance.Record(new OfferAcceptanceRequest("v1", true, AcceptedAt: Claimed), "cust-1", ServerNow, "003_bcd5c043e548e63f");

        Assert.Equal(new OfferAcceptance("v1", ServerNow, "cust-1", true, ClaimedAcceptedAt: Claimed, OfferInForce: "003_bcd5c043e548e63f"), recorded);
    }

    [Theory]
    [InlineData(65, "v")]
    [InlineData(1, "v1\r\nX-Injected: yes")]
    public void An_offer_version_is_short_and_on_one_line(int repeat, string text)
    {
        var acceptance = new OfferAcceptanceRequest(string.Concat(Enumerable.Repeat(text, repeat)), true);

        Assert.Contains("acceptance.offerVersion", OfferAcceptance.Check(acceptance, RegistrantKind.LegalEntity, "c", "acceptance").Keys);
    }
}
