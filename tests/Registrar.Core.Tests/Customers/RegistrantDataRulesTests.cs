using Registrar.Core.Customers;

namespace Registrar.Core.Tests.Customers;

public sealed class RegistrantDataRulesTests
{
    public static RegistrantData CompletePerson() => new(
        RegistrantKind.NaturalPerson,
        new PostalAddress("UA", "01001", "Київська", "Київ", "Хрещатик", "1", "5"),
        "taras@example.com.ua", "+380.441234567", FullName: "Шевченко Тарас Григорович");

    [Fact]
    public void Complete_registrant_data_is_accepted_UA_1_5_1()
    {
        Assert.Empty(RegistrantDataRules.Check(CompletePerson(), "registrant"));
    }

    [Fact]
    public void New_contact_details_are_checked_as_a_registration_checks_them_each_wrong_field_named_KZ_2_3()
    {
        var complete = CompletePerson();
        Assert.Empty(RegistrantDataRules.CheckContact(new RegistrantContact(complete.Address, complete.Email, complete.Phone), "contact"));

        var errors = RegistrantDataRules.CheckContact(
            new RegistrantContact(complete.Address with { City = "", Office = new string('x', 256) }, "taras@", "+380 44 123 45 67"), "contact");

        Assert.Equal(["contact.address.city", "contact.address.office", "contact.email", "contact.phone"], errors.Keys.Order());
    }

    [Fact]
    public void Incomplete_registrant_data_is_refused_with_every_missing_field_named_UA_1_5_1_UA_2_2_1()
    {
        var data = CompletePerson() with
        {
            FullName = " ",
            Address = new PostalAddress("XX", "", "", "Київ", "", "", null),
            Email = "not-an-email",
            Phone = "0441234567",
        };

        var errors = RegistrantDataRules.Check(data, "registrant");

        Assert.Equal(
            new[]
            {
                "registrant.address.building", "registrant.address.country", "registrant.address.postalCode",
                "registrant.address.region", "registrant.address.street", "registrant.email", "registrant.fullName",
                "registrant.phone",
            },
            errors.Keys.Order());
    }

    [Fact]
    public void A_legal_entity_must_name_its_organisation_UA_1_5_1()
    {
        var entity = CompletePerson() with { Kind = RegistrantKind.LegalEntity, Organization = null };

        Assert.Contains("registrant.organization", RegistrantDataRules.Check(entity, "registrant").Keys);
        Assert.Empty(RegistrantDataRules.Check(entity with { Organization = "ТОВ Приклад" }, "registrant"));
    }

    [Theory]
    [InlineData("ABC-123", true)]
    [InlineData("ua_nic01", true)]
    [InlineData("ab", false)]
    [InlineData("-abc", false)]
    [InlineData("this-handle-is-too-long", false)]
    [InlineData("a b c", false)]
    public void An_existing_nic_handle_must_have_the_registry_contact_id_form_UA_1_13(string handle, bool valid)
    {
        Assert.Equal(valid, NicHandle.IsValid(handle));
    }

    [Fact]
    public void The_technical_contact_is_the_registrant_the_registrar_or_a_named_person_UA_1_14()
    {
        Assert.Empty(TechnicalContact.Check(TechnicalContact.Registrant, "tech"));
        Assert.Empty(TechnicalContact.Check(new TechnicalContact(TechnicalContactKind.Registrar, null), "tech"));
        Assert.Empty(TechnicalContact.Check(new TechnicalContact(TechnicalContactKind.Person, CompletePerson()), "tech"));

        Assert.Contains("tech.person", TechnicalContact.Check(new TechnicalContact(TechnicalContactKind.Person, null), "tech").Keys);
        Assert.Contains("tech.person.phone",
            TechnicalContact.Check(new TechnicalContact(TechnicalContactKind.Person, CompletePerson() with { Phone = "" }), "tech").Keys);
    }

    [Fact]
    public void An_email_local_part_longer_than_64_characters_is_refused_RFC_5321()
    {
        var errors = RegistrantDataRules.Check(CompletePerson() with { Email = new string('a', 300) + "@example.com" }, "registrant");

        Assert.Contains("registrant.email", errors.Keys);
        Assert.Empty(RegistrantDataRules.Check(CompletePerson() with { Email = new string('a', 64) + "@example.com" }, "registrant"));
    }

    [Theory]
    [InlineData("Шевченко\r\nBcc: all@example.com")]
    [InlineData("Шевченко\u0000Тарас")]
    public void A_name_with_a_line_break_or_control_character_is_refused(string fullName)
    {
        Assert.Contains("registrant.fullName", RegistrantDataRules.Check(CompletePerson() with { FullName = fullName }, "registrant").Keys);
    }

    [Fact]
    public void Every_stored_address_field_has_a_limit()
    {
        var huge = new string('x', 40_000);
        var address = CompletePerson().Address with { PostalCode = huge, Office = huge };

        var errors = RegistrantDataRules.Check(CompletePerson() with { Address = address }, "registrant");

        Assert.Contains("registrant.address.postalCode", errors.Keys);
        Assert.Contains("registrant.address.office", errors.Keys);
    }
}
