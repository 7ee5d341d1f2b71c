using System.Globalization;
using Registrar.Core.Calendars;
using Registrar.Core.Contracts;
using Registrar.Core.Customers;
using Registrar.Core.Deadlines;
using Registrar.Core.Money;
using Registrar.Core.Names;
using Registrar.Core.Orders;
using Registrar.Core.Registrations;
using Registrar.Core.Tariffs;
using Registrar.Core.Tests.Customers;
using Registrar.Core.Zones;

namespace Registrar.Core.Tests.Orders;

public sealed class PlaceOrderFlowTests
{
    private static readonly ZoneCatalog Zones = ZoneCatalog.LoadEmbedded();
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(5));
    private readonly PlaceOrderFlow _flow = new(
        new DomainNameParser(Zones, RefusalList.LoadEmbedded()),
        TariffSchedule.LoadEmbedded(Zones),
        new ZoneDeadlines(Zones, BusinessCalendars.LoadEmbedded()),
        new ContractTermsCatalog(Zones));

    private static OrderRequest Request(params OrderItemRequest[] items) => new(
        items, "owner@mail.kz", new RegistrantRequest(null, RegistrantDataRulesTests.CompletePerson()), null,
        new OfferAcceptanceRequest("kz-offer-2025", PersonalDataConsent: true, AccountId: "cust-1", AcceptedAt: Now));

    private static Trademark TradeMark(string word) => new(word, "123456", "UA", new DateOnly(2020, 5, 1));

    [Fact]
    public void An_order_of_several_domains_each_with_its_term_is_priced_and_invoiced_in_the_zone_currency_KZ_1_1_UA_1_8()
    {
        var check = _flow.Check(Request(new OrderItemRequest("пример.қаз", 2, null), new OrderItemRequest("shop-almaty.kz", 1, null)), "cust-1", Now);

        Assert.True(check.IsPassed, string.Join("; ", check.Errors.SelectMany(e => e.Value)));
        var order = _flow.Place(check, "cust-1", "ord-1", "KZ-2611-00001-3", Now);
        var invoice = _flow.InvoiceFor(order);

        Assert.Equal(["xn--e1afmkfd.xn--80ao21a", "shop-almaty.kz"], order.Lines.Select(l => l.DomainName));
        Assert.Equal([2, 1], order.Lines.Select(l => l.TermYears));
        Assert.Equal(Currency.Kzt, invoice.Total.Currency);
        Assert.Equal(order.Lines[0].Price.Total + order.Lines[1].Price.Total, invoice.Total);
        Assert.Equal(InvoiceStatus.Open, invoice.Status);
        Assert.Equal("KZ", check.InvoiceSeries(Zones));
    }

    [Fact]
    public void An_empty_order_is_refused_KZ_1_1_UA_1_8()
    {
        var check = _flow.Check(Request(), "cust-1", Now);

        Assert.Contains("items", check.Errors.Keys);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(11)]
    public void Terms_are_whole_years_of_at_least_one_UA_1_6(int years)
    {
        var check = _flow.Check(Request(new OrderItemRequest("pryklad.com.ua", years, null)), "cust-1", Now);

        Assert.Contains("items[0].termYears", check.Errors.Keys);
    }

    [Theory]
    [InlineData("-bad-.kz")]
    [InlineData("nic.kz")]
    [InlineData("name.example")]
    public void Invalid_reserved_or_unknown_zone_names_are_refused_with_a_reason_UA_2_1_1_KZ_App_8(string name)
    {
        var check = _flow.Check(Request(new OrderItemRequest(name, 1, null)), "cust-1", Now);

        Assert.NotEmpty(check.Errors["items[0].name"][0]);
    }

    [Fact]
    public void A_second_level_ua_name_needs_a_trademark_matching_the_name_exactly_UA_Pre_7()
    {
        Assert.Contains("items[0].trademark", _flow.Check(Request(new OrderItemRequest("brand.ua", 1, null)), "cust-1", Now).Errors.Keys);
        Assert.Contains("items[0].trademark.wordMark", _flow.Check(Request(new OrderItemRequest("brand.ua", 1, TradeMark("brands"))), "cust-1", Now).Errors.Keys);

        var check = _flow.Check(Request(new OrderItemRequest("brand.ua", 1, TradeMark("BRAND"))), "cust-1", Now);
        Assert.True(check.IsPassed);
        Assert.True(check.Lines[0].TrademarkRequired);
    }

    [Theory]
    [InlineData("2026-11-25")]
    [InlineData("2099-01-01")]
    public void A_trademark_registered_after_the_order_is_placed_is_refused_UA_Pre_7(string registeredOn)
    {
        var trademark = TradeMark("brand") with { RegisteredOn = DateOnly.Parse(registeredOn, CultureInfo.InvariantCulture) };

        var check = _flow.Check(Request(new OrderItemRequest("brand.ua", 1, trademark)), "cust-1", Now);

        Assert.Contains("is in the future", Assert.Single(check.Errors["items[0].trademark.registeredOn"]));
    }

    [Fact]
    public void A_trademark_registered_on_the_registrars_date_of_the_order_is_taken_UA_Pre_7()
    {
        // Half past midnight on 25 November in Kyiv is still the 24th in UTC.
        var justAfterMidnightInKyiv = new DateTimeOffset(2026, 11, 25, 0, 30, 0, TimeSpan.FromHours(2));
        var trademark = TradeMark("brand") with { RegisteredOn = new DateOnly(2026, 11, 25) };

        var check = _flow.Check(Request(new OrderItemRequest("brand.ua", 1, trademark)), "cust-1", justAfterMidnightInKyiv);

        Assert.True(check.IsPassed, string.Join("; ", check.Errors.SelectMany(e => e.Value)));
    }

    [Fact]
    public void A_third_level_ua_name_needs_no_trademark_UA_Pre_7()
    {
        var check = _flow.Check(Request(new OrderItemRequest("brand.com.ua", 1, null)), "cust-1", Now);

        Assert.True(check.IsPassed);
        Assert.False(check.Lines[0].TrademarkRequired);
    }

    [Fact]
    public void Names_billed_in_different_currencies_go_in_separate_orders()
    {
        var check = _flow.Check(Request(new OrderItemRequest("shop.kz", 1, null), new OrderItemRequest("shop.com.ua", 1, null)), "cust-1", Now);

        Assert.Contains("items", check.Errors.Keys);
    }

    [Fact]
    public void The_registrant_is_an_existing_nic_handle_or_complete_data_never_both_UA_1_13_UA_1_5_1()
    {
        var item = new OrderItemRequest("shop.kz", 1, null);
        Assert.True(_flow.Check(Request(item) with { Registrant = new RegistrantRequest("KZ-NIC-1", null) }, "cust-1", Now).IsPassed);
        Assert.Contains("registrant", _flow.Check(Request(item) with { Registrant = new RegistrantRequest(null, null) }, "cust-1", Now).Errors.Keys);
        Assert.Contains("registrant",
            _flow.Check(Request(item) with { Registrant = new RegistrantRequest("KZ-NIC-1", RegistrantDataRulesTests.CompletePerson()) }, "cust-1", Now).Errors.Keys);
        Assert.Contains("registrant.data.email",
            _flow.Check(Request(item) with { Registrant = new RegistrantRequest(null, RegistrantDataRulesTests.CompletePerson() with { Email = "" }) }, "cust-1", Now).Errors.Keys);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-an-address")]
    [InlineData("Owner <owner@mail.kz>")]
    public void An_order_names_the_customers_one_responsible_contact_email_or_is_refused_KZ_2_2(string email)
    {
        var item = new OrderItemRequest("shop.kz", 1, null);
        Assert.Contains("contactEmail", _flow.Check(Request(item) with { ContactEmail = email }, "cust-1", Now).Errors.Keys);

        var order = _flow.Place(_flow.Check(Request(item), "cust-1", Now), "cust-1", "ord-1", "KZ-2611-00001-3", Now);
        Assert.Equal("owner@mail.kz", order.ContactEmail);
    }

    [Fact]
    public void The_blanks_around_a_contact_email_are_no_part_of_it_KZ_2_2()
    {
        var check = _flow.Check(Request(new OrderItemRequest("shop.kz", 1, null)) with { ContactEmail = " owner@mail.kz\t" }, "cust-1", Now);

        Assert.True(check.IsPassed, string.Join("; ", check.Errors.SelectMany(e => e.Value)));
        Assert.Equal("owner@mail.kz", _flow.Place(check, "cust-1", "ord-1", "KZ-2611-00001-3", Now).ContactEmail);
    }

    [Fact]
    public void An_invoice_due_date_past_the_calendar_data_is_an_error_not_a_guess_KZ_3_3()
    {
        var late = new DateTimeOffset(2030, 12, 30, 10, 0, 0, TimeSpan.FromHours(5));
        var check = _flow.Check(Request(new OrderItemRequest("shop.kz", 1, null)), "cust-1", Now);

        var error = Assert.Throws<DateOutsideCalendarException>(() => _flow.InvoiceDueAt(check, late));
        Assert.Contains("2031", error.Message);
    }

    [Fact]
    public void No_order_without_the_recorded_offer_acceptance_UA_Pre_5()
    {
        var check = _flow.Check(Request(new OrderItemRequest("shop.kz", 1, null)) with { Acceptance = null }, "cust-1", Now);

        Assert.Contains("acceptance", check.Errors.Keys);
    }

    [Fact]
    public void An_issued_invoice_keeps_its_price_when_a_later_tariff_is_published_UA_3_3_UA_2_1_4()
    {
        var later = TariffSchedule.Parse("""
            { "tariffs": [
              { "zone": "kz", "currency": "KZT", "effectiveFrom": "2025-01-01T00:00:00+05:00", "placeholder": false, "registrantChangePricedAsRegistration": true, "pricesPerYear": { "register": "6000.00", "renew": "6000.00" } },
              { "zone": "kz", "currency": "KZT", "effectiveFrom": "2026-12-01T00:00:00+05:00", "placeholder": false, "registrantChangePricedAsRegistration": true, "pricesPerYear": { "register": "9000.00", "renew": "9000.00" } } ] }
            """, Zones);
        var flowAfterPublication = new PlaceOrderFlow(new DomainNameParser(Zones, RefusalList.LoadEmbedded()), later,
            new ZoneDeadlines(Zones, BusinessCalendars.LoadEmbedded()), new ContractTermsCatalog(Zones));
        var order = flowAfterPublication.Place(flowAfterPublication.Check(Request(new OrderItemRequest("shop.kz", 1, null)), "cust-1", Now),
            "cust-1", "ord-1", "KZ-2611-00001-3", Now);

        var invoicedAfterPublication = flowAfterPublication.InvoiceFor(order);
        var orderedAfterPublication = flowAfterPublication.Check(Request(new OrderItemRequest("shop.kz", 1, null)), "cust-1", Now.AddMonths(1));

        Assert.Equal(Money.Money.Of(6000m, Currency.Kzt), invoicedAfterPublication.Total);
        Assert.Equal(Money.Money.Of(9000m, Currency.Kzt), orderedAfterPublication.Lines[0].Price.Total);
    }

    [Fact]
    public void The_placed_order_records_the_acceptance_of_the_authenticated_customer_at_the_servers_time_UA_2_1_1()
    {
        var claimed = Now.AddYears(-3);
        var request = Request(new OrderItemRequest("shop.kz", 1, null)) with
        {
            Acceptance = new OfferAcceptanceRequest("kz-offer-2025", true, AccountId: null, AcceptedAt: claimed),
        };

        var order = _flow.Place(_flow.Check(request, "cust-9", Now), "cust-9", "ord-1", "KZ-2611-00001-3", Now);

        Assert.Equal(("cust-9", Now, claimed), (order.Acceptance.AccountId, order.Acceptance.AcceptedAt, order.Acceptance.ClaimedAcceptedAt));
        Assert.Contains("acceptance.accountId", _flow.Check(Request(new OrderItemRequest("shop.kz", 1, null)), "cust-9", Now).Errors.Keys);
    }

    [Fact]
    public void The_acceptance_records_the_offer_the_zone_is_sold_under_and_refuses_the_other_registrars_UA_Pre_5()
    {
        static OrderRequest Accepting(string name, string version) => Request(new OrderItemRequest(name, 1, null)) with
        {
            Acceptance = new OfferAcceptanceRequest(version, true, AccountId: "cust-1"),
        };

        var kz = _flow.Place(_flow.Check(Accepting("shop.kz", "storefront-offer-page-7"), "cust-1", Now), "cust-1", "ord-1", "KZ-2611-00001-3", Now);
        var ua = _flow.Check(Accepting("pryklad.com.ua", ContractTermsCatalog.Ukraine.Offer), "cust-1", Now);
        var crossed = _flow.Check(Accepting("pryklad.com.ua", ContractTermsCatalog.Kazakhstan.Offer), "cust-1", Now);

        Assert.Equal(("storefront-offer-page-7", ContractTermsCatalog.Kazakhstan.Offer), (kz.Acceptance.OfferVersion, kz.Acceptance.OfferInForce));
        Assert.True(ua.IsPassed);
        Assert.Equal(
            $"'{ContractTermsCatalog.Kazakhstan.Offer}' is another registrar's offer; .com.ua is sold under offer '{ContractTermsCatalog.Ukraine.Offer}', "
            + "which the customer accepts (UA-Pre-5).", Assert.Single(crossed.Errors["acceptance.offerVersion"]));
    }

    [Fact]
    public void A_null_item_is_refused_by_its_place_not_a_crash()
    {
        var check = _flow.Check(Request(null!, new OrderItemRequest("shop.kz", 1, null)), "cust-1", Now);

        Assert.Contains("items[0]", check.Errors.Keys);
    }

    [Theory]
    [InlineData("wordMark")]
    [InlineData("registrationNumber")]
    public void A_trademark_field_too_long_to_keep_is_refused_before_anything_is_numbered_UA_Pre_7(string member)
    {
        var huge = "pryklad" + new string(' ', 70_000);
        var trademark = member == "wordMark" ? TradeMark(huge) : TradeMark("pryklad") with { RegistrationNumber = huge };

        var check = _flow.Check(Request(new OrderItemRequest("pryklad.ua", 1, trademark)), "cust-1", Now);

        Assert.Contains($"items[0].trademark.{member}", check.Errors.Keys);
    }

    [Fact]
    public void A_contact_email_with_a_local_part_over_64_characters_is_refused_KZ_2_2()
    {
        var request = Request(new OrderItemRequest("shop.kz", 1, null)) with { ContactEmail = new string('a', 300) + "@mail.kz" };

        Assert.Contains("contactEmail", _flow.Check(request, "cust-1", Now).Errors.Keys);
    }

    [Fact]
    public void A_transfer_in_is_priced_as_a_renewal_and_keeps_its_code_in_the_order_line_only()
    {
        var check = _flow.Check(Request(new OrderItemRequest("moving.kz", 1, null, "Code-123")), "cust-1", Now);

        Assert.True(check.IsPassed, string.Join("; ", check.Errors.SelectMany(e => e.Value)));
        var line = Assert.Single(check.Lines);
        Assert.Equal(TariffSchedule.LoadEmbedded(Zones).Quote("kz", TariffOperation.Renew, 1, Now), line.Price);
        Assert.Equal("Code-123", line.TransferCode);
        Assert.True(RegistrationOrders.From(_flow.Place(check, "cust-1", "ord-1", "KZ-2611-00001-3", Now), 0).TransferIn);
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("line\nbreak")]
    public void A_transfer_in_without_a_usable_code_or_with_a_trademark_is_refused(string code)
    {
        Assert.Contains("items[0].transferCode", _flow.Check(Request(new OrderItemRequest("moving.kz", 1, null, code)), "cust-1", Now).Errors.Keys);
        Assert.Contains("items[0].trademark", _flow.Check(Request(new OrderItemRequest("brand.com.ua", 1, TradeMark("brand"), "Code-123")), "cust-1", Now).Errors.Keys);
    }
}
