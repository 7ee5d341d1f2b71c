using Registrar.Core.Contracts;
using Registrar.Core.Customers;
using Registrar.Core.Registrations;

namespace Registrar.Core.Tests.Registrations;

public sealed class OperationsDecisionDeciderTests
{
    private static readonly DateTimeOffset Expiry = new(2027, 6, 15, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Expiry.AddMonths(-6);

    [Fact]
    public void A_suspension_puts_the_domain_on_hold_and_asks_the_registrant_to_explain_under_the_grounds_clause_UA_2_3_1()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);

        var commands = domain.Raise(Decided(new SuspendService(SuspensionGround.Malware)), Now);

        var hold = Assert.Single(commands.OfType<SetDomainHolds>());
        Assert.Equal(["clientHold"], hold.Holds);
        var notice = Assert.Single(commands.OfType<SendNotice>());
        Assert.Equal((NoticeKind.Suspended, "2.3.1.4"), (notice.Kind, notice.Facts!.Clause));
        Assert.Equal(new ServiceSuspension(SuspensionGround.Malware, Now), domain.State.Suspension);
    }

    [Fact]
    public void A_second_suspension_changes_nothing_and_goes_back_to_operations_UA_2_3_1()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);
        domain.Raise(Decided(new SuspendService(SuspensionGround.Malware)), Now);

        var flag = Assert.IsType<FlagForOperations>(Assert.Single(domain.Raise(Decided(new SuspendService(SuspensionGround.IllegalContent), "2"), Now)));

        Assert.Contains("already suspended", flag.Reason);
        Assert.Equal(SuspensionGround.Malware, domain.State.Suspension!.Ground);
    }

    [Fact]
    public void Unsuspending_lifts_the_hold_and_tells_the_registrant_and_needs_a_suspension_UA_2_3_1()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);
        Assert.IsType<FlagForOperations>(Assert.Single(domain.Raise(Decided(new ResumeService(), "early"), Now)));
        domain.Raise(Decided(new SuspendService(SuspensionGround.NonPayment)), Now);

        var commands = domain.Raise(Decided(new ResumeService(), "2"), Now.AddDays(3));

        Assert.Empty(Assert.Single(commands.OfType<SetDomainHolds>()).Holds);
        Assert.Equal(NoticeKind.Unsuspended, Assert.Single(commands.OfType<SendNotice>()).Kind);
        Assert.Null(domain.State.Suspension);
    }

    [Fact]
    public void The_registry_answer_that_the_holds_are_set_closes_the_command_and_an_unknown_one_asks_again_UA_2_3_1()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);
        var first = domain.Raise(Decided(new SuspendService(SuspensionGround.Malware)), Now).OfType<SetDomainHolds>().Single();

        var again = Assert.IsType<SetDomainHolds>(Assert.Single(domain.Raise(new RegistryAnswered("a1", first.CommandId, new OutcomeUnknown()), Now)));
        Assert.Empty(domain.Raise(new RegistryAnswered("a2", again.CommandId, new HoldsUpdated(["clientHold"])), Now));

        Assert.Null(domain.State.HoldsCommandId);
    }

    [Fact]
    public void Holds_the_registry_refuses_go_to_operations_UA_2_3_1()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);
        var hold = domain.Raise(Decided(new SuspendService(SuspensionGround.Malware)), Now).OfType<SetDomainHolds>().Single();

        var flag = Assert.IsType<FlagForOperations>(Assert.Single(domain.Raise(new RegistryAnswered("a1", hold.CommandId, new RegistryRefused(2304, "status prohibits")), Now)));

        Assert.Contains("2304", flag.Reason);
    }

    [Theory]
    [InlineData("kz", "KZ-App-2")]
    [InlineData("com.ua", "UA-2.2.3")]
    public void A_dispute_block_holds_the_domain_and_bans_its_transfer_and_refuses_customer_changes_until_unblocked_KZ_App_2_UA_2_2_3(string zone, string rule)
    {
        var domain = RegisteredDomain.Expiring(zone, Expiry);

        var commands = domain.Raise(Decided(new DisputeDecision(DisputeOutcome.Block, "Court ruling 2-123/2026", rule)), Now);

        Assert.Equal(["clientHold", "clientTransferProhibited"], Assert.Single(commands.OfType<SetDomainHolds>()).Holds);
        Assert.Equal("Court ruling 2-123/2026", Assert.Single(commands.OfType<SendNotice>()).Facts!.Document);
        var refused = domain.Raise(new CustomerRequestProved("p", "r-1", new Requests.DnsChangeRequest(["ns1.example.net", "ns2.example.net"]),
            Requests.RequestProof.SignedInSession), Now.AddHours(1));
        var told = Assert.IsType<SendNotice>(Assert.Single(refused));
        Assert.Equal((NoticeKind.RequestRefused, RequestRefusalReason.DisputeBlock, "r-1"), (told.Kind, told.Facts!.Refusal, told.Facts.RequestId));

        var lifted = domain.Raise(Decided(new DisputeDecision(DisputeOutcome.Unblock, "Appeal ruling 2-9/2026", rule), "2"), Now.AddDays(10));
        Assert.Empty(Assert.Single(lifted.OfType<SetDomainHolds>()).Holds);
        Assert.Equal(NoticeKind.Unblocked, Assert.Single(lifted.OfType<SendNotice>()).Kind);
    }

    [Theory]
    [InlineData("kz", "KZ-App-2")]
    [InlineData("kiev.ua", "UA-2.2.3")]
    public void A_dispute_decision_to_delete_deletes_the_domain_at_once_and_stops_its_renewal_KZ_App_2_UA_2_2_3(string zone, string rule)
    {
        var domain = RegisteredDomain.Expiring(zone, Expiry);

        var delete = Assert.IsType<DeleteDomain>(Assert.Single(domain.Raise(Decided(new DisputeDecision(DisputeOutcome.Delete, "Ruling 7", rule)), Now)));
        Assert.Equal($"example.{zone}", delete.DomainName);
        Assert.Equal(RegistrationPhase.Deleting, domain.State.Phase);

        var told = Assert.IsType<SendNotice>(Assert.Single(domain.Answer(new DomainDeleted(), Now)));
        Assert.Equal(NoticeKind.ServiceEnded, told.Kind);
        Assert.Equal(RegistrationPhase.Deleted, domain.State.Phase);
        Assert.True(domain.IsTerminal);
    }

    [Theory]
    [InlineData("kz", "KZ-App-2")]
    [InlineData("com.ua", "UA-2.2.3")]
    public void A_dispute_decision_re_delegates_the_domain_to_the_registrant_it_names_uninvoiced_and_the_expiry_stays_KZ_App_2_UA_2_2_3(string zone, string rule)
    {
        var domain = RegisteredDomain.Expiring(zone, Expiry);
        var claimant = new RegistrantData(RegistrantKind.LegalEntity,
            new PostalAddress("KZ", "010000", "Астана", "Астана", "Кенесары", "1"), "legal@claimant.example", "+7.7172000000", Organization: "ТОО Истец");

        var commands = domain.Raise(Decided(new DisputeDecision(DisputeOutcome.Redelegate, "Court ruling 2-123/2026", rule, claimant)), Now);

        var change = Assert.Single(commands.OfType<ChangeRegistrant>());
        Assert.Equal((claimant, "decision:1"), (change.Registrant, change.RequestId));
        Assert.Empty(commands.OfType<IssueRenewalInvoice>());
        Assert.Contains(rule, Assert.Single(commands.OfType<FlagForOperations>()).Reason);
        var answered = domain.Answer(new RegistrantChanged("C-claimant"), Now);
        var told = Assert.Single(answered.OfType<SendNotice>());
        Assert.Equal((NoticeKind.RegistrantChanged, Expiry), (told.Kind, told.Facts!.ExpiresAt));
        // KZ-App-10.3: from now on WHOIS publishes the claimant, not the registrant the order gave.
        Assert.Equal(claimant, Assert.Single(answered.OfType<RecordRegistrant>()).Registrant);
        Assert.Equal(("C-claimant", Expiry), (domain.State.RegistrantHandle, domain.State.ExpiresAt));
    }

    [Fact]
    public void A_re_delegation_naming_no_registrant_changes_nothing_KZ_App_2()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);

        Assert.IsType<FlagForOperations>(Assert.Single(domain.Raise(Decided(new DisputeDecision(DisputeOutcome.Redelegate, "Ruling", "KZ-App-2")), Now)));

        Assert.Null(domain.State.RegistrantChange);
    }

    [Fact]
    public void A_breach_notice_gives_until_its_deadline_and_the_uncured_registration_is_cancelled_then_KZ_App_4()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);
        var deadline = Now.AddDays(30);

        var notice = Assert.IsType<SendNotice>(Assert.Single(domain.Raise(Decided(new BreachNotice(deadline)), Now)));
        Assert.Equal((NoticeKind.BreachNoticed, deadline), (notice.Kind, notice.Facts!.DeletionAt));

        domain.LiveUntil(deadline.AddTicks(-1));
        Assert.Empty(domain.Sent.OfType<DeleteDomain>());
        Assert.Equal(RegistrationPhase.Registered, domain.State.Phase);

        domain.LiveUntil(deadline);
        Assert.Single(domain.Sent.OfType<DeleteDomain>());
        Assert.Equal(new ServiceEnding(BreachCure.Rule, deadline, TerminationGround.BreachUncured, CarriedOut: true), domain.State.Ending);
    }

    [Fact]
    public void A_breach_cured_in_time_keeps_the_registration_and_the_registrant_is_told_KZ_App_4()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);
        domain.Raise(Decided(new BreachNotice(Now.AddDays(30))), Now);

        var told = Assert.IsType<SendNotice>(Assert.Single(domain.Raise(Decided(new BreachCured(), "2"), Now.AddDays(12))));
        Assert.Empty(domain.Raise(Decided(new BreachCured(), "3"), Now.AddDays(13)).OfType<SendNotice>());
        domain.LiveUntil(Now.AddDays(40));

        Assert.Equal((NoticeKind.BreachCured, "4"), (told.Kind, told.Facts!.Clause));
        Assert.Empty(domain.Sent.OfType<DeleteDomain>());
        Assert.Null(domain.State.Breach);
        Assert.Equal(RegistrationPhase.Registered, domain.State.Phase);
    }

    [Fact]
    public void The_customers_view_shows_the_cure_deadline_while_a_breach_notice_runs_and_not_once_it_is_cured_KZ_App_4()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);

        domain.Raise(Decided(new BreachNotice(Now.AddDays(30))), Now);
        Assert.Equal(Now.AddDays(30), domain.Views[^1].BreachCureDeadline);
        domain.Raise(Decided(new BreachCured(), "2"), Now.AddDays(12));

        Assert.Null(domain.Views[^1].BreachCureDeadline);
    }

    [Fact]
    public void The_registrars_termination_takes_effect_at_its_date_and_points_operations_at_the_refund_UA_1_3_4_1_UA_6_2()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);
        var effective = Now.AddDays(30);

        var notice = Assert.IsType<SendNotice>(Assert.Single(domain.Raise(Decided(new TerminationNotice(TerminationGround.RegistrarNotice, effective, "UA-1.3.4.1")), Now)));
        Assert.Equal((NoticeKind.TerminationNoticed, "1.3.4.1", effective), (notice.Kind, notice.Facts!.Clause, notice.Facts.DeletionAt));
        // The registrant is told of the refund in the notice itself, as operations are by the flag.
        Assert.Equal(["UA-6.2", "UA-6.3"], notice.Facts.Rules);
        Assert.Equal(effective, domain.WakeAt);

        domain.LiveUntil(effective);

        Assert.Single(domain.Sent.OfType<DeleteDomain>());
        Assert.Contains(domain.Sent.OfType<FlagForOperations>(), f => f.Reason.Contains("UA-6.2") && f.Reason.Contains("early-termination-refund"));
    }

    [Fact]
    public void The_registrars_notice_never_keeps_the_unpaid_domain_past_its_deletion_UA_1_3_4_1_UA_1_12()
    {
        // Ten days after expiry nothing is paid, and a termination noticed stops every renewal invoice: the 30 days of the
        // notice would run 12 days past the deletion of the unpaid domain, 28 days after expiry, which cannot be kept.
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);
        var noticeAt = Expiry.AddDays(10);
        domain.LiveUntil(noticeAt);
        var deleteAt = Expiry.AddDays(28);

        var told = Assert.IsType<SendNotice>(Assert.Single(domain.Raise(
            new OperationsDecided("decision:late", new TerminationNotice(TerminationGround.RegistrarNotice, noticeAt.AddDays(30), "UA-1.3.4.1"),
                "ops (Dana)", noticeAt, "because"), noticeAt)));
        domain.LiveUntil(deleteAt);

        Assert.Equal(deleteAt, told.Facts!.DeletionAt);
        Assert.Equal(deleteAt, domain.State.Ending!.EffectiveAt);
        Assert.Single(domain.Sent.OfType<DeleteDomain>());
    }

    [Fact]
    public void A_renewal_paid_while_a_noticed_end_runs_renews_nothing_and_goes_to_operations_UA_1_3_4_1_UA_1_7()
    {
        // The invoice issued before the notice is still open: its payment buys no registry year past the noticed end, and
        // the money is a person's to settle (refund, or the notice withdrawn and the payment applied again).
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);
        domain.LiveUntil(Expiry.AddDays(-30));
        var noticeAt = Expiry.AddDays(-20);
        domain.Raise(new OperationsDecided("decision:notice", new TerminationNotice(TerminationGround.RegistrarNotice, noticeAt.AddDays(30), "UA-1.3.4.1"),
            "ops (Dana)", noticeAt, "because"), noticeAt);

        var commands = domain.PayCurrentInvoice(noticeAt.AddDays(1));

        var flag = Assert.IsType<FlagForOperations>(Assert.Single(commands));
        Assert.Contains("Settle the money", flag.Reason);
        Assert.Contains("UA-1.3.4.1", flag.Reason);
        Assert.Empty(domain.Sent.OfType<RenewDomain>());
        Assert.Null(domain.State.Renewal.PaidInvoice);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(0)]
    public void The_refund_is_quoted_on_the_last_day_served_in_Kyiv_however_the_end_instant_is_written_UA_6_3(int offsetHours)
    {
        // Notice sent on 10 January 2027: the 30 days end with 9 February, so the service ends at midnight opening 10 February
        // in Kyiv. 9 February is the last day served; the month starting 10 February is wholly unused and is refunded.
        var effective = new DateTimeOffset(2027, 2, 10, 0, 0, 0, TimeSpan.FromHours(2)).ToOffset(TimeSpan.FromHours(offsetHours));
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);
        domain.Raise(Decided(new TerminationNotice(TerminationGround.RegistrarNotice, effective, "UA-1.3.4.1")), Now);

        domain.LiveUntil(effective);

        Assert.Contains(domain.Sent.OfType<FlagForOperations>(), f => f.Reason.Contains("early-termination-refund?on=2027-02-09"));
    }

    [Fact]
    public void A_termination_for_breach_deletes_the_domain_when_the_notice_is_sent_UA_2_3_2()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);

        var commands = domain.Raise(Decided(new TerminationNotice(TerminationGround.RegistrantBreach, Now, "UA-2.3.2")), Now);

        var notice = Assert.Single(commands.OfType<SendNotice>());
        Assert.Equal((NoticeKind.TerminationNoticed, null), (notice.Kind, notice.Facts!.Rules));
        Assert.Single(commands.OfType<DeleteDomain>());
        Assert.DoesNotContain(commands.OfType<FlagForOperations>(), f => f.Reason.Contains("refund"));
    }

    [Fact]
    public void The_registrys_ending_of_its_agreement_deletes_the_domain_with_no_refund_UA_1_3_6()
    {
        var domain = RegisteredDomain.Expiring("ua", Expiry);

        var commands = domain.Raise(Decided(new TerminationNotice(TerminationGround.RegistryAgreementEnded, Now, "UA-1.3.6")), Now);

        Assert.Single(commands.OfType<DeleteDomain>());
        Assert.Empty(commands.OfType<FlagForOperations>());
        Assert.Equal("1.3.6", Assert.Single(commands.OfType<SendNotice>()).Facts!.Clause);
    }

    [Fact]
    public void A_termination_noticed_stops_renewal_reminders_and_invoices_UA_1_3_4_1()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);
        var effective = Expiry.AddDays(-5);

        domain.Raise(Decided(new TerminationNotice(TerminationGround.RegistrarNotice, effective, "UA-1.3.4.1")), effective.AddDays(-30));
        domain.LiveUntil(effective);

        Assert.Empty(domain.Notices(NoticeKind.RenewalReminder).Concat(domain.Notices(NoticeKind.RenewalInvoice)));
        Assert.Empty(domain.Sent.OfType<IssueRenewalInvoice>());
    }

    [Fact]
    public void A_second_registrars_notice_while_one_runs_changes_nothing_UA_1_3_4_1()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);
        domain.Raise(Decided(new TerminationNotice(TerminationGround.RegistrarNotice, Now.AddDays(30), "UA-1.3.4.1")), Now);

        var flag = Assert.IsType<FlagForOperations>(Assert.Single(domain.Raise(Decided(new TerminationNotice(TerminationGround.RegistrarNotice, Now.AddDays(31), "UA-1.3.4.1"), "2"), Now.AddDays(1))));

        Assert.Contains("already ends", flag.Reason);
        Assert.Equal(Now.AddDays(30), domain.State.Ending!.EffectiveAt);
    }

    [Fact]
    public void A_termination_due_while_a_renewal_awaits_its_answer_deletes_once_the_answer_came_UA_1_3_4_1()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);
        var effective = Now.AddDays(30);
        domain.Raise(Decided(new TerminationNotice(TerminationGround.RegistrarNotice, effective, "UA-1.3.4.1")), Now);
        Assert.IsType<QueryDomain>(Assert.Single(domain.Raise(new RegistryReported("poll", "status change"), effective.AddTicks(-1))));

        Assert.Empty(domain.Raise(new RegistrationTimerDue("timer", effective), effective));
        var afterAnswer = domain.Answer(new DomainInfo(true, true, "H-1", Expiry), effective.AddMinutes(1));

        Assert.Single(afterAnswer, c => c is DeleteDomain);
    }

    [Fact]
    public void Decisions_about_a_domain_not_registered_change_nothing()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);
        domain.Raise(Decided(new DisputeDecision(DisputeOutcome.Delete, "Ruling 7", "UA-2.2.3")), Now);
        domain.Answer(new DomainDeleted(), Now);

        var flag = Assert.IsType<FlagForOperations>(Assert.Single(domain.Raise(Decided(new SuspendService(SuspensionGround.Malware), "2"), Now)));

        Assert.Contains("Deleted", flag.Reason);
    }

    private static OperationsDecided Decided(OperationsDecision decision, string id = "1") =>
        new($"decision:{id}", decision, "ops (Dana)", Now, "because");
}
