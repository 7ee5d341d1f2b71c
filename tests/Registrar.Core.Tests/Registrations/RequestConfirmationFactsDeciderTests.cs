using Registrar.Core.Customers;
using Registrar.Core.Registrations;
using Registrar.Core.Requests;

namespace Registrar.Core.Tests.Registrations;

/// <summary>UA-1.5.8, KZ-2.3, UA-4.7: the confirmation of a request carries what it would do, so the mail can say what is confirmed.</summary>
public sealed class RequestConfirmationFactsDeciderTests
{
    private static readonly DateTimeOffset Expiry = new(2027, 6, 15, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Expiry.AddMonths(-6);

    [Fact]
    public void A_termination_confirmation_carries_the_day_the_contract_ends_UA_1_5_8_UA_6_1()
    {
        var endsAt = Now.AddDays(20);

        Assert.Equal(endsAt, Confirmation("com.ua", new TerminationRequest(endsAt, "UA-6.1")).DeletionAt);
    }

    [Theory]
    [InlineData("ТОО Новый Владелец", null, "ТОО Новый Владелец")]
    [InlineData(null, "Олена Коваль", "Олена Коваль")]
    public void A_registrant_change_confirmation_carries_the_new_registrants_name_UA_1_5_8(string? organization, string? fullName, string name)
    {
        var registrant = new RegistrantData(organization is null ? RegistrantKind.NaturalPerson : RegistrantKind.LegalEntity,
            new PostalAddress("KZ", "010000", "Астана", "Астана", "Кенесары", "1"), "new@owner.example", "+7.7172000000", organization, fullName);

        Assert.Equal(name, Confirmation("kz", new RegistrantChangeRequest(registrant)).NewRegistrant);
    }

    [Fact]
    public void An_early_deletion_confirmation_carries_the_registrations_expiry_UA_1_5_6_UA_1_5_8()
    {
        Assert.Equal(Expiry, Confirmation("com.ua", new EarlyDeletionRequest()).ExpiresAt);
    }

    [Fact]
    public void A_dns_change_confirmation_carries_the_name_servers_asked_for_KZ_2_3()
    {
        Assert.Equal(["ns1.example.net", "ns2.example.net"], Confirmation("com.ua", new DnsChangeRequest(["ns1.example.net", "ns2.example.net"])).NameServers);
    }

    [Fact]
    public void A_contact_email_change_confirmation_carries_the_address_asked_for_UA_4_7()
    {
        Assert.Equal("new@owner.example", Confirmation("com.ua", new ContactEmailChangeRequest("new@owner.example")).ContactEmail);
    }

    [Fact]
    public void A_transfer_code_confirmation_names_its_kind_KZ_App_9()
    {
        var facts = Confirmation("kz", new TransferCodeRequest());

        Assert.Equal(("r-1", "transfer-code"), (facts.RequestId, facts.RequestKind));
    }

    private static NoticeFacts Confirmation(string zone, CustomerRequest request)
    {
        var domain = RegisteredDomain.Expiring(zone, Expiry);
        var notice = Assert.IsType<SendNotice>(Assert.Single(domain.Raise(new CustomerRequestMade("request:r-1", "r-1", request), Now)));
        Assert.Equal((NoticeKind.RequestConfirmation, "owner@example.test"), (notice.Kind, notice.To));
        return notice.Facts!;
    }
}
