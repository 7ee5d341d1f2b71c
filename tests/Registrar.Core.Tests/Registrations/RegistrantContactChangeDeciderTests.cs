using Registrar.Core.Customers;
using Registrar.Core.Registrations;
using Registrar.Core.Requests;

namespace Registrar.Core.Tests.Registrations;

public sealed class RegistrantContactChangeDeciderTests
{
    private static readonly DateTimeOffset Expiry = new(2027, 6, 15, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Expiry.AddMonths(-6);

    private static readonly RegistrantData Owner = new(RegistrantKind.NaturalPerson,
        new PostalAddress("KZ", "010000", "Астана", "Астана", "Кенесары", "5"), "owner@example.test", "+7.7172123456", FullName: "Иванов Иван");

    private static readonly RegistrantContactChangeRequest Change = new(new RegistrantContact(
        new PostalAddress("KZ", "050000", "Алматы", "Алматы", "Абая", "10", "кв. 4"), "moved@example.test", "+7.7272555555"));

    [Fact]
    public void A_kz_contact_change_proved_by_a_session_updates_the_registry_contact_at_once_and_tells_the_customer_KZ_2_3()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry, registrant: Owner);
        var wakeBefore = domain.WakeAt;

        var update = Assert.IsType<UpdateRegistrantContact>(Assert.Single(domain.Raise(Proved(RequestProof.SignedInSession), Now)));
        Assert.Equal(("H-1", Change.Contact), (update.Handle, update.Contact));
        Assert.Null(domain.State.RegistrantContactChange!.DueBy);
        Assert.Equal(wakeBefore, domain.WakeAt);

        var answered = domain.Answer(new RegistrantContactUpdated(), Now.AddMinutes(1));
        var notice = Assert.Single(answered.OfType<SendNotice>());

