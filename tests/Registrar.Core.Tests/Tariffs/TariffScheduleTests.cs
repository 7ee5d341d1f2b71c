using Registrar.Core.Money;
using Registrar.Core.Tariffs;
using Registrar.Core.Zones;

namespace Registrar.Core.Tests.Tariffs;

public sealed class TariffScheduleTests
{
    private static readonly DateTimeOffset InForce = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly ZoneCatalog zones = ZoneCatalog.LoadEmbedded();
    private readonly TariffSchedule shipped;

    public TariffScheduleTests() => shipped = TariffSchedule.LoadEmbedded(zones);

    [Fact]
    public void Every_zone_prices_registration_and_renewal_in_its_own_currency_UA_3_1_KZ_3_3()
    {
        foreach (var zone in zones.All)
        {
            foreach (var operation in new[] { TariffOperation.Register, TariffOperation.Renew })
            {
                var tariff = shipped.PriceAt(zone.Zone, operation, InForce);
                Assert.Equal(zone.Currency, tariff.PricePerYear.Currency);
                Assert.True(tariff.PricePerYear > Money.Money.Zero(zone.Currency));
            }
        }
    }

    [Fact]
    public void The_shipped_amounts_are_marked_as_placeholders_because_the_offers_give_none()
    {
        Assert.All(shipped.All, tariff => Assert.True(tariff.IsPlaceholder));
    }

    [Fact]
    public void Tariff_data_in_another_currency_than_the_zone_bills_in_is_refused_UA_3_1()
    {
        var json = Tariffs("""{ "zone": "com.ua", "currency": "KZT", "effectiveFrom": "2026-01-01T00:00:00+02:00", "placeholder": false, "pricesPerYear": { "register": "300", "renew": "300" }, "registrantChangePricedAsRegistration": false }""");

        var error = Assert.Throws<TariffDataException>(() => TariffSchedule.Parse(json, zones));

        Assert.Contains("is in KZT, but .com.ua bills in UAH", error.Message);
    }

    [Theory]
    [InlineData("kz")]
    [InlineData("қаз")]
    public void A_change_of_registrant_costs_a_new_registration_KZ_2_4(string zone)
    {
        var change = shipped.PriceAt(zone, TariffOperation.RegistrantChange, InForce);
        var register = shipped.PriceAt(zone, TariffOperation.Register, InForce);

        Assert.Equal(register.PricePerYear, change.PricePerYear);
        Assert.Equal(TariffOperation.RegistrantChange, change.Operation);
    }

    [Fact]
    public void Where_the_offer_says_nothing_a_change_of_registrant_has_its_own_price_KZ_2_4()
    {
        var change = shipped.PriceAt("com.ua", TariffOperation.RegistrantChange, InForce);
        var register = shipped.PriceAt("com.ua", TariffOperation.Register, InForce);

        Assert.NotEqual(register.PricePerYear, change.PricePerYear);
    }

    [Fact]
    public void A_tariff_both_pricing_registrant_change_and_pricing_it_as_registration_is_refused_KZ_2_4()
    {
        var json = Tariffs("""{ "zone": "kz", "currency": "KZT", "effectiveFrom": "2026-01-01T00:00:00+05:00", "placeholder": false, "pricesPerYear": { "register": "6000", "renew": "6000", "registrantChange": "1000" }, "registrantChangePricedAsRegistration": true }""");

        var error = Assert.Throws<TariffDataException>(() => TariffSchedule.Parse(json, zones));

        Assert.Contains("KZ-2.4", error.Message);
    }

    [Theory]
    [InlineData("ua")]
    [InlineData("com.ua")]
    [InlineData("kiev.ua")]
    [InlineData("kyiv.ua")]
    public void Ua_zones_have_a_redemption_price_for_renewal_after_expiry_UA_1_11(string zone)
    {
        var redemption = shipped.PriceAt(zone, TariffOperation.RedemptionRenewal, InForce);
        var renew = shipped.PriceAt(zone, TariffOperation.Renew, InForce);

        Assert.True(redemption.PricePerYear > renew.PricePerYear);
    }

    [Fact]
    public void A_kz_zone_prices_no_redemption_renewal_and_says_what_it_prices_UA_1_11()
    {
        var error = Assert.Throws<OperationNotPricedException>(() =>
            shipped.PriceAt("kz", TariffOperation.RedemptionRenewal, InForce));

        Assert.Equal("The tariff for .kz does not price RedemptionRenewal; it prices: Register, Renew, RegistrantChange.", error.Message);
    }

