using Registrar.Core.Calendars;
using Registrar.Core.Money;
using Registrar.Core.Tariffs;
using Registrar.Core.Zones;

namespace Registrar.Core.Tests.Zones;

/// <summary>Each zone setting that a contract rule fixes, holding where it applies and refused where it does not.</summary>
public sealed class ZoneRuleTests
{
    private static readonly DateTimeOffset Expiry = new(2027, 3, 25, 10, 56, 4, TimeSpan.Zero);

    private static readonly TimeZoneInfo Kyiv = BusinessCalendars.LoadEmbedded().For("UA").TimeZone;
    private static readonly TimeZoneInfo Almaty = BusinessCalendars.LoadEmbedded().For("KZ").TimeZone;

    private readonly ZoneCatalog catalog = ZoneCatalog.LoadEmbedded();

    [Theory]
    [InlineData("kz")]
    [InlineData("қаз")]
    public void Kazakh_invoices_are_in_tenge_payable_within_two_banking_days_KZ_3_3(string zone)
    {
        var policy = catalog.For(zone);

        Assert.Equal(Currency.Kzt, policy.Currency);
        Assert.Equal(new PaymentWindow(2, "KZ-3.3"), policy.InvoicePaymentWindow);
        Assert.Equal("KZ", policy.CalendarCountry);
    }

    [Fact]
    public void A_payment_window_shorter_than_one_banking_day_is_refused_KZ_3_3()
    {
        var error = Assert.Throws<ZoneDataException>(() =>
            ZoneCatalog.Parse(ZoneData.Shipped().Replace("\"bankingDays\": 2", "\"bankingDays\": 0")));

        Assert.Equal("Zone 'kz', setting 'invoicePaymentWindow.bankingDays': must be at least 1.", error.Message);
    }

    [Theory]
    [InlineData("ua")]
    [InlineData("com.ua")]
    [InlineData("kiev.ua")]
    [InlineData("kyiv.ua")]
    public void Ukrainian_invoices_are_in_hryvnia_with_a_default_payment_window_UA_3_1(string zone)
    {
        var policy = catalog.For(zone);

        Assert.Equal(Currency.Uah, policy.Currency);
        Assert.NotEqual(Currency.Kzt, policy.Currency);
        Assert.Equal("UA", policy.CalendarCountry);
        // The UA offer sets no payment window: the figure is a default, marked as one.
        Assert.True(policy.InvoicePaymentWindow.IsDefault);
    }

    [Theory]
    [InlineData("kz")]
    [InlineData("қаз")]
    public void Kazakh_renewals_are_due_three_banking_days_before_expiry_KZ_2_7(string zone)
    {
        var deadline = catalog.For(zone).RenewalDeadline;

        Assert.Equal(3, deadline.BankingDaysBeforeExpiry);
        Assert.False(deadline.IsAtExpiry);
        Assert.Equal("KZ-2.7", deadline.Rule);
    }

    [Theory]
    [InlineData("ua")]
    [InlineData("com.ua")]
    public void Ukrainian_renewals_are_due_by_the_expiry_instant_not_three_banking_days_before_UA_1_10(string zone)
    {
        var deadline = catalog.For(zone).RenewalDeadline;

        Assert.True(deadline.IsAtExpiry);
        Assert.NotEqual(3, deadline.BankingDaysBeforeExpiry);
    }

    [Fact]
    public void A_renewal_deadline_after_expiry_is_refused_KZ_2_7()
    {
        var error = Assert.Throws<ZoneDataException>(() =>
            ZoneCatalog.Parse(ZoneData.Shipped().Replace("\"bankingDaysBeforeExpiry\": 3", "\"bankingDaysBeforeExpiry\": -1")));

        Assert.Contains("renewalDeadline.bankingDaysBeforeExpiry", error.Message);
    }

    [Fact]
    public void Kazakh_expiry_warnings_go_30_14_and_7_days_before_on_the_deadline_and_on_expiry_KZ_2_6()
    {
        var schedule = catalog.For("kz").Reminders;
        var renewalDeadline = new DateTimeOffset(2027, 3, 19, 19, 0, 0, TimeSpan.Zero);

        var reminders = schedule.For(Expiry, renewalDeadline, Almaty);

        Assert.True(schedule.IsDefault);
        Assert.Equal(
            ["before-expiry-30d", "before-expiry-14d", "before-expiry-7d", "renewal-deadline", "expiry"],
            reminders.Select(r => r.Key));
        Assert.Equal(Expiry.AddDays(-30), reminders[0].At);
        Assert.Equal(Expiry.AddDays(-7), reminders[2].At);
        Assert.Equal(renewalDeadline, reminders[3].At);
        Assert.Equal(Expiry, reminders[4].At);
    }