        Assert.Equal((NoticeKind.RegistrantContactChanged, "owner@example.test", "r-1"), (notice.Kind, notice.To, notice.Facts!.RequestId));
        // The registrant is the same person, reachable at the new address: only the contact details changed.
        Assert.Equal(Owner.WithContact(Change.Contact), domain.State.Order!.Registrant);
        // KZ-App-10.3: WHOIS publishes the details the registration holds now (for .kz, the registrant's country).
        Assert.Equal(Owner.WithContact(Change.Contact), Assert.Single(answered.OfType<RecordRegistrant>()).Registrant);
        Assert.Equal(2, answered.Count);
        Assert.Equal("Иванов Иван", domain.State.Order.Registrant!.FullName);
        Assert.Equal("H-1", domain.State.RegistrantHandle);
        Assert.Null(domain.State.RegistrantContactChange);
        Assert.Null(domain.State.AwaitedCommandId);
    }

    [Fact]
    public void A_contact_the_losing_registrar_still_holds_after_a_transfer_in_is_replaced_by_ours_and_the_registration_keeps_its_handle_KZ_2_3()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry, registrant: Owner);

        var update = Assert.IsType<UpdateRegistrantContact>(Assert.Single(domain.Raise(Proved(RequestProof.SignedInSession), Now)));
        Assert.Equal(Owner.WithContact(Change.Contact), update.Registrant);
        var answered = domain.Answer(new RegistrantChanged("OURS-1"), Now.AddMinutes(1));

        Assert.Equal(NoticeKind.RegistrantContactChanged, Assert.Single(answered.OfType<SendNotice>()).Kind);
        Assert.Equal(("OURS-1", "OURS-1"), (domain.State.RegistrantHandle, domain.State.Order!.RegistrantHandle));
        Assert.Equal(Owner.WithContact(Change.Contact), domain.State.Order.Registrant);
        Assert.Null(domain.State.RegistrantContactChange);
    }

    [Fact]
    public void A_registrant_given_as_a_nic_handle_has_its_contact_updated_and_nothing_kept_to_publish_KZ_2_3()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);

        Assert.IsType<UpdateRegistrantContact>(Assert.Single(domain.Raise(Proved(RequestProof.SignedInSession), Now)));
        var answered = domain.Answer(new RegistrantContactUpdated(), Now.AddMinutes(1));

        Assert.Equal(NoticeKind.RegistrantContactChanged, Assert.IsType<SendNotice>(Assert.Single(answered)).Kind);
        Assert.Null(domain.State.Order!.Registrant);
    }

    [Fact]
    public void A_kz_contact_change_the_registry_refuses_keeps_the_old_details_and_goes_to_operations_KZ_2_3()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry, registrant: Owner);
        domain.Raise(Proved(RequestProof.ContactEmail), Now);

        var flag = Assert.IsType<FlagForOperations>(Assert.Single(domain.Answer(new RegistryRefused(2201, "not the sponsor"), Now)));

        Assert.Contains("KZ-2.3", flag.Reason);
        Assert.Equal(Owner, domain.State.Order!.Registrant);
        Assert.Empty(domain.Notices(NoticeKind.RegistrantContactChanged));
        Assert.Null(domain.State.RegistrantContactChange);
    }

    [Fact]
    public void An_unknown_outcome_sends_the_same_details_again_under_a_new_id_never_notifying_early_KZ_2_3()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry, registrant: Owner);
        var first = Assert.IsType<UpdateRegistrantContact>(Assert.Single(domain.Raise(Proved(RequestProof.SignedInSession), Now)));

        var again = Assert.IsType<UpdateRegistrantContact>(Assert.Single(domain.Answer(new OutcomeUnknown(), Now)));

        Assert.NotEqual(first.CommandId, again.CommandId);
        Assert.Equal((first.Handle, first.Contact), (again.Handle, again.Contact));
        Assert.Equal(again.CommandId, domain.State.AwaitedCommandId);
        Assert.Empty(domain.Notices(NoticeKind.RegistrantContactChanged));
    }

    [Fact]
    public void A_ua_contact_change_is_carried_out_at_once_with_its_business_day_deadline_recorded_KZ_2_3()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry, registrant: Owner);

        Assert.IsType<UpdateRegistrantContact>(Assert.Single(domain.Raise(Proved(RequestProof.SignedInSession), Now)));

        // Proved on Tuesday 15 December (Kyiv): due by the end of Wednesday 16 December, the next Ukrainian business day.
        var dueBy = new DateTimeOffset(2026, 12, 17, 0, 0, 0, TimeSpan.FromHours(2));
        Assert.Equal(dueBy, domain.State.RegistrantContactChange!.DueBy);
        Assert.Equal(dueBy, domain.WakeAt);
        domain.Answer(new RegistrantContactUpdated(), Now.AddMinutes(1));
        domain.LiveUntil(dueBy.AddDays(1));
        Assert.DoesNotContain(domain.Sent, c => c is FlagForOperations);
        Assert.Single(domain.Notices(NoticeKind.RegistrantContactChanged));
    }

    [Fact]
    public void A_ua_contact_change_the_registry_refused_goes_to_operations_at_once_with_its_deadline_KZ_2_3()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry, registrant: Owner);
        domain.Raise(Proved(RequestProof.ContactEmail), Now);
        var dueBy = domain.State.RegistrantContactChange!.DueBy!.Value;

        var flag = Assert.IsType<FlagForOperations>(Assert.Single(domain.Answer(new RegistryRefused(2201, "not the sponsor"), Now.AddMinutes(1))));

        Assert.Contains($"Finish it by {dueBy:u}", flag.Reason);
        Assert.Null(domain.State.RegistrantContactChange);
        Assert.Equal(Owner, domain.State.Order!.Registrant);
    }

    [Fact]
    public void A_ua_contact_change_still_pending_at_the_registry_is_flagged_once_when_its_business_day_ends_KZ_2_3()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry, registrant: Owner);
        domain.Raise(Proved(RequestProof.ContactEmail), Now);

        Assert.Empty(domain.Answer(new RegistryPending(), Now.AddMinutes(1)));
        var dueBy = domain.State.RegistrantContactChange!.DueBy!.Value;

        domain.LiveUntil(dueBy.AddDays(2));

        Assert.Contains("KZ-2.3", Assert.Single(domain.Sent.OfType<FlagForOperations>()).Reason);
        Assert.True(domain.State.RegistrantContactChange!.OverdueFlagged);
        Assert.Equal(Owner, domain.State.Order!.Registrant);
    }

    [Fact]
    public void A_ua_contact_change_left_pending_is_applied_and_told_when_the_registry_reports_it_carried_out_RFC_5733_KZ_2_3()
    {
        var (domain, change) = LeftPending();

        var sent = domain.Raise(new RegistryReported("poll:hostmaster:8", "panData", new PendingActionResult(change.CommandId!, Succeeded: true)), Now.AddHours(2));
        domain.LiveUntil(change.DueBy!.Value.AddDays(2));

        Assert.Equal(NoticeKind.RegistrantContactChanged, Assert.Single(sent.OfType<SendNotice>()).Kind);
        Assert.Equal(Owner.WithContact(Change.Contact), Assert.Single(sent.OfType<RecordRegistrant>()).Registrant);
        Assert.Equal(Owner.WithContact(Change.Contact), domain.State.Order!.Registrant);
        Assert.Null(domain.State.RegistrantContactChange);
        Assert.Empty(domain.Sent.OfType<FlagForOperations>());
    }

    [Fact]
    public void A_ua_contact_change_the_registry_reports_it_dropped_keeps_the_old_details_and_goes_to_operations_RFC_5733_KZ_2_3()
    {
        var (domain, change) = LeftPending();

        var flag = Assert.IsType<FlagForOperations>(Assert.Single(domain.Raise(
            new RegistryReported("poll:hostmaster:8", "panData", new PendingActionResult(change.CommandId!, Succeeded: false)), Now.AddHours(2))));

        Assert.Contains("paResult 0", flag.Reason);
        Assert.Equal(Owner, domain.State.Order!.Registrant);
        Assert.Null(domain.State.RegistrantContactChange);
        Assert.Empty(domain.Notices(NoticeKind.RegistrantContactChanged));
    }

    [Fact]
    public void A_contact_change_sent_while_an_earlier_one_is_pending_at_the_registry_tells_operations_to_check_KZ_2_3()
    {
        var (domain, earlier) = LeftPending();

        var sent = domain.Raise(new CustomerRequestProved("proved:r-2", "r-2", Change, RequestProof.SignedInSession), Now.AddHours(1));

        Assert.Contains(earlier.RequestId, Assert.Single(sent.OfType<FlagForOperations>()).Reason);
        Assert.Single(sent.OfType<UpdateRegistrantContact>());
        Assert.Equal("r-2", domain.State.RegistrantContactChange!.RequestId);
    }

    [Fact]
    public void A_registrant_change_carried_out_meanwhile_ends_the_wait_for_a_pending_contact_change_and_tells_operations_once_KZ_2_3()
    {
        var (domain, pending) = LeftPending();
        var dueBy = pending.DueBy!.Value;
        var newOwner = Owner with { FullName = "Петров Пётр", Email = "new-owner@example.test" };
        var invoice = Assert.IsType<IssueRenewalInvoice>(Assert.Single(domain.Raise(
            new CustomerRequestProved("proved:r-2", "r-2", new RegistrantChangeRequest(newOwner), RequestProof.ContactEmail), Now.AddMinutes(2))));
        domain.IssueInvoice(invoice, Now.AddMinutes(2));
        domain.Raise(new RenewalPaid("renewal-paid:2", $"INV-{invoice.CommandId}", 1, Now.AddMinutes(3)), Now.AddMinutes(3));

        var flag = Assert.Single(domain.Answer(new RegistrantChanged("RG-NEW"), Now.AddMinutes(4)).OfType<FlagForOperations>());
        domain.LiveUntil(dueBy.AddDays(2));

        Assert.Contains("r-1", flag.Reason);
        Assert.Contains("KZ-2.3", flag.Reason);
        Assert.Null(domain.State.RegistrantContactChange);
        Assert.Equal(newOwner, domain.State.Order!.Registrant);
        Assert.Single(domain.Sent.OfType<FlagForOperations>());
    }

    [Fact]
    public void A_domain_whose_registry_contact_is_not_known_here_goes_to_operations_with_nothing_sent_KZ_2_3()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry, registrant: Owner).With(s => s with { RegistrantHandle = null });

        var flag = Assert.IsType<FlagForOperations>(Assert.Single(domain.Raise(Proved(RequestProof.SignedInSession), Now)));

        Assert.Contains("KZ-2.3", flag.Reason);
        Assert.Null(domain.State.RegistrantContactChange);
        Assert.Null(domain.State.AwaitedCommandId);
    }

    [Fact]
    public void A_session_or_the_contact_email_proves_a_contact_change_papers_do_not_KZ_2_3_KZ_5_3()
    {
        Assert.True(RequestProofs.Accepts(Change, RequestProof.SignedInSession));
        Assert.True(RequestProofs.Accepts(Change, RequestProof.ContactEmail));
        Assert.False(RequestProofs.Accepts(Change, RequestProof.IdentityDocuments));

        var domain = RegisteredDomain.Expiring("kz", Expiry, registrant: Owner);
        Assert.IsType<FlagForOperations>(Assert.Single(domain.Raise(Proved(RequestProof.SignedContract), Now)));
        Assert.Null(domain.State.RegistrantContactChange);
    }

    [Fact]
    public void An_unproved_contact_change_mails_a_confirmation_naming_its_kind_KZ_2_3()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry, registrant: Owner);

        var notice = Assert.IsType<SendNotice>(Assert.Single(domain.Raise(new CustomerRequestMade("request:r-1", "r-1", Change), Now)));

        Assert.Equal(("registrant-contact-change", NoticeKind.RequestConfirmation), (notice.Facts!.RequestKind, notice.Kind));
        Assert.Empty(domain.Sent.OfType<UpdateRegistrantContact>());
    }

    private static CustomerRequestProved Proved(RequestProof proof) => new("proved:r-1", "r-1", Change, proof);

    /// <summary>A .ua contact change the registry answered 1001.</summary>
    private static (RegisteredDomain Domain, RegistrantContactChange Change) LeftPending()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry, registrant: Owner);
        domain.Raise(Proved(RequestProof.ContactEmail), Now);
        domain.Answer(new RegistryPending(), Now.AddMinutes(1));
        return (domain, domain.State.RegistrantContactChange!);
    }
}
