using Registrar.Core.Calendars;
using Registrar.Core.Registrations;
using Registrar.Core.Tariffs;

namespace Registrar.Core.Tests.Registrations;

/// <summary>A wake-up whose deadlines need a calendar year that is not loaded (the shipped files end with 2030) waits for it,
/// flagged for operations, checked again hourly, and goes on once the year's file is published.</summary>
public sealed class CalendarWaitDeciderTests
{
    /// <summary>A Monday past the shipped years: its three banking days before expiry are counted in kz-2031.txt.</summary>
    private static readonly DateTimeOffset KzExpiry = new(2031, 1, 20, 10, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset FirstReminder = KzExpiry.AddDays(-30);

    [Fact]
    public void A_missing_calendar_year_stalls_the_invoice_with_a_flag_and_it_is_issued_when_the_year_is_loaded_KZ_2_7()
    {
        var domain = RegisteredDomain.Expiring("kz", KzExpiry);

        domain.LiveUntil(FirstReminder);

        var flag = Assert.Single(domain.Sent.OfType<FlagForOperations>());
        Assert.StartsWith("Calendar year 2031 for KZ is missing", flag.Reason);
        Assert.Contains("kz-2031.txt", flag.Reason);
        Assert.Equal(new CalendarWait("KZ", 2031, FirstReminder + TimeSpan.FromHours(1)), domain.State.Renewal.CalendarWait);
        Assert.Equal((RegistrationPhase.Registered, FirstReminder.AddHours(1)), (domain.State.Phase, domain.WakeAt));
        Assert.Empty(domain.Sent.OfType<IssueRenewalInvoice>());

        domain.StartWith(BusinessCalendars.LoadEmbeddedWith([("kz-2031.txt", YearFile("KZ", "Asia/Almaty"))]));
        domain.LiveUntil(FirstReminder.AddHours(1));

        Assert.Null(domain.State.Renewal.CalendarWait);
        Assert.Equal(["before-expiry-30d"], domain.State.Renewal.RemindersSent);
        Assert.Single(domain.Sent.OfType<IssueRenewalInvoice>());
        Assert.Single(domain.Notices(NoticeKind.RenewalInvoice));
        Assert.Equal(KzExpiry.AddDays(-14), domain.WakeAt);
    }

    [Fact]
    public void The_warnings_counted_in_calendar_days_go_out_while_the_deadline_waits_for_its_calendar_year_each_once_KZ_2_6()
    {
        var domain = RegisteredDomain.Expiring("kz", KzExpiry);

        domain.LiveUntil(KzExpiry.AddDays(-1));

        var warnings = domain.Notices(NoticeKind.RenewalReminder).ToList();
        Assert.Equal(3, warnings.Count);
        Assert.All(warnings, w => Assert.Equal(new NoticeFacts(ExpiresAt: KzExpiry, InvoiceFollows: true), w.Facts));
        Assert.Equal(["before-expiry-30d", "before-expiry-14d", "before-expiry-7d"], domain.State.Renewal.RemindersSent);
        Assert.Empty(domain.Sent.OfType<IssueRenewalInvoice>());
        Assert.Single(domain.Sent.OfType<FlagForOperations>());
        Assert.Contains("warnings before expiry go out without the invoice", domain.Sent.OfType<FlagForOperations>().Single().Reason);
    }

    [Fact]
    public void A_warning_that_said_the_invoice_follows_gets_it_when_the_year_is_loaded_though_no_reminder_is_due_KZ_2_6()
    {
        var domain = RegisteredDomain.Expiring("kz", KzExpiry);
        domain.LiveUntil(FirstReminder.AddDays(5));
        Assert.Single(domain.Notices(NoticeKind.RenewalReminder));

        domain.StartWith(BusinessCalendars.LoadEmbeddedWith([("kz-2031.txt", YearFile("KZ", "Asia/Almaty"))]));
        domain.LiveUntil(FirstReminder.AddDays(5).AddHours(1));

        Assert.Single(domain.Sent.OfType<IssueRenewalInvoice>());
        Assert.Single(domain.Notices(NoticeKind.RenewalInvoice));
        Assert.Single(domain.Notices(NoticeKind.RenewalReminder));
        Assert.Equal(["before-expiry-30d"], domain.State.Renewal.RemindersSent);
    }

    [Fact]
    public void No_warning_says_the_invoice_follows_once_the_expiry_has_passed_KZ_2_6()
    {
        var domain = RegisteredDomain.Expiring("kz", KzExpiry);

        // The host was down from before the first warning until after the expiry.
        domain.LiveUntil(KzExpiry.AddDays(2), late: TimeSpan.FromDays(31));

        Assert.Empty(domain.Notices(NoticeKind.RenewalReminder));
        Assert.Single(domain.Sent.OfType<FlagForOperations>());
        Assert.Equal(RegistrationPhase.Registered, domain.State.Phase);
    }

    [Fact]
    public void A_registration_waiting_for_a_calendar_year_is_checked_hourly_and_flagged_once_never_decided_again_at_once_KZ_2_7()
    {
        var domain = RegisteredDomain.Expiring("kz", KzExpiry);
        domain.LiveUntil(FirstReminder);

        var checks = new List<DateTimeOffset>();
        while (domain.WakeAt is { } check && check <= FirstReminder.AddDays(2))
        {
            checks.Add(check);
            domain.LiveUntil(check);
        }

        Assert.Equal(48, checks.Count);
        Assert.All(checks.Zip(checks.Skip(1)), pair => Assert.Equal(TimeSpan.FromHours(1), pair.Second - pair.First));
        Assert.Single(domain.Sent.OfType<FlagForOperations>());
        Assert.Single(domain.Notices(NoticeKind.RenewalReminder));
        Assert.Equal(2031, domain.State.Renewal.CalendarWait!.Year);
    }

    [Fact]
    public void A_ua_renewal_invoice_is_payable_until_expiry_so_no_banking_day_of_a_missing_year_is_counted_UA_1_10()
    {
        // Expiry on Friday 3 January 2031: three Ukrainian banking days from the reminders of late December would end in 2031.
        var expiry = new DateTimeOffset(2031, 1, 3, 10, 0, 0, TimeSpan.Zero);
        var domain = RegisteredDomain.Expiring("com.ua", expiry);

        domain.LiveUntil(expiry.AddDays(-7));

        Assert.Empty(domain.Sent.OfType<FlagForOperations>());
        Assert.Contains("before-expiry-7d", domain.State.Renewal.RemindersSent);
        Assert.Equal(expiry, Assert.Single(domain.Sent.OfType<IssueRenewalInvoice>()).DueAt);
        Assert.Null(domain.State.Renewal.CalendarWait);
    }

    [Fact]
    public void An_invoice_asked_for_years_ahead_is_issued_lapsing_as_an_orders_does_though_its_deadlines_year_is_not_loaded_KZ_2_7_KZ_3_3()
    {
        // Monday 7 December 2026: two Kazakh banking days later is the end of Wednesday 9 December, years before any 2031 deadline.
        var now = new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
        var domain = RegisteredDomain.Expiring("kz", KzExpiry);

        var issued = domain.Raise(new RenewalInvoiceRequested("rir-1", "r-1", now), now);

        var invoice = Assert.IsType<IssueRenewalInvoice>(Assert.Single(issued, c => c is IssueRenewalInvoice));
        Assert.Equal((TariffOperation.Renew, new DateTimeOffset(2026, 12, 10, 0, 0, 0, TimeSpan.FromHours(5))), (invoice.Operation, invoice.DueAt));
        Assert.Empty(domain.Sent.OfType<FlagForOperations>());

        domain.IssueInvoice(invoice, now);

        var mailed = Assert.Single(domain.Notices(NoticeKind.RenewalInvoice));
        Assert.Equal((KzExpiry, invoice.DueAt, $"INV-{invoice.CommandId}"), (mailed.Facts!.ExpiresAt, mailed.Facts.PayBy, mailed.Facts.InvoiceNumber));
    }

    [Fact]
    public void An_invoice_asked_for_whose_window_reaches_the_first_instant_its_deadline_could_fall_due_waits_for_the_calendar_KZ_2_7()
    {
        var now = FirstReminder.AddDays(-1);
        var domain = RegisteredDomain.Expiring("kz", KzExpiry);

        domain.Raise(new RenewalInvoiceRequested("rir-1", "r-1", now), now);

        Assert.Empty(domain.Sent.OfType<IssueRenewalInvoice>());
        Assert.Contains("calendar year not loaded yet", Assert.Single(domain.Sent.OfType<FlagForOperations>()).Reason);
    }

    /// <summary>A year's file as operations would publish it; its holidays do not matter to these tests.</summary>
    private static string YearFile(string country, string timeZone) => $"""
        country {country}
        year 2031
        time-zone {timeZone}
        weekend saturday sunday
        transfers not-yet-decreed test data
        holiday 2031-01-01 New Year
        """;

    [Fact]
    public void A_payment_whose_registration_deadline_falls_in_a_year_not_loaded_registers_the_domain_without_one_and_tells_operations_KZ_2_1()
    {
        var decider = new RegistrationDecider(new Registrar.Core.Deadlines.ZoneDeadlines(Registrar.Core.Zones.ZoneCatalog.LoadEmbedded(), BusinessCalendars.LoadEmbedded()));
        var paidAt = new DateTimeOffset(2031, 1, 15, 10, 0, 0, TimeSpan.FromHours(5));
        var order = new RegistrationOrder("order-1", "cust-1", "shop.kz", "shop.kz", "kz", 1, "owner@example.kz", "KZ-NIC-1", null,
            Registrar.Core.Customers.TechnicalContact.Registrant, false, null);

        var decision = decider.Decide(decider.InitialState("reg-1"), new RegistrationPaid("e1", order, paidAt), paidAt);

        Assert.Null(decision.State.DueBy);
        Assert.Equal(order, decision.State.Order);
        Assert.Contains(decision.Commands, c => c is RegistrationCommand and not FlagForOperations and not RecordRegistrationView);
        var flag = Assert.Single(decision.Commands.OfType<FlagForOperations>());
        Assert.StartsWith("Calendar year 2031 for KZ is missing", flag.Reason);
        Assert.Contains("kz-2031.txt", flag.Reason);
    }

    [Fact]
    public void A_com_ua_dns_change_proved_in_a_year_not_loaded_is_carried_out_without_a_deadline_and_operations_are_told_KZ_2_3()
    {
        var provedAt = new DateTimeOffset(2031, 2, 3, 10, 0, 0, TimeSpan.FromHours(2));
        var domain = RegisteredDomain.Expiring("com.ua", provedAt.AddYears(1));

        var sent = domain.Raise(new CustomerRequestProved("proved:r-1", "r-1", new Requests.DnsChangeRequest(["ns1.example.net", "ns2.example.net"]),
            Requests.RequestProof.SignedInSession), provedAt);

        Assert.Null(domain.State.NameserverChange?.DueBy);
        Assert.NotNull(domain.State.NameserverChange);
        Assert.Contains("Calendar year 2031 for UA is missing", Assert.Single(sent.OfType<FlagForOperations>()).Reason);
    }
}