    [Fact]
    public void The_tariff_in_force_is_the_last_published_one_from_its_effective_instant_UA_2_1_4()
    {
        var schedule = TariffSchedule.Parse(Tariffs(UaTariff("2026-01-01T00:00:00+02:00", "300.00"),
            UaTariff("2026-07-01T00:00:00+03:00", "350.00")), zones);
        var change = new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.FromHours(3));

        Assert.Equal(Uah(300), schedule.PriceAt("com.ua", TariffOperation.Register, change.AddTicks(-1)).PricePerYear);
        Assert.Equal(Uah(350), schedule.PriceAt("com.ua", TariffOperation.Register, change).PricePerYear);
        Assert.Equal(change, schedule.PriceAt("com.ua", TariffOperation.Renew, change.AddDays(100)).EffectiveFrom);
    }

    [Fact]
    public void Before_the_first_published_tariff_nothing_can_be_priced_UA_2_1_4()
    {
        var schedule = TariffSchedule.Parse(Tariffs(UaTariff("2026-01-01T00:00:00+02:00", "300.00")), zones);
        var before = new DateTimeOffset(2025, 12, 31, 21, 59, 59, TimeSpan.Zero);

        var error = Assert.Throws<NoTariffInForceException>(() => schedule.PriceAt("com.ua", TariffOperation.Register, before));

        Assert.Equal("com.ua", error.Zone);
        Assert.Contains("the first takes effect at 2026-01-01T00:00:00.0000000+02:00", error.Message);
    }

    [Fact]
    public void A_served_zone_without_any_published_tariff_cannot_be_priced()
    {
        var schedule = TariffSchedule.Parse(Tariffs(UaTariff("2026-01-01T00:00:00+02:00", "300.00")), zones);

        var error = Assert.Throws<NoTariffInForceException>(() => schedule.PriceAt("kz", TariffOperation.Register, InForce));

        Assert.Contains("No tariff for .kz is published", error.Message);
    }

    [Fact]
    public void An_issued_quote_keeps_its_price_when_a_new_tariff_is_published_UA_3_3()
    {
        var issuedAt = new DateTimeOffset(2026, 6, 15, 9, 0, 0, TimeSpan.FromHours(3));
        var before = TariffSchedule.Parse(Tariffs(UaTariff("2026-01-01T00:00:00+02:00", "300.00")), zones);
        var invoiceLine = before.Quote("com.ua", TariffOperation.Register, 2, issuedAt);

        var republished = TariffSchedule.Parse(Tariffs(UaTariff("2026-01-01T00:00:00+02:00", "300.00"),
            UaTariff("2026-06-20T00:00:00+03:00", "400.00")), zones);
        var paidAt = issuedAt.AddDays(10);

        Assert.Equal(Uah(400), republished.PriceAt("com.ua", TariffOperation.Register, paidAt).PricePerYear);
        Assert.Equal(Uah(300), invoiceLine.PricePerYear);
        Assert.Equal(Uah(600), invoiceLine.Total);
        Assert.Equal(invoiceLine, republished.Quote("com.ua", TariffOperation.Register, 2, issuedAt));
    }

    [Fact]
    public void A_stored_quote_reads_back_as_the_same_price_UA_3_3()
    {
        var quote = shipped.Quote("kiev.ua", TariffOperation.RedemptionRenewal, 1, InForce);

        var stored = System.Text.Json.JsonSerializer.Serialize(quote);

        Assert.Contains("\"amount\":\"300.00\"", stored);
        Assert.Equal(quote, System.Text.Json.JsonSerializer.Deserialize<PriceQuote>(stored));
    }

    [Fact]
    public void A_quote_made_after_the_change_takes_the_new_price_UA_3_3()
    {
        var schedule = TariffSchedule.Parse(Tariffs(UaTariff("2026-01-01T00:00:00+02:00", "300.00"),
            UaTariff("2026-06-20T00:00:00+03:00", "400.00")), zones);
        var at = new DateTimeOffset(2026, 6, 25, 0, 0, 0, TimeSpan.Zero);

        var quote = schedule.Quote("com.ua", TariffOperation.Renew, 3, at);

        Assert.Equal(new PriceQuote("com.ua", TariffOperation.Renew, 3, Uah(400), Uah(1200),
            new DateTimeOffset(2026, 6, 20, 0, 0, 0, TimeSpan.FromHours(3)), at), quote);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(11)]
    public void A_term_outside_one_to_ten_whole_years_is_refused_UA_1_6(int years)
    {
        var error = Assert.Throws<UnsupportedTermException>(() => shipped.Quote("kz", TariffOperation.Register, years, InForce));

        Assert.Contains($"A term of {years} years is not offered for .kz: terms are whole years from 1 to 10", error.Message);
    }

    [Fact]
    public void A_registrant_change_is_quoted_once_not_per_year_KZ_2_4()
    {
        var quote = shipped.Quote("kz", TariffOperation.RegistrantChange, 1, InForce);

        Assert.Equal(shipped.PriceAt("kz", TariffOperation.Register, InForce).PricePerYear, quote.Total);
        Assert.Throws<UnsupportedTermException>(() => shipped.Quote("kz", TariffOperation.RegistrantChange, 2, InForce));
    }

    [Fact]
    public void Pricing_an_unknown_zone_is_a_typed_error()
    {
        Assert.Throws<UnknownZoneException>(() => shipped.PriceAt("ru", TariffOperation.Register, InForce));
        Assert.Throws<UnknownZoneException>(() => shipped.Quote("org.ua", TariffOperation.Register, 1, InForce));
    }

    [Fact]
    public void A_zone_is_priced_by_either_of_its_names()
    {
        Assert.Equal(shipped.PriceAt("қаз", TariffOperation.Renew, InForce),
            shipped.PriceAt("xn--80ao21a", TariffOperation.Renew, InForce));
    }

    [Theory]
    [InlineData("\"register\": \"300.001\", \"renew\": \"300\"", "UAH has 2 decimal places at most")]
    [InlineData("\"register\": \"-300\", \"renew\": \"300\"", "'-300' is not an amount")]
    [InlineData("\"register\": \"three hundred\", \"renew\": \"300\"", "'three hundred' is not an amount")]
    [InlineData("\"transfer\": \"100\", \"register\": \"300\"", "prices 'transfer', which is not an operation")]
    [InlineData("\"1\": \"100\", \"register\": \"300\"", "prices '1', which is not an operation")]
    [InlineData("\"register\": \"0.00\", \"renew\": \"300\"", "price 'register' is zero")]
    public void Malformed_prices_are_refused_with_the_zone_and_operation_named(string prices, string expected)
    {
        var json = Tariffs($$"""{ "zone": "com.ua", "currency": "UAH", "effectiveFrom": "2026-01-01T00:00:00+02:00", "placeholder": false, "pricesPerYear": { {{prices}} }, "registrantChangePricedAsRegistration": false }""");

        var error = Assert.Throws<TariffDataException>(() => TariffSchedule.Parse(json, zones));

        Assert.Contains(".com.ua", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_tariff_without_a_renewal_price_is_refused()
    {
        var json = Tariffs("""{ "zone": "ua", "currency": "UAH", "effectiveFrom": "2026-01-01T00:00:00+02:00", "placeholder": false, "pricesPerYear": { "register": "1200" }, "registrantChangePricedAsRegistration": false }""");

        var error = Assert.Throws<TariffDataException>(() => TariffSchedule.Parse(json, zones));

        Assert.Contains("has no 'Renew' price", error.Message);
    }

    [Fact]
    public void Tariff_data_for_a_zone_not_served_is_refused()
    {
        var json = Tariffs("""{ "zone": "ru", "currency": "UAH", "effectiveFrom": "2026-01-01T00:00:00+02:00", "placeholder": false, "pricesPerYear": { "register": "1", "renew": "1" }, "registrantChangePricedAsRegistration": false }""");

        var error = Assert.Throws<TariffDataException>(() => TariffSchedule.Parse(json, zones));

        Assert.Contains("names zone 'ru', which this registrar does not serve", error.Message);
    }

    [Fact]
    public void Two_tariffs_of_one_zone_from_the_same_instant_are_refused()
    {
        var json = Tariffs(UaTariff("2026-01-01T00:00:00+02:00", "300.00"), UaTariff("2025-12-31T22:00:00Z", "310.00"));

        var error = Assert.Throws<TariffDataException>(() => TariffSchedule.Parse(json, zones));

        Assert.Contains("Two tariffs for .com.ua take effect at", error.Message);
    }

    [Theory]
    [InlineData("{ broken", "cannot be read")]
    [InlineData("{\"tariffs\": []}", "lists no tariffs")]
    public void Malformed_tariff_data_is_refused(string json, string expected)
    {
        var error = Assert.Throws<TariffDataException>(() => TariffSchedule.Parse(json, zones));

        Assert.Contains(expected, error.Message);
    }

    private static Money.Money Uah(decimal amount) => Money.Money.Of(amount, Currency.Uah);

    private static string UaTariff(string effectiveFrom, string price) =>
        $$"""{ "zone": "com.ua", "currency": "UAH", "effectiveFrom": "{{effectiveFrom}}", "placeholder": false, "pricesPerYear": { "register": "{{price}}", "renew": "{{price}}" }, "registrantChangePricedAsRegistration": false }""";

    private static string Tariffs(params string[] entries) => $$"""{ "tariffs": [ {{string.Join(", ", entries)}} ] }""";
}
