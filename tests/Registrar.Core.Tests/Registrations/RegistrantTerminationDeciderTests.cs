using Registrar.Core.Registrations;
using Registrar.Core.Requests;

namespace Registrar.Core.Tests.Registrations;

public sealed class RegistrantTerminationDeciderTests
{
    private static readonly DateTimeOffset Expiry = new(2027, 6, 15, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Expiry.AddMonths(-6);

    [Fact]
    public void A_proved_notice_confirms_the_end_date_and_the_domain_is_deleted_then_with_no_renewal_meanwhile_UA_6_1()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);
        var endsAt = Now.AddDays(20);

        var told = Assert.IsType<SendNotice>(Assert.Single(domain.Raise(Proved(new TerminationRequest(endsAt, "UA-6.1"), RequestProof.ContactEmail), Now)));
        Assert.Equal((NoticeKind.TerminationConfirmed, endsAt, "6.1"), (told.Kind, told.Facts!.DeletionAt, told.Facts.Clause));

        domain.LiveUntil(endsAt);

        Assert.Single(domain.Sent.OfType<DeleteDomain>());
        Assert.Empty(domain.Sent.OfType<FlagForOperations>());
        Assert.Equal(NoticeKind.ServiceEnded, Assert.IsType<SendNotice>(Assert.Single(domain.Answer(new DomainDeleted(), endsAt))).Kind);
    }

    [Fact]
    public void Notice_at_the_end_of_the_term_stops_its_renewal_UA_6_4()
    {
        var domain = RegisteredDomain.Expiring("ua", Expiry);

        domain.Raise(Proved(new TerminationRequest(Expiry, "UA-6.4"), RequestProof.SignedContract), Expiry.AddDays(-40));
        domain.LiveUntil(Expiry);

        Assert.Empty(domain.Sent.OfType<IssueRenewalInvoice>());
        Assert.Empty(domain.Notices(NoticeKind.RenewalReminder));
        Assert.Single(domain.Sent.OfType<DeleteDomain>());
    }

    [Fact]
    public void A_notice_given_after_expiry_never_keeps_the_unpaid_domain_past_its_deletion_UA_6_4_UA_1_12()
    {
        // Two days after expiry the term is over, so the notice stops the renewal of the next one: the contract "ends" a year on.
        // Nothing renews the domain meanwhile, so it is deleted when the unpaid name would be, 28 days after expiry.
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);
        domain.LiveUntil(Expiry.AddDays(2));
        var deleteAt = Expiry.AddDays(28);

        var told = Assert.IsType<SendNotice>(Assert.Single(domain.Raise(
            Proved(new TerminationRequest(new DateTimeOffset(2028, 6, 15, 0, 0, 0, TimeSpan.FromHours(3)), "UA-6.4"), RequestProof.ContactEmail),
            Expiry.AddDays(2))));
        domain.LiveUntil(deleteAt);

        Assert.Equal(deleteAt, told.Facts!.DeletionAt);
        Assert.IsType<DeleteDomain>(domain.Sent.Last());
    }

    [Fact]
    public void A_notice_for_a_date_past_the_deletion_of_an_unpaid_domain_ends_it_at_the_deletion_UA_6_1_UA_1_12()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);
        var deleteAt = Expiry.AddDays(28);

        var told = Assert.IsType<SendNotice>(Assert.Single(domain.Raise(Proved(new TerminationRequest(Expiry.AddDays(90), "UA-6.1"), RequestProof.ContactEmail), Now)));
        domain.LiveUntil(deleteAt);

        Assert.Equal(deleteAt, told.Facts!.DeletionAt);
        Assert.Empty(domain.Sent.OfType<IssueRenewalInvoice>());
        Assert.IsType<DeleteDomain>(domain.Sent.Last());
    }

    [Fact]
    public void A_signed_in_session_does_not_prove_ending_the_contract_UA_1_5_8_UA_6_1()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);

        var flag = Assert.IsType<FlagForOperations>(Assert.Single(domain.Raise(Proved(new TerminationRequest(Now.AddDays(20), "UA-6.1"), RequestProof.SignedInSession), Now)));

        Assert.Contains("UA-1.5.8", flag.Reason);
        Assert.Null(domain.State.Ending);
    }

    [Fact]
    public void A_notice_while_an_end_is_already_set_changes_nothing_UA_6_1()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);
        domain.Raise(Proved(new TerminationRequest(Now.AddDays(20), "UA-6.1"), RequestProof.ContactEmail), Now);

        var flag = Assert.IsType<FlagForOperations>(Assert.Single(domain.Raise(Proved(new TerminationRequest(Now.AddDays(90), "UA-6.1"), RequestProof.ContactEmail, "r-2"), Now)));

        Assert.Contains("contract ends", flag.Reason);
        Assert.Equal(Now.AddDays(20), domain.State.Ending!.EffectiveAt);
    }

    private static CustomerRequestProved Proved(TerminationRequest request, RequestProof proof, string id = "r-1") =>
        new($"proved:{id}", id, request, proof, Now);
}
