using Registrar.Core.Orders;
using Registrar.Core.Registrations;
using Registrar.Core.Tariffs;

namespace Registrar.Core.Tests.Registrations;

public sealed class RenewalDeciderTests
{
    /// <summary>A Tuesday with no KZ or UA holiday in the three weeks before it.</summary>
    private static readonly DateTimeOffset Expiry = new(2027, 6, 15, 10, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan Almaty = TimeSpan.FromHours(5);

    [Fact]
    public void Reminders_go_out_30_14_and_7_days_before_expiry_and_on_the_deadline_each_once_KZ_2_6()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);

        domain.LiveUntil(Expiry.AddMinutes(-1));

        var reminders = domain.Sent.OfType<SendNotice>().ToList();
        Assert.Equal(4, reminders.Count);
        Assert.All(reminders, n => Assert.Equal("owner@example.test", n.To));
        Assert.Equal(reminders.Count, reminders.Select(n => n.CommandId).Distinct().Count());
        Assert.Equal(["before-expiry-30d", "before-expiry-14d", "before-expiry-7d", "renewal-deadline"], domain.State.Renewal.RemindersSent);
        domain.LiveUntil(Expiry.AddMinutes(-1));
        Assert.Equal(4, domain.Sent.OfType<SendNotice>().Count());
    }

    [Fact]
    public void A_ten_year_kz_term_ending_past_the_calendar_years_is_registered_and_sleeps_until_its_first_reminder_KZ_2_7()
    {
        var paidAt = new DateTimeOffset(2026, 12, 2, 6, 0, 0, TimeSpan.Zero);
        var expiry = paidAt.AddYears(10);
        var order = new RegistrationOrder("order-1", "cust-1", "example.kz", "example.kz", "kz", 10, "owner@example.test",
            "H-1", null, Registrar.Core.Customers.TechnicalContact.Registrant, false, null, "en");
        var domain = RegisteredDomain.Paid(order, paidAt);

        domain.Answer(new DomainCreated(expiry), paidAt.AddMinutes(1));
        domain.LiveUntil(expiry.AddDays(-31));

        Assert.Equal((RegistrationPhase.Registered, expiry), (domain.State.Phase, domain.State.ExpiresAt));
        Assert.Equal(expiry.AddDays(-30), domain.WakeAt);
        Assert.Empty(domain.State.Renewal.RemindersSent);
    }

    [Fact]
    public void A_late_wake_up_sends_only_the_latest_reminder_due_KZ_2_6()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);

        domain.LiveUntil(Expiry.AddDays(-6), late: TimeSpan.FromDays(17));

        Assert.Single(domain.Sent.OfType<SendNotice>());
        Assert.Contains("before-expiry-30d", domain.State.Renewal.RemindersSent);
        Assert.Contains("before-expiry-14d", domain.State.Renewal.RemindersSent);
    }

    [Fact]
    public void A_wake_up_days_after_a_ua_expiry_sends_the_expiry_notice_alone_standing_for_the_reminder_due_since_KZ_2_6_UA_1_10()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);
        domain.LiveUntil(Expiry.AddDays(-1));
        var before = domain.Sent.OfType<SendNotice>().Count();

        domain.LiveUntil(Expiry.AddDays(10), late: TimeSpan.FromDays(10));

        Assert.Equal([NoticeKind.Expired], domain.Sent.OfType<SendNotice>().Skip(before).Select(n => n.Kind));
        Assert.Contains("after-expiry-7d", domain.State.Renewal.RemindersSent);
        Assert.DoesNotContain("after-expiry-21d", domain.State.Renewal.RemindersSent);
    }

    [Fact]
    public void A_wake_up_past_the_ua_deletion_deletes_and_sends_no_reminder_naming_a_deletion_day_gone_by_KZ_2_6_UA_1_12()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);
        domain.LiveUntil(Expiry.AddDays(1));
        var before = domain.Sent.Count;

        domain.LiveUntil(Expiry.AddDays(40), late: TimeSpan.FromDays(25));

        var after = domain.Sent.Skip(before).ToList();
        Assert.Single(after.OfType<DeleteDomain>());
        Assert.Empty(after.OfType<SendNotice>());
        Assert.Equal(RegistrationPhase.Deleting, domain.State.Phase);
    }

    [Fact]
    public void Renewal_invoice_is_payable_until_the_end_of_the_third_banking_day_before_expiry_KZ_2_7()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);

        domain.LiveUntil(Expiry.AddDays(-3));

        // 15 June 2027 is a Tuesday: Monday 14, Friday 11 and Thursday 10 June are the three banking days before it.
        var payBy = new DateTimeOffset(2027, 6, 11, 0, 0, 0, Almaty);
        var invoices = domain.Sent.OfType<IssueRenewalInvoice>().ToList();
        Assert.All(invoices, i => Assert.True(i.DueAt <= payBy));
        Assert.Equal(payBy, invoices.Last().DueAt);
        Assert.All(invoices, i => Assert.Equal(TariffOperation.Renew, i.Operation));
        var lastNotice = domain.Notices(NoticeKind.RenewalInvoice).Last();
        Assert.Equal(payBy, lastNotice.Facts!.PayBy);
        Assert.Equal("en", lastNotice.Language);
    }

    [Fact]
    public void No_renewal_invoice_is_issued_after_the_kz_renewal_deadline_KZ_2_7()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);
        domain.LiveUntil(Expiry.AddDays(-3));
        var issued = domain.Sent.OfType<IssueRenewalInvoice>().Count();

        domain.LiveUntil(Expiry);

        Assert.Equal(issued, domain.Sent.OfType<IssueRenewalInvoice>().Count());
        var expired = Assert.Single(domain.Notices(NoticeKind.Expired));
        Assert.Null(expired.Facts!.InvoiceNumber);
    }

    [Fact]
    public void A_kz_invoice_lapses_within_two_banking_days_so_each_later_reminder_brings_a_new_one_KZ_3_3()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);

        domain.LiveUntil(Expiry.AddDays(-7));

        var invoices = domain.Sent.OfType<IssueRenewalInvoice>().ToList();
        Assert.Equal(3, invoices.Count);
        Assert.Equal(3, domain.Notices(NoticeKind.RenewalInvoice).Select(n => n.Facts!.InvoiceNumber).Distinct().Count());
    }

    [Fact]
    public void An_unpaid_kz_domain_is_deleted_at_expiry_after_its_reminders_and_the_name_is_free_KZ_2_8()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);

        domain.LiveUntil(Expiry);

        var delete = Assert.IsType<DeleteDomain>(domain.Sent.Last());
        Assert.Equal("example.kz", delete.DomainName);
        Assert.Equal(RegistrationPhase.Deleting, domain.State.Phase);
        Assert.Equal(5, domain.Sent.OfType<SendNotice>().Count());
        domain.Answer(new DomainDeleted(), Expiry);
        Assert.Equal(RegistrationPhase.Deleted, domain.State.Phase);
        Assert.Single(domain.Notices(NoticeKind.Deleted));
        Assert.True(domain.IsTerminal);
    }

    [Fact]
    public void A_paid_kz_domain_is_not_deleted_KZ_2_8()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);
        domain.LiveUntil(Expiry.AddDays(-10));

        domain.PayCurrentInvoice(Expiry.AddDays(-10));
        domain.LiveUntil(Expiry.AddDays(1));

        Assert.DoesNotContain(domain.Sent, c => c is DeleteDomain);
        Assert.Equal(RegistrationPhase.Renewing, domain.State.Phase);
    }

    [Fact]
    public void A_renewal_adds_a_year_to_the_previous_expiry_not_to_the_payment_date_UA_1_7()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);
        domain.LiveUntil(Expiry.AddDays(-30));

        var renew = Assert.IsType<RenewDomain>(Assert.Single(domain.PayCurrentInvoice(Expiry.AddDays(-29))));
        Assert.Equal(Expiry, renew.CurrentExpiry);
        Assert.Equal(1, renew.Years);

        domain.Answer(new DomainRenewed(Expiry.AddYears(1)), Expiry.AddDays(-29));
        Assert.Equal(Expiry.AddYears(1), domain.State.ExpiresAt);
        Assert.Equal(RegistrationPhase.Registered, domain.State.Phase);
        Assert.Equal(Expiry.AddYears(1), Assert.Single(domain.Notices(NoticeKind.Renewed)).Facts!.ExpiresAt);
        Assert.Equal(Expiry.AddYears(1).AddDays(-30), domain.WakeAt);
    }

    [Fact]
    public void A_renewal_in_the_ua_grace_reads_the_domain_back_so_the_hold_the_registry_lifted_is_no_longer_shown_UA_1_10()
    {
        var held = RegisteredDomain.Expiring("com.ua", Expiry).With(s => s with { RegistryStatuses = ["serverHold"] });
        var plain = RegisteredDomain.Expiring("com.ua", Expiry);
        foreach (var domain in new[] { held, plain })
        {
            domain.LiveUntil(Expiry.AddDays(-30));
            domain.PayCurrentInvoice(Expiry.AddDays(-29));
        }

        var readBack = held.Answer(new DomainRenewed(Expiry.AddYears(1)), Expiry.AddDays(-29));
        var nothing = plain.Answer(new DomainRenewed(Expiry.AddYears(1)), Expiry.AddDays(-29));
        held.Answer(new DomainInfo(true, true, "H-1", Expiry.AddYears(1), ["ok"]), Expiry.AddDays(-29));

        Assert.Single(readBack.OfType<QueryDomain>());
        Assert.Empty(nothing.OfType<QueryDomain>());
        Assert.Equal(["ok"], held.State.RegistryStatuses);
        Assert.Equal((RegistrationPhase.Registered, Expiry.AddYears(1)), (held.State.Phase, held.State.ExpiresAt));
        Assert.Single(held.Notices(NoticeKind.Renewed));
    }

    [Fact]
    public void A_second_payment_never_renews_twice_UA_1_7()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);
        domain.LiveUntil(Expiry.AddDays(-30));
        var invoice = domain.State.Renewal.InvoiceNumber!;
        domain.PayCurrentInvoice(Expiry.AddDays(-29));

        var again = domain.Raise(new RenewalPaid("renewal-paid:other", invoice, 1, Expiry.AddDays(-29)), Expiry.AddDays(-29));

        Assert.IsType<FlagForOperations>(Assert.Single(again));
        Assert.Single(domain.Sent.OfType<RenewDomain>());
    }

    [Fact]
    public void A_payment_of_another_invoice_renews_nothing_UA_1_7()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);
        domain.LiveUntil(Expiry.AddDays(-30));

        var commands = domain.PayCurrentInvoice(Expiry.AddDays(-29), number: "INV-unknown");

        Assert.IsType<FlagForOperations>(Assert.Single(commands));
        Assert.Equal(RegistrationPhase.Registered, domain.State.Phase);
    }

    [Fact]
    public void A_payment_of_an_invoice_of_the_previous_expiry_renews_nothing_UA_1_7()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);
        domain.LiveUntil(Expiry.AddDays(-30));
        var first = domain.State.Renewal.InvoiceNumber!;
        domain.LiveUntil(Expiry.AddDays(-14));
        Assert.Contains(first, domain.State.Renewal.EarlierInvoices);
        domain.PayCurrentInvoice(Expiry.AddDays(-14));
        domain.Answer(new DomainRenewed(Expiry.AddYears(1)), Expiry.AddDays(-14));

        var commands = domain.Raise(new RenewalPaid("renewal-paid:" + first, first, 1, Expiry.AddDays(-29)), Expiry.AddDays(-13));

        Assert.IsType<FlagForOperations>(Assert.Single(commands));
        Assert.Single(domain.Sent.OfType<RenewDomain>());
    }

    [Fact]
    public void A_ua_renewal_invoice_paid_before_expiry_and_notified_after_it_renews_and_cancels_the_redemption_invoice_UA_3_4_UA_1_11()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);
        domain.LiveUntil(Expiry.AddDays(-1));
        var renewalInvoice = domain.State.Renewal.InvoiceNumber!;
        domain.LiveUntil(Expiry);
        var redemptionInvoice = domain.State.Renewal.InvoiceNumber!;
        Assert.NotEqual(renewalInvoice, redemptionInvoice);

        // Booked an hour before expiry (the bank applied it so), notified three hours after it.
        var commands = domain.Raise(new RenewalPaid("renewal-paid:" + renewalInvoice, renewalInvoice, 1, Expiry.AddHours(-1)), Expiry.AddHours(3));

        Assert.Equal(Expiry, Assert.Single(commands.OfType<RenewDomain>()).CurrentExpiry);
        var cancel = Assert.Single(commands.OfType<CancelRenewalInvoice>());
        Assert.Equal((redemptionInvoice, renewalInvoice), (cancel.InvoiceNumber, cancel.PaidInvoice));
        Assert.Empty(commands.OfType<FlagForOperations>());
    }

    [Fact]
    public void A_ua_redemption_invoice_paid_cancels_the_renewal_invoice_before_it_so_its_late_payment_is_held_UA_1_7()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);
        domain.LiveUntil(Expiry.AddDays(-1));
        var renewalInvoice = domain.State.Renewal.InvoiceNumber!;
        domain.LiveUntil(Expiry);
        var redemptionInvoice = domain.State.Renewal.InvoiceNumber!;

        var commands = domain.PayCurrentInvoice(Expiry.AddDays(1));

        var cancel = Assert.Single(commands.OfType<CancelRenewalInvoice>());
        Assert.Equal((renewalInvoice, redemptionInvoice), (cancel.InvoiceNumber, cancel.PaidInvoice));
        Assert.Single(commands.OfType<RenewDomain>());
    }

    [Fact]
    public void An_invoice_issued_after_an_earlier_one_paid_the_renewal_is_cancelled_and_not_mailed_UA_1_7()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);
        domain.LiveUntil(Expiry.AddDays(-1));
        var renewalInvoice = domain.State.Renewal.InvoiceNumber!;
        var expired = domain.Raise(new RegistrationTimerDue("timer-expiry", Expiry), Expiry);
        var redemption = Assert.Single(expired.OfType<IssueRenewalInvoice>());
        domain.Raise(new RenewalPaid("renewal-paid:" + renewalInvoice, renewalInvoice, 1, Expiry.AddHours(-1)), Expiry.AddMinutes(1));

        var issued = domain.IssueInvoice(redemption, Expiry.AddMinutes(2));

        Assert.Equal("INV-" + redemption.CommandId, Assert.IsType<CancelRenewalInvoice>(Assert.Single(issued)).InvoiceNumber);
        Assert.Empty(domain.Notices(NoticeKind.Expired));
    }

    [Fact]
    public void An_unknown_renew_outcome_is_read_back_and_a_renew_that_took_effect_is_not_sent_again_UA_1_7()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);
        domain.LiveUntil(Expiry.AddDays(-30));
        domain.PayCurrentInvoice(Expiry.AddDays(-29));

        Assert.IsType<QueryDomain>(Assert.Single(domain.Answer(new OutcomeUnknown(), Expiry.AddDays(-29))));
        domain.Answer(new DomainInfo(true, true, "H-1", Expiry.AddYears(1), ["ok"]), Expiry.AddDays(-29));

        Assert.Single(domain.Sent.OfType<RenewDomain>());
        Assert.Equal(Expiry.AddYears(1), domain.State.ExpiresAt);
    }

    [Fact]
    public void An_unknown_renew_outcome_that_did_not_take_effect_renews_from_the_same_expiry_UA_1_7()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);
        domain.LiveUntil(Expiry.AddDays(-30));
        domain.PayCurrentInvoice(Expiry.AddDays(-29));
        domain.Answer(new OutcomeUnknown(), Expiry.AddDays(-29));

        var again = domain.Answer(new DomainInfo(true, true, "H-1", Expiry, ["ok"]), Expiry.AddDays(-29));

        Assert.Equal(Expiry, Assert.IsType<RenewDomain>(Assert.Single(again)).CurrentExpiry);
    }

    [Fact]
    public void An_expired_ua_domain_stays_renewable_at_the_redemption_tariff_until_deletion_UA_1_11_UA_1_12()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);

        domain.LiveUntil(Expiry);

        Assert.Equal(RegistrationPhase.Expired, domain.State.Phase);
        var invoice = domain.Sent.OfType<IssueRenewalInvoice>().Last();
        Assert.Equal(TariffOperation.RedemptionRenewal, invoice.Operation);
        Assert.True(invoice.DueAt <= Expiry.AddDays(28));
        var expired = Assert.Single(domain.Notices(NoticeKind.Expired));
        Assert.Equal(invoice.CommandId, expired.Facts!.InvoiceNumber![4..]);
        Assert.Equal(Expiry.AddDays(28), expired.Facts.DeletionAt);

        domain.PayCurrentInvoice(Expiry.AddDays(1));
        Assert.Equal(Expiry, domain.Sent.OfType<RenewDomain>().Single().CurrentExpiry);
    }

    [Fact]
    public void An_expired_ua_domain_has_an_open_invoice_until_its_deletion_UA_1_10_UA_1_12()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);
        var lastMinute = Expiry.AddDays(28).AddMinutes(-1);

        domain.LiveUntil(lastMinute);

        Assert.Contains("after-expiry-21d", domain.State.Renewal.RemindersSent);
        Assert.True(domain.State.Renewal.HasOpenInvoice(lastMinute));
        Assert.Equal(Expiry.AddDays(28), domain.State.Renewal.InvoiceDueAt);
    }

    [Fact]
    public void A_ua_renewal_paid_before_expiry_is_priced_as_a_renewal_UA_1_11()
    {
        var domain = RegisteredDomain.Expiring("ua", Expiry);

        domain.LiveUntil(Expiry.AddDays(-1));

        Assert.All(domain.Sent.OfType<IssueRenewalInvoice>(), i => Assert.Equal(TariffOperation.Renew, i.Operation));
        Assert.All(domain.Sent.OfType<IssueRenewalInvoice>(), i => Assert.True(i.DueAt <= Expiry));
    }

    [Fact]
    public void An_unpaid_ua_domain_is_deleted_28_days_after_expiry_not_before_UA_1_10_UA_1_12()
    {
        var domain = RegisteredDomain.Expiring("kyiv.ua", Expiry);

        domain.LiveUntil(Expiry.AddDays(28).AddMinutes(-1));
        Assert.DoesNotContain(domain.Sent, c => c is DeleteDomain);
        Assert.Contains("after-expiry-21d", domain.State.Renewal.RemindersSent);

        domain.LiveUntil(Expiry.AddDays(28));
        Assert.IsType<DeleteDomain>(domain.Sent.Last());
    }

    [Fact]
    public void A_pending_deletion_waits_for_the_registry_to_report_the_name_gone_and_shows_it_pending_delete_RFC_5731_3_2_2()
    {
        var domain = RegisteredDomain.Expiring("ua", Expiry);
        domain.LiveUntil(Expiry.AddDays(28));

        Assert.Empty(domain.Answer(new RegistryPending(), Expiry.AddDays(28)));
        // The view RDAP and WHOIS read says "pending delete" (RFC 8056) rather than the statuses before the delete.
        Assert.Contains("pendingDelete", domain.Views[^1].RegistryStatuses!);
        Assert.DoesNotContain("ok", domain.Views[^1].RegistryStatuses!);
        Assert.Equal(RegistrationPhase.Deleting, domain.State.Phase);
        Assert.Empty(domain.Notices(NoticeKind.Deleted));

        Assert.IsType<QueryDomain>(Assert.Single(domain.Raise(new RegistryReported("poll:1", "deleted"), Expiry.AddDays(63))));
        domain.Answer(new DomainInfo(false, false, null, null), Expiry.AddDays(63));
        Assert.Equal(RegistrationPhase.Deleted, domain.State.Phase);
        Assert.Single(domain.Notices(NoticeKind.Deleted));
    }

    [Fact]
    public void A_renewal_of_a_name_in_redemption_restores_it_first_RFC_3915_UA_1_12()
    {
        var domain = RegisteredDomain.Expiring("ua", Expiry);
        domain.LiveUntil(Expiry.AddDays(1));
        domain.PayCurrentInvoice(Expiry.AddDays(2));

        Assert.IsType<QueryDomain>(Assert.Single(domain.Answer(new RegistryRefused(2304, "redemptionPeriod"), Expiry.AddDays(2))));
        Assert.IsType<RestoreDomain>(Assert.Single(domain.Answer(new DomainInfo(true, true, "H-1", Expiry, ["pendingDelete", "redemptionPeriod"]), Expiry.AddDays(2))));
        var renew = Assert.IsType<RenewDomain>(Assert.Single(domain.Answer(new DomainRestored(), Expiry.AddDays(2))));

        Assert.Equal(Expiry, renew.CurrentExpiry);
    }

    [Fact]
    public void A_restore_that_moved_the_expiry_by_the_year_paid_is_read_back_as_the_renewal_RFC_3915_UA_1_7()
    {
        var domain = RegisteredDomain.Expiring("kyiv.ua", Expiry);
        domain.LiveUntil(Expiry.AddDays(10));
        domain.PayCurrentInvoice(Expiry.AddDays(11));
        domain.Answer(new RegistryRefused(2304, "pendingDelete"), Expiry.AddDays(11));
        domain.Answer(new DomainInfo(true, true, "H-1", Expiry, ["pendingDelete", "redemptionPeriod"]), Expiry.AddDays(11));
        domain.Answer(new DomainRestored(), Expiry.AddDays(11));

        Assert.IsType<QueryDomain>(Assert.Single(domain.Answer(new RegistryRefused(2306, "curExpDate does not match"), Expiry.AddDays(11))));
        domain.Answer(new DomainInfo(true, true, "H-1", Expiry.AddYears(1), ["ok"]), Expiry.AddDays(11));

        Assert.Equal((RegistrationPhase.Registered, Expiry.AddYears(1)), (domain.State.Phase, domain.State.ExpiresAt));
        Assert.Single(domain.Notices(NoticeKind.Renewed));
    }

    [Fact]
    public void The_registry_is_the_authority_for_expiry_and_a_mismatch_is_flagged_once()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);
        var observed = new DomainInfo(true, true, "H-1", Expiry.AddYears(1), ["ok"]);

        var first = domain.Raise(new RegistryObserved("observed:1", observed, Expiry.AddDays(-60)), Expiry.AddDays(-60));
        var second = domain.Raise(new RegistryObserved("observed:2", observed, Expiry.AddDays(-59)), Expiry.AddDays(-59));

        Assert.Equal(Expiry.AddYears(1), domain.State.ExpiresAt);
        Assert.IsType<FlagForOperations>(Assert.Single(first));
        Assert.Empty(second);
    }

    [Fact]
    public void Invoices_of_an_expiry_the_registry_moved_on_by_itself_are_cancelled_so_none_is_owed_or_paid_for_nothing_UA_3_5()
    {
        var domain = RegisteredDomain.Expiring("kyiv.ua", Expiry);
        domain.LiveUntil(Expiry.AddDays(1));
        var redemption = domain.State.Renewal.InvoiceNumber!;
        Assert.True(domain.State.Renewal.HasOpenInvoice(Expiry.AddDays(2)));

        var observed = domain.Raise(new RegistryObserved("observed:1", new DomainInfo(true, true, "H-1", Expiry.AddYears(1), ["ok"]), Expiry.AddDays(2)),
            Expiry.AddDays(2));

        var cancelled = observed.OfType<CancelRenewalInvoice>().ToList();
        Assert.Contains(cancelled, c => c.InvoiceNumber == redemption);
        Assert.All(cancelled, c => Assert.Equal((null, InvoiceCancellation.RegistryRenewedRule), (c.PaidInvoice, c.EndingRule)));
        Assert.Equal((RegistrationPhase.Registered, Expiry.AddYears(1)), (domain.State.Phase, domain.State.ExpiresAt));
        Assert.Null(domain.State.Renewal.InvoiceNumber);
        Assert.Contains("registry moved the domain's expiry", new InvoiceCancellation(Expiry, null, InvoiceCancellation.RegistryRenewedRule).Reason);
    }

    [Fact]
    public void An_expiry_the_registry_moved_earlier_cancels_no_invoice()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);
        domain.LiveUntil(Expiry.AddDays(-30));

        var observed = domain.Raise(new RegistryObserved("observed:1", new DomainInfo(true, true, "H-1", Expiry.AddDays(-10), ["ok"]), Expiry.AddDays(-29)),
            Expiry.AddDays(-29));

        Assert.Empty(observed.OfType<CancelRenewalInvoice>());
    }

    [Theory]
    [InlineData("serverHold")]
    [InlineData("clientHold")]
    [InlineData("pendingDelete")]
    public void A_hold_or_deletion_the_registry_put_on_a_registered_domain_on_its_own_is_flagged_once(string status)
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);
        var observed = new DomainInfo(true, true, "H-1", Expiry, [status]);

        var first = domain.Raise(new RegistryObserved("observed:1", observed, Expiry.AddDays(-60)), Expiry.AddDays(-60));
        var second = domain.Raise(new RegistryObserved("observed:2", observed, Expiry.AddDays(-59)), Expiry.AddDays(-59));

        var flag = Assert.IsType<FlagForOperations>(Assert.Single(first));
        Assert.Contains(status, flag.Reason, StringComparison.Ordinal);
        Assert.Contains("did not ask for", flag.Reason, StringComparison.Ordinal);
        Assert.Empty(second);
        Assert.Equal([status], domain.State.RegistryStatuses);
    }

    [Fact]
    public void Statuses_that_keep_a_domain_in_the_zone_are_followed_without_a_flag()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);

        var commands = domain.Raise(new RegistryObserved("observed:1", new DomainInfo(true, true, "H-1", Expiry, ["clientTransferProhibited", "serverDeleteProhibited"]),
            Expiry.AddDays(-60)), Expiry.AddDays(-60));

        Assert.Empty(commands);
    }

    [Fact]
    public void A_domain_the_registry_shows_under_another_sponsor_ends_here_and_the_customer_is_told()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);

        var commands = domain.Raise(new RegistryObserved("observed:1", new DomainInfo(true, false, "X-1", Expiry, ["ok"]), Expiry.AddDays(-60)), Expiry.AddDays(-60));

        Assert.Equal(NoticeKind.TransferredAway, Assert.IsType<SendNotice>(Assert.Single(commands)).Kind);
        Assert.Equal(RegistrationPhase.TransferredAway, domain.State.Phase);
        Assert.True(domain.IsTerminal);
    }

    [Fact]
    public void No_reminder_goes_out_once_the_renewal_is_paid_KZ_2_6()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);
        domain.LiveUntil(Expiry.AddDays(-30));
        domain.PayCurrentInvoice(Expiry.AddDays(-29));
        var sent = domain.Sent.Count;

        domain.LiveUntil(Expiry.AddDays(-1));

        Assert.Equal(sent, domain.Sent.Count);
        Assert.Null(domain.WakeAt);
    }
}