    [Fact]
    public void A_warning_listed_twice_is_refused_because_each_is_sent_once_KZ_2_6()
    {
        var error = Assert.Throws<ZoneDataException>(() => ZoneCatalog.Parse(
            ZoneData.Shipped().Replace("\"daysBeforeExpiry\": [30, 14, 7]", "\"daysBeforeExpiry\": [30, 14, 14]")));

        Assert.Contains("lists the same day twice", error.Message);
    }

    [Fact]
    public void A_zone_whose_deadline_is_the_expiry_warns_on_expiry_and_after_it_UA_1_12()
    {
        var reminders = catalog.For("ua").Reminders.For(Expiry, Expiry, Kyiv);

        Assert.DoesNotContain(reminders, r => r.Kind == ReminderKind.RenewalDeadline);
        Assert.Contains(reminders, r => r.Kind == ReminderKind.Expiry && r.At == Expiry);
        Assert.All(reminders.Where(r => r.Kind == ReminderKind.AfterExpiry),
            r => Assert.True(r.At < catalog.For("ua").Deletion.DeletionDueAt(Expiry, Kyiv)));
    }

    [Theory]
    [InlineData("ua")]
    [InlineData("com.ua")]
    [InlineData("kiev.ua")]
    [InlineData("kyiv.ua")]
    public void An_unpaid_ua_domain_is_deleted_at_latest_28_days_after_expiry_and_renewable_until_then_UA_1_12(string zone)
    {
        var deletion = catalog.For(zone).Deletion;

        // 12:56:04 in Kyiv (UTC+2) on 25 March; 28 days later it is 12:56:04 again, in summer time (UTC+3).
        var deleteAt = new DateTimeOffset(2027, 4, 22, 12, 56, 4, TimeSpan.FromHours(3));
        Assert.Equal(deleteAt, deletion.DeletionDueAt(Expiry, Kyiv));
        Assert.True(deletion.RegistrantMayRenew(Expiry, deleteAt.AddSeconds(-1), Kyiv));
        Assert.False(deletion.RegistrantMayRenew(Expiry, deleteAt, Kyiv));
        Assert.False(deletion.RegistrantMayRenew(Expiry, Expiry.AddDays(40), Kyiv));
    }

    [Theory]
    [InlineData("kz")]
    [InlineData("қаз")]
    public void An_unpaid_kz_domain_is_deleted_at_expiry_and_freed_with_no_renewal_priority_KZ_2_8(string zone)
    {
        var deletion = catalog.For(zone).Deletion;

        Assert.True(deletion.NameBecomesFree);
        Assert.Equal(Expiry, deletion.DeletionDueAt(Expiry, Almaty));
        Assert.True(deletion.RegistrantMayRenew(Expiry, Expiry.AddSeconds(-1), Almaty));
        Assert.False(deletion.RegistrantMayRenew(Expiry, Expiry.AddDays(1), Almaty));
    }

    [Fact]
    public void A_ua_renewal_after_expiry_is_priced_as_a_redemption_renewal_UA_1_11()
    {
        var redemption = catalog.For("com.ua").Redemption;

        Assert.Equal(TariffOperation.Renew, redemption.RenewalOperation(Expiry, Expiry.AddTicks(-1)));
        Assert.Equal(TariffOperation.RedemptionRenewal, redemption.RenewalOperation(Expiry, Expiry));
        Assert.Equal(TariffOperation.RedemptionRenewal, redemption.RenewalOperation(Expiry, Expiry.AddDays(10)));
    }

    [Fact]
    public void A_kz_zone_has_no_redemption_tariff_after_expiry_UA_1_11()
    {
        var redemption = catalog.For("kz").Redemption;

        Assert.False(redemption.AppliesAfterExpiry);
        Assert.Equal(TariffOperation.Renew, redemption.RenewalOperation(Expiry, Expiry.AddDays(1)));
    }

    [Theory]
    [InlineData("ua")]
    [InlineData("com.ua")]
    [InlineData("kiev.ua")]
    [InlineData("kyiv.ua")]
    public void Ua_whois_never_shows_personal_data_even_if_the_registrant_did_not_ask_UA_1_15(string zone)
    {
        var whois = catalog.For(zone).Whois;

        Assert.True(whois.AlwaysHidePersonalData);
        foreach (var field in new[] { WhoisField.RegistrantName, WhoisField.RegistrantEmail, WhoisField.RegistrantPhone, WhoisField.RegistrantAddress })
            Assert.False(whois.Publishes(field, registrantAskedToHide: false));
        Assert.True(whois.Publishes(WhoisField.Expiry, registrantAskedToHide: false));
    }

