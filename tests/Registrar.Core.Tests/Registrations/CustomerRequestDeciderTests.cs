using Registrar.Core.Registrations;
using Registrar.Core.Requests;

namespace Registrar.Core.Tests.Registrations;

public sealed class CustomerRequestDeciderTests
{
    private static readonly DateTimeOffset Expiry = new(2027, 6, 15, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Expiry.AddMonths(-6);

    [Theory]
    [InlineData("kz")]
    [InlineData("com.ua")]
    public void An_unproved_request_mails_a_confirmation_to_the_contact_email_and_changes_nothing_KZ_5_3_UA_4_7(string zone)
    {
        var domain = RegisteredDomain.Expiring(zone, Expiry);

        var sent = domain.Raise(new CustomerRequestMade("request:r-1", "r-1", new EarlyDeletionRequest()), Now);

        var notice = Assert.IsType<SendNotice>(Assert.Single(sent));
        Assert.Equal(NoticeKind.RequestConfirmation, notice.Kind);
        Assert.Equal("owner@example.test", notice.To);
        Assert.Equal("r-1", notice.Facts!.RequestId);
        Assert.Equal("early-deletion", notice.Facts.RequestKind);
        Assert.Equal(RegistrationPhase.Registered, domain.State.Phase);
    }

    [Theory]
    [InlineData(RequestProof.ContactEmail)]
    [InlineData(RequestProof.SignedContract)]
    [InlineData(RequestProof.IdentityDocuments)]
    public void Early_deletion_proved_from_the_contact_email_or_papers_deletes_at_the_registry_UA_1_5_6_UA_1_5_8(RequestProof proof)
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);

        var sent = domain.Raise(new CustomerRequestProved("proved:r-1", "r-1", new EarlyDeletionRequest(), proof), Now);

        var delete = Assert.IsType<DeleteDomain>(Assert.Single(sent));
        Assert.Equal("example.com.ua", delete.DomainName);
        Assert.Equal(RegistrationPhase.Deleting, domain.State.Phase);
        Assert.Equal("r-1", domain.State.DeletionRequestId);
    }

    [Fact]
    public void An_early_deletion_ends_deleted_with_its_own_notice_and_no_more_reminders_UA_1_5_6()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);
        domain.Raise(new CustomerRequestProved("proved:r-1", "r-1", new EarlyDeletionRequest(), RequestProof.ContactEmail), Now);

        var sent = domain.Answer(new DomainDeleted(), Now.AddMinutes(1));

        Assert.Equal(NoticeKind.DeletedOnRequest, Assert.IsType<SendNotice>(Assert.Single(sent)).Kind);
        Assert.Equal(RegistrationPhase.Deleted, domain.State.Phase);
        Assert.True(domain.IsTerminal);
        Assert.Null(domain.WakeAt);
    }

    [Fact]
    public void A_signed_in_session_does_not_prove_abandoning_a_domain_UA_1_5_8()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);

        var sent = domain.Raise(new CustomerRequestProved("proved:r-1", "r-1", new EarlyDeletionRequest(), RequestProof.SignedInSession), Now);

        Assert.IsType<FlagForOperations>(Assert.Single(sent));
        Assert.Equal(RegistrationPhase.Registered, domain.State.Phase);
        Assert.Null(domain.State.DeletionRequestId);
    }

    [Fact]
    public void Which_proof_each_kind_accepts_KZ_5_3_UA_4_7_UA_1_5_8()
    {
        var deletion = new EarlyDeletionRequest();

        Assert.True(RequestProofs.Accepts(deletion, RequestProof.ContactEmail));
        Assert.True(RequestProofs.Accepts(deletion, RequestProof.SignedContract));
        Assert.True(RequestProofs.Accepts(deletion, RequestProof.IdentityDocuments));
        Assert.False(RequestProofs.Accepts(deletion, RequestProof.SignedInSession));
        Assert.True(RequestProofs.IsRecordedByOperations(RequestProof.IdentityDocuments));
        Assert.False(RequestProofs.IsRecordedByOperations(RequestProof.ContactEmail));
    }

    [Fact]
    public void A_request_for_a_domain_not_held_at_the_registry_is_not_carried_out_UA_1_5_6()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);
        domain.Raise(new CustomerRequestProved("proved:r-1", "r-1", new EarlyDeletionRequest(), RequestProof.ContactEmail), Now);

        var again = domain.Raise(new CustomerRequestProved("proved:r-2", "r-2", new EarlyDeletionRequest(), RequestProof.ContactEmail), Now);
        var made = domain.Raise(new CustomerRequestMade("request:r-3", "r-3", new EarlyDeletionRequest()), Now);

        Assert.Equal(RequestRefusalReason.DomainNotHeld, Assert.IsType<SendNotice>(Assert.Single(again)).Facts!.Refusal);
        Assert.Equal(RequestRefusalReason.DomainNotHeld, Assert.IsType<SendNotice>(Assert.Single(made)).Facts!.Refusal);
        Assert.Equal("r-1", domain.State.DeletionRequestId);
    }

    [Fact]
    public void An_unpaid_domain_deleted_at_expiry_still_gets_the_lapsed_notice_KZ_2_8()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);
        domain.LiveUntil(Expiry);

        domain.Answer(new DomainDeleted(), Expiry.AddMinutes(1));

        Assert.Single(domain.Notices(NoticeKind.Deleted));
        Assert.Empty(domain.Notices(NoticeKind.DeletedOnRequest));
    }

    [Theory]
    [InlineData("dns-change", "serverUpdateProhibited")]
    [InlineData("registrant-contact-change", "serverUpdateProhibited")]
    [InlineData("early-deletion", "serverDeleteProhibited")]
    public void A_change_the_registrys_own_status_forbids_is_refused_and_the_customer_told_and_one_it_allows_goes_on_RFC_5731_2_3(string kind, string status)
    {
        CustomerRequest request = kind switch
        {
            "dns-change" => new DnsChangeRequest(["ns1.example.net", "ns2.example.net"]),
            "registrant-contact-change" => new RegistrantContactChangeRequest(null!),
            _ => new EarlyDeletionRequest(),
        };
        var domain = RegisteredDomain.Expiring("kz", Expiry);
        domain.Raise(new RegistryObserved("observed:1", new DomainInfo(true, true, "H-1", Expiry, ["serverHold", status]), Now), Now);

        var refused = domain.Raise(new CustomerRequestProved("proved:r-1", "r-1", request, RequestProof.ContactEmail), Now);

        var told = Assert.IsType<SendNotice>(Assert.Single(refused));
        Assert.Equal((NoticeKind.RequestRefused, RequestRefusalReason.RegistryProhibits), (told.Kind, told.Facts!.Refusal));
        Assert.Contains(status, CustomerRequestRefusals.Of(request, domain.Views[^1], RegisteredDomain.Schedule)!.Detail);
        // The registrar's own client statuses, and the registry's ban on another change, stand in no way of it.
        Assert.Null(CustomerRequestRefusals.Of(request, domain.Views[^1] with { RegistryStatuses = ["clientUpdateProhibited", "clientDeleteProhibited", "serverTransferProhibited"] }, RegisteredDomain.Schedule));
        Assert.Null(CustomerRequestRefusals.Of(new TransferCodeRequest(), domain.Views[^1], RegisteredDomain.Schedule));
    }
}
