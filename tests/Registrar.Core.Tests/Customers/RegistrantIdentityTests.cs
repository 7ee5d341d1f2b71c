using Registrar.Core.Customers;

namespace Registrar.Core.Tests.Customers;

/// <summary>KZ-2.4: a registrant change hands the domain to another holder; KZ-2.3: new details of the same holder are a contact change.</summary>
public sealed class RegistrantIdentityTests
{
    private static readonly RegistrantData Taras = RegistrantDataRulesTests.CompletePerson();

    [Fact]
    public void The_same_kind_and_name_is_the_same_registrant_whatever_the_case_spacing_or_contact_details_KZ_2_4()
    {
        var sameWrittenOtherwise = Taras with { FullName = "  шевченко   ТАРАС Григорович ", Email = "new@example.com.ua", Phone = "+380.449999999" };

        Assert.True(Taras.IsSameRegistrantAs(sameWrittenOtherwise));
    }

    [Fact]
    public void Another_name_or_kind_is_another_registrant_KZ_2_4()
    {
        var company = Taras with { Kind = RegistrantKind.LegalEntity, Organization = "ТОВ «Кобзар»", FullName = null };

        Assert.False(Taras.IsSameRegistrantAs(Taras with { FullName = "Шевченко Тарас" }));
        Assert.False(Taras.IsSameRegistrantAs(company));
        Assert.False(company.IsSameRegistrantAs(company with { Organization = "ТОВ «Кобзар-2»" }));
        Assert.False(Taras.IsSameRegistrantAs(Taras with { Kind = RegistrantKind.LegalEntity }));
    }
}
