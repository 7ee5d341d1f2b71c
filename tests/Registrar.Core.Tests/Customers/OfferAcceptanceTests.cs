using Registrar.Core.Customers;

namespace Registrar.Core.Tests.Customers;

public sealed class OfferAcceptanceTests
{
    private static readonly DateTimeOffset Accepted = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_recorded_acceptance_with_consent_allows_registration_UA_Pre_5()
    {
        var acceptance = new OfferAcceptance("ua-offer-2025-01", Accepted, "cust-1", PersonalDataConsent: true);

        Assert.Empty(OfferAcceptance.Check(acceptance, RegistrantKind.NaturalPerson, "acceptance"));
    }

    [Fact]
    public void No_registration_without_a_recorded_acceptance_of_the_offer_UA_Pre_5_UA_2_1_1()
    {
        Assert.Contains("acceptance", OfferAcceptance.Check(null, RegistrantKind.LegalEntity, "acceptance").Keys);
        Assert.Contains("acceptance.offerVersion",
            OfferAcceptance.Check(new OfferAcceptance("", Accepted, "c", true), RegistrantKind.LegalEntity, "acceptance").Keys);
    }

    [Fact]
    public void A_natural_person_must_consent_to_personal_data_processing_but_a_company_need_not_UA_Pre_5()
    {
        var withoutConsent = new OfferAcceptance("v1", Accepted, "cust-1", PersonalDataConsent: false);

        Assert.Contains("acceptance.personalDataConsent",
            OfferAcceptance.Check(withoutConsent, RegistrantKind.NaturalPerson, "acceptance").Keys);
        Assert.Empty(OfferAcceptance.Check(withoutConsent, RegistrantKind.LegalEntity, "acceptance"));
    }
}
