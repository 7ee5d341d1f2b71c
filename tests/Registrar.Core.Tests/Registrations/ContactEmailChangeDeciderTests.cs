using Registrar.Core.Registrations;
using Registrar.Core.Requests;

namespace Registrar.Core.Tests.Registrations;

public sealed class ContactEmailChangeDeciderTests
{
    private static readonly DateTimeOffset Expiry = new(2027, 6, 15, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Expiry.AddMonths(-6);
    private static readonly ContactEmailChangeRequest Change = new("new-owner@example.test");

    [Theory]
    [InlineData("kz")]
    [InlineData("com.ua")]
    public void A_proved_contact_email_change_a_contract_asks_consent_to_waits_for_operations_and_changes_nothing_yet_UA_4_7_KZ_2_2(string zone)
    {
        var domain = RegisteredDomain.Expiring(zone, Expiry);

        var flag = Assert.IsType<FlagForOperations>(Assert.Single(domain.Raise(Proved(RequestProof.SignedInSession), Now)));

        Assert.Contains("UA-4.7", flag.Reason);
        Assert.Equal("owner@example.test", domain.State.Order!.ContactEmail);
        Assert.Equal(new ContactEmailChange("r-1", "new-owner@example.test"), domain.State.ContactEmailChange);
    }

    [Theory]
    [InlineData(RequestProof.SignedInSession)]
    [InlineData(RequestProof.ContactEmail)]
    public void A_contact_email_change_no_contract_asks_consent_to_changes_the_address_once_proved_and_tells_the_old_one_KZ_2_2_KZ_2_6(RequestProof proof)
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);

        var told = Assert.IsType<SendNotice>(Assert.Single(domain.Raise(Proved(proof) with { NoConsentNeeded = true }, Now)));

        Assert.Equal((NoticeKind.ContactEmailChanged, "owner@example.test"), (told.Kind, told.To));
        Assert.Equal("new-owner@example.test", told.Facts!.ContactEmail);
        // No consent was given, so the notice names no clause of one.
        Assert.Null(told.Facts.Clause);
        Assert.Equal("new-owner@example.test", domain.State.Order!.ContactEmail);
        Assert.Null(domain.State.ContactEmailChange);
    }

    [Fact]
    public void The_flag_for_operations_quotes_no_address_since_flags_and_review_items_outlive_the_erasure_of_personal_data_UA_Pre_6()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);

        var flag = Assert.IsType<FlagForOperations>(Assert.Single(domain.Raise(Proved(RequestProof.SignedInSession), Now)));

        // Operations read the requested address from the consent queue, whose request records are erased (UA-Pre-6).
        Assert.DoesNotContain("new-owner", flag.Reason);
        Assert.Contains("/api/ops/queues", flag.Reason);
    }

    [Fact]
    public void Approved_the_address_changes_the_old_one_is_told_and_later_notices_go_to_the_new_one_UA_4_7()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);
        domain.Raise(Proved(RequestProof.ContactEmail), Now);

        var told = Assert.IsType<SendNotice>(Assert.Single(domain.Raise(Reviewed(approved: true), Now.AddHours(1))));

        Assert.Equal((NoticeKind.ContactEmailChanged, "owner@example.test"), (told.Kind, told.To));
        Assert.Equal("new-owner@example.test", told.Facts!.ContactEmail);
        Assert.Equal("4.7", told.Facts.Clause);
        Assert.Equal("new-owner@example.test", domain.State.Order!.ContactEmail);
        Assert.Null(domain.State.ContactEmailChange);
        var next = Assert.IsType<SendNotice>(Assert.Single(domain.Raise(new CustomerRequestMade("request:r-2", "r-2", new EarlyDeletionRequest()), Now.AddHours(2))));
        Assert.Equal("new-owner@example.test", next.To);
    }

    [Fact]
    public void Refused_nothing_changes_and_the_customer_is_told_at_the_address_they_have_UA_4_7()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);
        domain.Raise(Proved(RequestProof.SignedInSession), Now);

        var told = Assert.IsType<SendNotice>(Assert.Single(domain.Raise(Reviewed(approved: false), Now.AddHours(1))));

        Assert.Equal((NoticeKind.ContactEmailChangeRefused, "owner@example.test"), (told.Kind, told.To));
        Assert.Equal("owner@example.test", domain.State.Order!.ContactEmail);
        Assert.Null(domain.State.ContactEmailChange);
    }

    [Fact]
    public void An_approval_of_a_change_the_registration_does_not_hold_changes_nothing_UA_4_7()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);

        Assert.IsType<FlagForOperations>(Assert.Single(domain.Raise(Reviewed(approved: true), Now)));

        Assert.Equal("owner@example.test", domain.State.Order!.ContactEmail);
    }

    [Fact]
    public void Papers_alone_do_not_prove_a_contact_email_change_KZ_5_3_UA_4_7()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);

        var flag = Assert.IsType<FlagForOperations>(Assert.Single(domain.Raise(Proved(RequestProof.IdentityDocuments), Now)));

        Assert.DoesNotContain("consent", flag.Reason);
        Assert.Null(domain.State.ContactEmailChange);
    }

    private static CustomerRequestProved Proved(RequestProof proof) => new("proved:r-1", "r-1", Change, proof, Now);

    private static ContactEmailChangeReviewed Reviewed(bool approved) =>
        new($"reviewed:r-1", "r-1", approved, "ops-1", Now.AddHours(1), approved ? "called the owner back" : "could not reach the owner");
}