    [Fact]
    public void Ua_zone_data_that_would_publish_a_personal_field_is_refused_UA_1_15()
    {
        var copy = ZoneData.Shipped().Replace(
            "\"alwaysHidePersonalData\": true, \"publishedFields\": [\"DomainName\"",
            "\"alwaysHidePersonalData\": true, \"publishedFields\": [\"RegistrantEmail\", \"DomainName\"");

        var error = Assert.Throws<ZoneDataException>(() => ZoneCatalog.Parse(copy));

        Assert.Contains("RegistrantEmail", error.Message);
        Assert.Contains("UA-1.15", error.Message);
    }

    [Fact]
    public void A_kz_zone_decides_which_fields_whois_publishes_KZ_App_10_3()
    {
        var shipped = catalog.For("kz").Whois;
        var opened = ZoneCatalog.Parse(ZoneData.Shipped().Replace(
            "\"alwaysHidePersonalData\": false, \"publishedFields\": [\"DomainName\"",
            "\"alwaysHidePersonalData\": false, \"publishedFields\": [\"RegistrantName\", \"DomainName\"")).For("kz").Whois;

        Assert.True(shipped.Publishes(WhoisField.RegistrantOrganization, registrantAskedToHide: false));
        Assert.False(shipped.Publishes(WhoisField.RegistrantName, registrantAskedToHide: false));
        Assert.True(opened.Publishes(WhoisField.RegistrantName, registrantAskedToHide: false));
        Assert.False(opened.Publishes(WhoisField.RegistrantName, registrantAskedToHide: true));
    }

    [Theory]
    [InlineData("kz")]
    [InlineData("қаз")]
    public void Kazakh_zones_let_the_customer_change_dns_and_contacts_alone_KZ_2_3(string zone)
    {
        var changes = catalog.For(zone).Changes;

        Assert.True(changes.SelfService);
        Assert.Null(changes.RequestDeadline);
    }

    [Theory]
    [InlineData("ua")]
    [InlineData("com.ua")]
    [InlineData("kiev.ua")]
    [InlineData("kyiv.ua")]
    public void In_other_zones_changes_are_requests_carried_out_within_one_business_day_KZ_2_3(string zone)
    {
        var changes = catalog.For(zone).Changes;

        Assert.False(changes.SelfService);
        Assert.Equal(1, changes.RequestDeadline!.BusinessDays);
    }

    [Fact]
    public void A_self_service_zone_with_a_request_deadline_is_refused_as_ambiguous_KZ_2_3()
    {
        var copy = ZoneData.Shipped().Replace(
            "\"selfService\": true, \"requestDeadline\": null",
            "\"selfService\": true, \"requestDeadline\": { \"businessDays\": 1, \"rule\": \"KZ-2.3\" }");

        var error = Assert.Throws<ZoneDataException>(() => ZoneCatalog.Parse(copy));

        Assert.Contains("setting 'changes'", error.Message);
    }

    [Fact]
    public void Only_second_level_ua_names_need_a_trademark_UA_Pre_7()
    {
        Assert.True(catalog.For("ua").Names.RequiresTrademark);
        Assert.All(new[] { "com.ua", "kiev.ua", "kyiv.ua", "kz", "қаз" },
            zone => Assert.False(catalog.For(zone).Names.RequiresTrademark));
    }

    [Theory]
    [InlineData("kz", 1, true)]
    [InlineData("kz", 10, true)]
    [InlineData("kz", 0, false)]
    [InlineData("ua", 11, false)]
    [InlineData("ua", -1, false)]
    public void A_term_is_whole_years_from_one_to_ten_UA_1_6(string zone, int years, bool allowed)
    {
        Assert.Equal(allowed, catalog.For(zone).Term.Allows(years));
    }

    [Fact]
    public void Notice_periods_are_those_of_each_offer_UA_1_3_4_1_UA_6_1_KZ_App_4()
    {
        var ua = catalog.For("ua").Termination;
        var kz = catalog.For("kz").Termination;

        Assert.Equal(30, ua.RegistrarNoticeDays);
        Assert.Equal(15, ua.RegistrantNoticeDays);
        Assert.True(ua.RefundsWholeUnusedMonths);
        Assert.Equal(30, kz.BreachCureDays);
        Assert.False(kz.RefundsWholeUnusedMonths);
        Assert.Null(kz.RegistrarNoticeDays);
    }

    [Fact]
    public void Kazakh_registrations_are_carried_out_within_one_business_day_of_payment_KZ_2_1()
    {
        Assert.Equal(new ServiceDeadline(1, "KZ-2.1"), catalog.For("kz").RegistrationAfterPayment);
    }
}
