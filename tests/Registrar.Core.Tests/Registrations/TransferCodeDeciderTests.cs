using Registrar.Core.Contracts;
using Registrar.Core.Registrations;
using Registrar.Core.Requests;
using Registrar.Core.Tariffs;

namespace Registrar.Core.Tests.Registrations;

public sealed class TransferCodeDeciderTests
{
    private static readonly DateTimeOffset Expiry = new(2027, 6, 15, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Expiry.AddMonths(-6);

    [Fact]
    public void A_proved_transfer_code_request_reads_the_domain_then_sets_a_fresh_code_and_mails_it_KZ_App_9()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);

        var read = Assert.IsType<QueryDomain>(Assert.Single(domain.Raise(Proved(RequestProof.SignedInSession), Now)));
        var set = Assert.IsType<SetTransferCode>(Assert.Single(domain.Answer(Ours("ok"), Now)));
        var notice = Assert.IsType<SendNotice>(Assert.Single(domain.Answer(new TransferCodeSet(), Now)));

        Assert.Equal("example.kz", read.DomainName);
        Assert.Equal(("example.kz", "kz"), (set.DomainName, set.Zone));
        Assert.Equal((NoticeKind.TransferCode, "owner@example.test"), (notice.Kind, notice.To));
        // The mail derives the code from the command that set it: neither the notice nor the state holds it.
        Assert.Equal((set.CommandId, "r-1"), (notice.Facts!.TransferCodeOf, notice.Facts.RequestId));
        Assert.Null(domain.State.TransferCode);
        Assert.Null(domain.State.AwaitedCommandId);
        Assert.Equal(RegistrationPhase.Registered, domain.State.Phase);
    }

    [Theory]
    [InlineData(RequestProof.IdentityDocuments)]
    [InlineData(RequestProof.SignedContract)]
    public void A_transfer_code_proved_on_papers_is_kept_for_operations_to_hand_over_and_not_mailed_to_the_contact_email_UA_1_5_8(RequestProof papers)
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);
        domain.Raise(Proved(papers), Now);
        // A lost answer makes the domain be read again: the request still counts as proved on papers.
        Assert.IsType<QueryDomain>(Assert.Single(domain.Answer(new OutcomeUnknown(), Now)));
        var set = Assert.IsType<SetTransferCode>(Assert.Single(domain.Answer(Ours("ok"), Now)));

        var effects = domain.Answer(new TransferCodeSet(), Now);

        var keep = Assert.Single(effects.OfType<KeepTransferCodeForHandOver>());
        Assert.Equal(("r-1", set.CommandId), (keep.RequestId, keep.SetBy));
        Assert.Contains("/api/ops/requests/r-1/transfer-code", Assert.Single(effects.OfType<FlagForOperations>()).Reason);
        Assert.Empty(domain.Notices(NoticeKind.TransferCode));
        Assert.Null(domain.State.TransferCode);
    }

    [Theory]
    [InlineData("kz", "serverTransferProhibited", "KZ-App-9")]
    [InlineData("kz", "serverRenewProhibited", "KZ-App-9")]
    [InlineData("com.ua", "serverTransferProhibited", "RFC 5731 section 2.3")]
    public void A_transfer_code_is_refused_while_the_registry_bans_the_transfer_and_the_notice_names_the_rule_KZ_App_9(string zone, string ban, string rule)
    {
        var domain = RegisteredDomain.Expiring(zone, Expiry);
        domain.Raise(Proved(RequestProof.ContactEmail), Now);

        var notice = Assert.IsType<SendNotice>(Assert.Single(domain.Answer(Ours("ok", ban), Now)));

        Assert.Equal(NoticeKind.TransferCodeRefused, notice.Kind);
        Assert.Equal([TransferRefusalReason.RegistryBan], notice.Facts!.TransferRefusals);
        Assert.Equal([rule], notice.Facts.Rules);
        Assert.Empty(domain.Sent.OfType<SetTransferCode>());
        Assert.Null(domain.State.TransferCode);
        Assert.Contains(ban, domain.State.RegistryStatuses);
    }

    [Fact]
    public void A_transfer_code_is_issued_once_the_registry_lifted_its_ban_KZ_App_9()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);
        domain.Raise(Proved(RequestProof.SignedInSession), Now);
        domain.Answer(Ours("serverTransferProhibited"), Now);

        domain.Raise(Proved(RequestProof.SignedInSession, "r-2"), Now.AddDays(1));

        Assert.IsType<SetTransferCode>(Assert.Single(domain.Answer(Ours("ok"), Now.AddDays(1))));
    }

    [Theory]
    [InlineData("kz")]
    [InlineData("com.ua")]
    public void Transfer_code_is_issued_while_a_renewal_invoice_for_the_next_term_is_open_KZ_App_9_UA_3_5(string zone)
    {
        // KZ-3.2, UA-1.5.3: the invoice issued before expiry is a prepayment for a term not yet begun, not a debt.
        var domain = RegisteredDomain.Expiring(zone, Expiry);
        domain.LiveUntil(Expiry.AddDays(-30));
        Assert.Equal(TariffOperation.Renew, domain.Sent.OfType<IssueRenewalInvoice>().Last().Operation);
        Assert.True(domain.State.Renewal.HasOpenInvoice(Expiry.AddDays(-29)));
        domain.Raise(Proved(RequestProof.SignedInSession), Expiry.AddDays(-29));

        Assert.IsType<SetTransferCode>(Assert.Single(domain.Answer(Ours("ok"), Expiry.AddDays(-29))));
        Assert.Empty(domain.Notices(NoticeKind.TransferCodeRefused));
    }

    [Fact]
    public void Transfer_code_is_refused_while_the_redemption_renewal_of_an_expired_ua_domain_is_unpaid_UA_3_5()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);
        domain.LiveUntil(Expiry.AddDays(2));
        Assert.Equal(TariffOperation.RedemptionRenewal, domain.Sent.OfType<IssueRenewalInvoice>().Last().Operation);
        Assert.True(domain.State.Renewal.HasOpenInvoice(Expiry.AddDays(2)));
        domain.Raise(Proved(RequestProof.ContactEmail), Expiry.AddDays(2));

        var refused = Assert.IsType<SendNotice>(Assert.Single(domain.Answer(Ours("ok"), Expiry.AddDays(2))));

        Assert.Equal(NoticeKind.TransferCodeRefused, refused.Kind);
        // One cause, told once: the unpaid redemption is what leaves a service not paid in full.
        Assert.Equal([TransferRefusalReason.UnpaidInvoices], refused.Facts!.TransferRefusals);
        Assert.Equal(["UA-3.5"], refused.Facts.Rules);
        Assert.Empty(domain.Sent.OfType<SetTransferCode>());
    }

    [Fact]
    public void A_transfer_code_is_refused_while_another_agreement_forbids_it_and_issued_once_the_restriction_is_lifted_KZ_App_9()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);
        Assert.IsType<SetDomainHolds>(Assert.Single(domain.Raise(Decided(new RestrictTransfer("Pledge agreement 12/2026", "KZ-App-9"), "1"), Now)));
        domain.Raise(Proved(RequestProof.SignedInSession), Now);

        var refused = Assert.IsType<SendNotice>(Assert.Single(domain.Answer(Ours("ok"), Now)));

        Assert.Equal((NoticeKind.TransferCodeRefused, TransferRefusalReason.AgreementForbidsTransfer, "KZ-App-9"),
            (refused.Kind, Assert.Single(refused.Facts!.TransferRefusals!), Assert.Single(refused.Facts.Rules!)));
        Assert.Empty(domain.Sent.OfType<SetTransferCode>());

        domain.Raise(Decided(new LiftTransferRestriction(), "2"), Now.AddDays(1));
        domain.Raise(Proved(RequestProof.SignedInSession, "r-2"), Now.AddDays(1));
        Assert.IsType<SetTransferCode>(Assert.Single(domain.Answer(Ours("ok"), Now.AddDays(1))));
    }

    [Fact]
    public void A_transfer_restriction_is_kept_in_the_state_and_the_customers_view_and_a_second_one_goes_back_to_operations_KZ_App_9()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);

        Assert.IsType<SetDomainHolds>(Assert.Single(domain.Raise(Decided(new RestrictTransfer("Pledge agreement 12/2026", "KZ-App-9"), "1"), Now)));
        var recorded = domain.Views.Last();
        var again = domain.Raise(Decided(new RestrictTransfer("Loan agreement 3/2026", "KZ-App-9"), "2"), Now);

        Assert.Equal(new TransferRestriction("Pledge agreement 12/2026", Now), domain.State.TransferRestriction);
        Assert.Equal("Pledge agreement 12/2026", recorded.TransferRestriction);
        Assert.Contains("already forbids", Assert.IsType<FlagForOperations>(Assert.Single(again)).Reason);
        Assert.Contains("no agreement forbids", Assert.IsType<FlagForOperations>(Assert.Single(
            RegisteredDomain.Expiring("kz", Expiry).Raise(Decided(new LiftTransferRestriction(), "3"), Now))).Reason);

        Assert.IsType<SetDomainHolds>(Assert.Single(domain.Raise(Decided(new LiftTransferRestriction(), "4"), Now)));
        Assert.Null(domain.Views.Last().TransferRestriction);
        Assert.Null(domain.State.TransferRestriction);
    }

    [Fact]
    public void A_transfer_restriction_bans_the_transfer_at_the_registry_so_a_code_issued_before_cannot_move_the_domain_until_lifted_KZ_App_9()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);

        var restricted = Assert.IsType<SetDomainHolds>(Assert.Single(domain.Raise(Decided(new RestrictTransfer("Pledge agreement 12/2026", "KZ-App-9"), "1"), Now)));
        Assert.Equal(["clientTransferProhibited"], restricted.Holds);
        Assert.Empty(domain.Raise(new RegistryAnswered("answer:holds-1", restricted.CommandId, new HoldsUpdated(restricted.Holds)), Now));

        var suspended = Assert.Single(domain.Raise(Decided(new SuspendService(SuspensionGround.Malware), "2"), Now).OfType<SetDomainHolds>());
        Assert.Equal(["clientHold", "clientTransferProhibited"], suspended.Holds);

        var lifted = Assert.IsType<SetDomainHolds>(Assert.Single(domain.Raise(Decided(new LiftTransferRestriction(), "3"), Now.AddDays(1))));
        Assert.Equal(["clientHold"], lifted.Holds);
    }

    [Fact]
    public void Any_proof_of_the_account_asks_for_a_transfer_code_which_is_mailed_to_no_address_but_the_contact_email_UA_1_5_8()
    {
        foreach (var proof in Enum.GetValues<RequestProof>())
            Assert.True(RequestProofs.Accepts(new TransferCodeRequest(), proof));

        var domain = RegisteredDomain.Expiring("com.ua", Expiry);
        domain.Raise(Proved(RequestProof.ContactEmail), Now);
        domain.Answer(Ours("ok"), Now);

        Assert.Equal("owner@example.test", Assert.IsType<SendNotice>(Assert.Single(domain.Answer(new TransferCodeSet(), Now))).To);
    }

    [Fact]
    public void A_lost_answer_reads_the_domain_again_and_a_refused_update_goes_to_operations_KZ_App_9()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);
        domain.Raise(Proved(RequestProof.SignedInSession), Now);
        var first = Assert.IsType<SetTransferCode>(Assert.Single(domain.Answer(Ours("ok"), Now)));

        Assert.IsType<QueryDomain>(Assert.Single(domain.Answer(new OutcomeUnknown(), Now)));
        var second = Assert.IsType<SetTransferCode>(Assert.Single(domain.Answer(Ours("ok"), Now)));
        var flag = Assert.IsType<FlagForOperations>(Assert.Single(domain.Answer(new RegistryRefused(2304, "clientUpdateProhibited"), Now)));

        Assert.NotEqual(first.CommandId, second.CommandId);
        Assert.Contains("KZ-App-9", flag.Reason);
        Assert.Empty(domain.Notices(NoticeKind.TransferCode));
        Assert.Null(domain.State.TransferCode);
    }

    [Fact]
    public void A_domain_found_under_another_sponsor_instead_ends_as_transferred_away_and_gets_no_code()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);
        domain.Raise(Proved(RequestProof.SignedInSession), Now);

        var told = Assert.IsType<SendNotice>(Assert.Single(domain.Answer(new DomainInfo(true, false, "X-1", Expiry, ["ok"]), Now)));

        Assert.Equal(NoticeKind.TransferredAway, told.Kind);
        Assert.Equal(RegistrationPhase.TransferredAway, domain.State.Phase);
        Assert.Null(domain.State.TransferCode);
    }

    [Theory]
    [InlineData("kz", "KZ-App-2", "KZ-App-9")]
    [InlineData("com.ua", "UA-2.2.3", "UA-2.2.3")]
    public void A_transfer_code_asked_while_a_dispute_decision_blocks_the_domain_is_refused_to_the_customer_naming_the_ban_KZ_App_9_KZ_App_2(
        string zone, string disputeRule, string banRule)
    {
        var domain = RegisteredDomain.Expiring(zone, Expiry);
        domain.Raise(Decided(new DisputeDecision(DisputeOutcome.Block, "Court ruling 2-123/2026", disputeRule), "1"), Now);
        var holds = Assert.Single(domain.Sent.OfType<SetDomainHolds>());
        domain.Raise(new RegistryAnswered("answer:holds", holds.CommandId, new HoldsUpdated(holds.Holds)), Now);

        Assert.IsType<QueryDomain>(Assert.Single(domain.Raise(Proved(RequestProof.SignedInSession), Now)));
        var refused = Assert.IsType<SendNotice>(Assert.Single(domain.Answer(Ours("ok", "clientHold", "clientTransferProhibited"), Now)));

        Assert.Equal((NoticeKind.TransferCodeRefused, TransferRefusalReason.AuthorityBan, banRule),
            (refused.Kind, Assert.Single(refused.Facts!.TransferRefusals!), Assert.Single(refused.Facts.Rules!)));
        Assert.Empty(domain.Sent.OfType<SetTransferCode>());
        Assert.Empty(domain.Sent.OfType<FlagForOperations>());
    }

    private static CustomerRequestProved Proved(RequestProof proof, string requestId = "r-1") =>
        new($"proved:{requestId}", requestId, new TransferCodeRequest(), proof);

    private static OperationsDecided Decided(OperationsDecision decision, string id) => new($"decision:{id}", decision, "ops (Dana)", Now, "the pledgee asked");

    private static DomainInfo Ours(params string[] statuses) => new(true, true, "H-1", Expiry, statuses);
}
