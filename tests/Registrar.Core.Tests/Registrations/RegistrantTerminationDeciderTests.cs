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
    public void A_notice_cancels_the_renewal_invoice_still_open_so_nobody_pays_for_a_renewal_that_never_comes_UA_6_1_UA_6_4()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);
        domain.LiveUntil(Expiry.AddDays(-10));
        var invoice = Assert.Single(domain.Sent.OfType<IssueRenewalInvoice>());

        var effects = domain.Raise(Proved(new TerminationRequest(Expiry.AddDays(-1), "UA-6.1"), RequestProof.ContactEmail), Expiry.AddDays(-10));

        var cancel = Assert.Single(effects.OfType<CancelRenewalInvoice>());
        Assert.Equal(("INV-" + invoice.CommandId, (string?)null, "UA-6.1"), (cancel.InvoiceNumber, cancel.PaidInvoice, cancel.EndingRule));
        Assert.Single(effects.OfType<SendNotice>(), n => n.Kind == NoticeKind.TerminationConfirmed);
    }

    [Fact]
    public void A_notice_after_the_renewal_was_paid_cancels_no_invoice_UA_6_1_UA_1_7()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);
        domain.LiveUntil(Expiry.AddDays(-10));
        domain.PayCurrentInvoice(Expiry.AddDays(-10));

        var effects = domain.Raise(Proved(new TerminationRequest(Expiry.AddDays(-1), "UA-6.1"), RequestProof.ContactEmail), Expiry.AddDays(-9));

        Assert.Empty(effects.OfType<CancelRenewalInvoice>());
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
    public void A_notice_for_the_last_day_of_the_term_ends_the_contract_at_the_end_of_that_day_not_sooner_UA_6_1_UA_6_4()
    {
        // The registry's expiry is 15 June 2027, 13:00 in Kyiv; the notice asks the contract to run to the end of that day.
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);
        var endsAt = new DateTimeOffset(2027, 6, 15, 21, 0, 0, TimeSpan.Zero);

        var told = Assert.IsType<SendNotice>(Assert.Single(domain.Raise(Proved(new TerminationRequest(endsAt, "UA-6.1"), RequestProof.ContactEmail), Now)));
        domain.LiveUntil(endsAt.AddMinutes(-1));

        Assert.Equal((NoticeKind.TerminationConfirmed, endsAt), (told.Kind, told.Facts!.DeletionAt));
        Assert.Equal(endsAt, domain.State.Ending!.EffectiveAt);
        Assert.Empty(domain.Sent.OfType<DeleteDomain>());
        domain.LiveUntil(endsAt);
        Assert.Single(domain.Sent.OfType<DeleteDomain>());
    }

    [Fact]
    public void A_notice_for_a_date_past_the_term_paid_now_is_refused_to_the_customer_and_never_ends_the_contract_sooner_UA_6_1_UA_6_4()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);

        var told = Assert.IsType<SendNotice>(Assert.Single(domain.Raise(
            Proved(new TerminationRequest(Expiry.AddDays(90), "UA-6.1"), RequestProof.ContactEmail), Now)));
        domain.LiveUntil(Expiry.AddDays(-30));

        Assert.Equal((NoticeKind.RequestRefused, RequestRefusalReason.PastTheTerm, "termination"), (told.Kind, told.Facts!.Refusal, told.Facts.RequestKind));
        Assert.Null(domain.State.Ending);
        Assert.Empty(domain.Notices(NoticeKind.TerminationConfirmed));
        // The contract goes on renewing as before the notice.
        Assert.Single(domain.Sent.OfType<IssueRenewalInvoice>());
    }

    [Fact]
    public void A_notice_given_after_expiry_ending_the_next_term_is_refused_to_the_customer_UA_6_4()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);
        domain.LiveUntil(Expiry.AddDays(2));

        var told = Assert.IsType<SendNotice>(Assert.Single(domain.Raise(
            Proved(new TerminationRequest(new DateTimeOffset(2028, 6, 15, 0, 0, 0, TimeSpan.FromHours(3)), "UA-6.4"), RequestProof.ContactEmail),
            Expiry.AddDays(2))));

        Assert.Equal((NoticeKind.RequestRefused, RequestRefusalReason.PastTheTerm), (told.Kind, told.Facts!.Refusal));
        Assert.Null(domain.State.Ending);
    }

    [Fact]
    public void A_notice_to_end_the_term_proved_after_a_renewal_was_paid_ends_the_contract_at_the_end_of_the_term_now_paid_UA_6_4_UA_1_7()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);
        var noticed = Expiry.AddDays(-40);
        // Given at the end of the term as it was, the notice is proved only after the renewal invoice was paid and carried out.
        var notice = new TerminationRequest(Expiry, "UA-6.4", TermEndsAt: Expiry);
        RenewedBeforeTheProof(domain, noticed);

        var told = Assert.IsType<SendNotice>(Assert.Single(domain.Raise(Proved(notice, RequestProof.ContactEmail), noticed.AddDays(1))));
        domain.LiveUntil(Expiry.AddDays(1));

        Assert.Equal((NoticeKind.TerminationConfirmed, Expiry.AddYears(1)), (told.Kind, told.Facts!.DeletionAt));
        Assert.Equal(Expiry.AddYears(1), domain.State.Ending!.EffectiveAt);
        Assert.Empty(domain.Sent.OfType<DeleteDomain>());
        Assert.Empty(domain.Sent.OfType<FlagForOperations>());
        domain.LiveUntil(Expiry.AddYears(1));
        Assert.Single(domain.Sent.OfType<DeleteDomain>());
        Assert.Single(domain.Sent.OfType<IssueRenewalInvoice>());
    }

    [Fact]
    public void A_dated_notice_proved_after_a_renewal_was_paid_keeps_its_date_and_the_renewal_goes_to_operations_UA_6_1_UA_1_7()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);
        var noticed = Expiry.AddDays(-40);
        var notice = new TerminationRequest(noticed.AddDays(20), "UA-6.1", TermEndsAt: Expiry);
        RenewedBeforeTheProof(domain, noticed);

        var commands = domain.Raise(Proved(notice, RequestProof.ContactEmail), noticed.AddDays(1));

        var flag = Assert.Single(commands.OfType<FlagForOperations>());
        Assert.Contains("Settle the money", flag.Reason);
        Assert.Contains(Expiry.AddYears(1).ToString("u"), flag.Reason);
        Assert.Equal(noticed.AddDays(20), Assert.Single(commands.OfType<SendNotice>()).Facts!.DeletionAt);
        Assert.Equal(noticed.AddDays(20), domain.State.Ending!.EffectiveAt);
    }

    /// <summary>The customer asks for the renewal invoice and pays it, and the registry renews the domain a year (UA-1.7).</summary>
    private static void RenewedBeforeTheProof(RegisteredDomain domain, DateTimeOffset at)
    {
        var invoice = Assert.IsType<IssueRenewalInvoice>(Assert.Single(domain.Raise(new RenewalInvoiceRequested("renewal-invoice-request:q-1", "q-1", at), at)));
        domain.IssueInvoice(invoice, at);
        Assert.IsType<RenewDomain>(Assert.Single(domain.PayCurrentInvoice(at).OfType<RenewDomain>()));
        domain.Answer(new DomainRenewed(Expiry.AddYears(1)), at);
        Assert.Equal(Expiry.AddYears(1), domain.State.ExpiresAt);
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
    public void A_notice_while_an_end_is_already_set_changes_nothing_and_the_customer_is_told_when_the_contract_ends_UA_6_1()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);
        domain.Raise(Proved(new TerminationRequest(Now.AddDays(20), "UA-6.1"), RequestProof.ContactEmail), Now);

        var told = Assert.IsType<SendNotice>(Assert.Single(domain.Raise(Proved(new TerminationRequest(Now.AddDays(90), "UA-6.1"), RequestProof.ContactEmail, "r-2"), Now)));

        Assert.Equal((NoticeKind.RequestRefused, RequestRefusalReason.ContractEnds, Now.AddDays(20), "r-2"),
            (told.Kind, told.Facts!.Refusal, told.Facts.DeletionAt, told.Facts.RequestId));
        Assert.Equal(Now.AddDays(20), domain.State.Ending!.EffectiveAt);
    }

    [Fact]
    public void After_a_notice_at_the_end_of_the_term_the_registrant_still_changes_the_dns_and_may_delete_the_domain_sooner_UA_6_4_UA_1_5_6()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);
        domain.Raise(Proved(new TerminationRequest(Expiry, "UA-6.4", TermEndsAt: Expiry), RequestProof.ContactEmail), Now);

        var dns = domain.Raise(new CustomerRequestProved("proved:r-2", "r-2", new DnsChangeRequest(["ns1.example.net", "ns2.example.net"]),
            RequestProof.SignedInSession, Now), Now);
        Assert.Equal(["ns1.example.net", "ns2.example.net"], Assert.Single(dns.OfType<UpdateDomainNameservers>()).NameServers);
        domain.Answer(new NameserversUpdated(["ns1.example.net", "ns2.example.net"]), Now);

        var deletion = domain.Raise(new CustomerRequestProved("proved:r-3", "r-3", new EarlyDeletionRequest(), RequestProof.ContactEmail, Now), Now.AddDays(1));
        Assert.Single(deletion.OfType<DeleteDomain>());
        domain.LiveUntil(Expiry);
        Assert.Single(domain.Sent.OfType<DeleteDomain>());
    }

    [Fact]
    public void A_dated_notice_ends_sooner_a_contract_a_notice_at_the_end_of_the_term_was_ending_UA_6_1_UA_6_4()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);
        domain.Raise(Proved(new TerminationRequest(Expiry, "UA-6.4", TermEndsAt: Expiry), RequestProof.ContactEmail), Now);

        var told = Assert.IsType<SendNotice>(Assert.Single(domain.Raise(Proved(new TerminationRequest(Now.AddDays(20), "UA-6.1"), RequestProof.ContactEmail, "r-2"), Now)));

        Assert.Equal((NoticeKind.TerminationConfirmed, Now.AddDays(20)), (told.Kind, told.Facts!.DeletionAt));
        domain.LiveUntil(Now.AddDays(20));
        Assert.Single(domain.Sent.OfType<DeleteDomain>());
    }

    private static CustomerRequestProved Proved(TerminationRequest request, RequestProof proof, string id = "r-1") =>
        new($"proved:{id}", id, request, proof, Now);
}
