using Registrar.Core.Calendars;
using Registrar.Core.Customers;
using Registrar.Core.Deadlines;
using Registrar.Core.Registrations;
using Registrar.Core.Requests;
using Registrar.Core.Tariffs;
using Registrar.Core.Tests.Zones;
using Registrar.Core.Zones;

namespace Registrar.Core.Tests.Registrations;

/// <summary>KZ-2.7: the customer asks for the renewal invoice in advance; the lifecycle issues the one the schedule would, once.</summary>
public sealed class RenewalInvoiceRequestDeciderTests
{
    /// <summary>A Tuesday with no KZ or UA holiday in the weeks before it.</summary>
    private static readonly DateTimeOffset Expiry = new(2027, 6, 15, 10, 0, 0, TimeSpan.Zero);

    private static readonly ZoneDeadlines Schedule = new(ZoneCatalog.LoadEmbedded(), BusinessCalendars.LoadEmbedded());

    [Fact]
    public void Renewal_invoice_is_issued_on_request_before_its_schedule_KZ_2_7()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);
        var asked = Expiry.AddDays(-60);

        var invoice = Assert.IsType<IssueRenewalInvoice>(Assert.Single(domain.Raise(Requested("q-1", asked), asked)));

        Assert.Equal((1, TariffOperation.Renew, (DateTimeOffset?)asked), (invoice.Years, invoice.Operation, invoice.AskedAt));
        // KZ-3.3: payable within 2 banking days of issue, as every invoice, and well before KZ-2.7's deadline.
        Assert.Equal(Schedule.InvoiceDueAt("kz", asked), invoice.DueAt);
        var notice = Assert.IsType<SendNotice>(Assert.Single(domain.IssueInvoice(invoice, asked)));
        Assert.Equal((NoticeKind.RenewalInvoice, "INV-" + invoice.CommandId, (DateTimeOffset?)invoice.DueAt), (notice.Kind, notice.Facts!.InvoiceNumber, notice.Facts.PayBy));
        Assert.Equal("owner@example.test", notice.To);
    }

    [Fact]
    public void A_repeated_request_issues_no_second_invoice_while_one_is_on_its_way_or_open_KZ_2_7()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);
        var asked = Expiry.AddDays(-60);
        var invoice = Assert.IsType<IssueRenewalInvoice>(Assert.Single(domain.Raise(Requested("q-1", asked), asked)));

        Assert.Empty(domain.Raise(Requested("q-2", asked.AddMinutes(1)), asked.AddMinutes(1)));
        domain.IssueInvoice(invoice, asked.AddMinutes(2));
        Assert.Empty(domain.Raise(Requested("q-3", asked.AddHours(1)), asked.AddHours(1)));

        Assert.Single(domain.Sent.OfType<IssueRenewalInvoice>());
    }

    [Fact]
    public void The_reminder_after_a_requested_invoice_carries_it_instead_of_issuing_a_second_one_KZ_2_7_KZ_2_6()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);
        var asked = Expiry.AddDays(-30).AddHours(-1);
        var invoice = Assert.IsType<IssueRenewalInvoice>(Assert.Single(domain.Raise(Requested("q-1", asked), asked)));
        domain.IssueInvoice(invoice, asked);

        domain.LiveUntil(Expiry.AddDays(-30));

        Assert.Single(domain.Sent.OfType<IssueRenewalInvoice>());
        var reminder = Assert.Single(domain.Notices(NoticeKind.RenewalReminder));
        Assert.Equal("INV-" + invoice.CommandId, reminder.Facts!.InvoiceNumber);
        Assert.Equal(["before-expiry-30d"], domain.State.Renewal.RemindersSent);
    }

    [Fact]
    public void A_request_past_the_renewal_deadline_is_refused_to_operations_KZ_2_7()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);
        domain.LiveUntil(Expiry.AddDays(-1));
        domain.Sent.Clear();

        var flag = Assert.IsType<FlagForOperations>(Assert.Single(domain.Raise(Requested("q-1", Expiry.AddDays(-1)), Expiry.AddDays(-1))));

        Assert.Contains("the renewal could be paid until", flag.Reason);
        Assert.Contains("Answer the customer (KZ-2.7)", flag.Reason);
    }

    [Fact]
    public void A_paid_term_or_a_deleted_domain_takes_no_request_UA_1_7_KZ_2_8()
    {
        var paid = RegisteredDomain.Expiring("kz", Expiry);
        paid.LiveUntil(Expiry.AddDays(-30));
        paid.PayCurrentInvoice(Expiry.AddDays(-29));
        var deleted = RegisteredDomain.Expiring("kz", Expiry);
        deleted.LiveUntil(Expiry);

        var paidFlag = Assert.IsType<FlagForOperations>(Assert.Single(paid.Raise(Requested("q-1", Expiry.AddDays(-28)), Expiry.AddDays(-28))));
        var deletedFlag = Assert.IsType<FlagForOperations>(Assert.Single(deleted.Raise(Requested("q-1", Expiry.AddHours(1)), Expiry.AddHours(1))));

        Assert.Contains("already pays the renewal of this term (UA-1.7)", paidFlag.Reason);
        Assert.Contains("the domain is Deleting", deletedFlag.Reason);
        Assert.Single(paid.Sent.OfType<IssueRenewalInvoice>());
    }

    [Fact]
    public void A_contract_ending_on_the_registrants_notice_is_not_invoiced_on_request_UA_6_1()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);
        var noticed = Expiry.AddDays(-90);
        domain.Raise(new CustomerRequestProved("proved:r-1", "r-1", new TerminationRequest(noticed.AddDays(20), "UA-6.1"), RequestProof.ContactEmail, noticed), noticed);

        var flag = Assert.IsType<FlagForOperations>(Assert.Single(domain.Raise(Requested("q-1", noticed.AddDays(1)), noticed.AddDays(1))));

        Assert.Contains("on a notice (UA-6.1): no renewal is invoiced", flag.Reason);
    }

    [Fact]
    public void A_ua_domain_gets_its_requested_invoice_payable_until_expiry_as_the_schedule_would_issue_it_UA_1_10()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);
        var asked = Expiry.AddDays(-45);

        var invoice = Assert.IsType<IssueRenewalInvoice>(Assert.Single(domain.Raise(Requested("q-1", asked), asked)));

        Assert.Equal((TariffOperation.Renew, Expiry), (invoice.Operation, invoice.DueAt));
    }

    [Fact]
    public void A_ua_invoice_asked_for_while_the_term_has_more_than_its_last_year_to_run_lapses_as_an_orders_invoice_UA_3_1()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);
        var asked = Expiry.AddYears(-1).AddDays(-1);

        var invoice = Assert.IsType<IssueRenewalInvoice>(Assert.Single(domain.Raise(Requested("q-1", asked), asked)));

        Assert.Equal(Schedule.InvoiceDueAt("com.ua", asked), invoice.DueAt);
        Assert.True(invoice.DueAt < asked.AddDays(10));
    }

    [Fact]
    public void An_expired_ua_domain_in_its_priority_is_answered_by_the_open_redemption_invoice_UA_1_11_UA_1_12()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);
        domain.LiveUntil(Expiry.AddDays(1));
        var scheduled = domain.Sent.OfType<IssueRenewalInvoice>().Last();

        Assert.Empty(domain.Raise(Requested("q-1", Expiry.AddDays(2)), Expiry.AddDays(2)));

        Assert.Equal(RegistrationPhase.Expired, domain.State.Phase);
        Assert.Equal((TariffOperation.RedemptionRenewal, domain.State.Renewal.InvoiceDueAt), (scheduled.Operation, (DateTimeOffset?)scheduled.DueAt));
    }

    [Fact]
    public void A_request_whose_renewal_would_pass_the_registrys_maximum_period_is_refused_before_any_invoice_RFC5731_3_2_3()
    {
        // A ten-year term just registered: one more year would end eleven years on, past the registry's ten (RFC 5731 3.2.3).
        var paidAt = new DateTimeOffset(2026, 6, 17, 10, 0, 0, TimeSpan.Zero);
        var order = new RegistrationOrder("order-1", "cust-1", "example.kz", "example.kz", "kz", 10, "owner@example.test",
            "H-1", null, TechnicalContact.Registrant, false, null, "en");
        var domain = RegisteredDomain.Paid(order, paidAt);
        domain.Answer(new DomainCreated(paidAt.AddYears(10)), paidAt);
        var asked = paidAt.AddDays(1);

        var flag = Assert.IsType<FlagForOperations>(Assert.Single(domain.Raise(Requested("q-1", asked), asked)));

        Assert.Contains("past the registry's maximum registration period of 10 years (RFC 5731 section 3.2.3)", flag.Reason);
        Assert.Null(domain.State.Renewal.InvoiceCommandId);
    }

    [Fact]
    public void A_scheduled_renewal_invoice_is_not_issued_for_a_year_the_registry_would_refuse_RFC5731_3_2_3()
    {
        // Operations set a one-year maximum: a year more, asked 30 days before expiry, would end past it.
        var zones = ZoneCatalog.Parse(ZoneData.Shipped().Replace("\"maxYears\": 10", "\"maxYears\": 1", StringComparison.Ordinal));
        var domain = RegisteredDomain.Expiring("kz", Expiry);
        domain.StartWith(new ZoneDeadlines(zones, BusinessCalendars.LoadEmbedded()));

        domain.LiveUntil(Expiry.AddDays(-30));

        Assert.Empty(domain.Sent.OfType<IssueRenewalInvoice>());
        Assert.Null(Assert.Single(domain.Notices(NoticeKind.RenewalReminder)).Facts!.InvoiceNumber);
    }

    private static RenewalInvoiceRequested Requested(string id, DateTimeOffset at) => new($"renewal-invoice-request:{id}", id, at);
}
