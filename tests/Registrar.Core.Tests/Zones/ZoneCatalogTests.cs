using Registrar.Core.Money;
using Registrar.Core.Zones;

namespace Registrar.Core.Tests.Zones;

public sealed class ZoneCatalogTests
{
    private readonly ZoneCatalog catalog = ZoneCatalog.LoadEmbedded();

    [Fact]
    public void The_shipped_catalog_serves_the_six_zones_of_the_two_offers()
    {
        Assert.Equal(
            ["com.ua", "kiev.ua", "kyiv.ua", "kz", "ua", "қаз"],
            catalog.All.Select(z => z.Zone).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("қаз", "қаз", "xn--80ao21a", "kaznic", "KZ")]
    [InlineData("xn--80ao21a", "қаз", "xn--80ao21a", "kaznic", "KZ")]
    [InlineData("XN--80AO21A", "қаз", "xn--80ao21a", "kaznic", "KZ")]
    [InlineData(".ҚАЗ", "қаз", "xn--80ao21a", "kaznic", "KZ")]
    [InlineData("KZ", "kz", "kz", "kaznic", "KZ")]
    [InlineData("com.ua.", "com.ua", "com.ua", "hostmaster", "UA")]
    [InlineData("kyiv.ua", "kyiv.ua", "kyiv.ua", "hostmaster", "UA")]
    public void A_zone_is_found_by_its_Unicode_or_A_label_form_in_any_case(
        string asked, string zone, string asciiZone, string registry, string calendar)
    {
        var policy = catalog.For(asked);

        Assert.Equal(zone, policy.Zone);
        Assert.Equal(asciiZone, policy.AsciiZone);
        Assert.Equal(registry, policy.RegistryId);
        Assert.Equal(calendar, policy.CalendarCountry);
    }

    [Theory]
    [InlineData("ru")]
    [InlineData("org.ua")]
    [InlineData("")]
    public void An_unknown_zone_is_a_typed_error_listing_the_zones_served(string zone)
    {
        var error = Assert.Throws<UnknownZoneException>(() => catalog.For(zone));

        Assert.Equal(zone, error.Zone);
        Assert.Contains(".kz, ", error.Message);
        Assert.Contains(".kyiv.ua", error.Message);
    }

    [Theory]
    [InlineData("shop.com.ua", "com.ua")]
    [InlineData("shop.ua", "ua")]
    [InlineData("com.ua", "ua")]
    [InlineData("www.shop.kiev.ua", "kiev.ua")]
    [InlineData("пример.қаз", "қаз")]
    [InlineData("xn--e1afmkfd.xn--80ao21a", "қаз")]
    [InlineData("Example.KZ.", "kz")]
    public void A_domain_belongs_to_the_longest_zone_it_ends_with(string domain, string zone)
    {
        Assert.True(catalog.TryFindForDomain(domain, out var policy));
        Assert.Equal(zone, policy.Zone);
    }

    [Theory]
    [InlineData("kz")]
    [InlineData("example.ru")]
    [InlineData("")]
    public void A_zone_itself_or_a_foreign_name_belongs_to_no_zone(string domain)
    {
        Assert.False(catalog.TryFindForDomain(domain, out _));
    }

    [Fact]
    public void An_operations_copy_of_the_data_replaces_the_shipped_settings()
    {
        var copy = ZoneData.Shipped().Replace("\"daysBeforeExpiry\": [30, 14, 7]", "\"daysBeforeExpiry\": [60, 30, 14, 7]");

        var updated = ZoneCatalog.Parse(copy);

        Assert.Equal([60, 30, 14, 7], updated.For("kz").Reminders.DaysBeforeExpiry);
        Assert.Equal(Currency.Kzt, updated.For("kz").Currency);
    }

    [Fact]
    public void Policies_are_values_two_loads_of_the_same_data_are_equal()
    {
        var again = ZoneCatalog.Parse(ZoneData.Shipped());

        Assert.All(catalog.All, policy => Assert.Equal(policy, again.For(policy.Zone)));
        Assert.NotEqual(catalog.For("kiev.ua"), again.For("kyiv.ua"));
    }

    [Theory]
    [InlineData("{ not json", "cannot be read")]
    [InlineData("{\"zones\": []}", "lists no zones")]
    [InlineData("null", "lists no zones")]
    public void Malformed_zone_data_is_refused_with_the_problem_named(string json, string expected)
    {
        var error = Assert.Throws<ZoneDataException>(() => ZoneCatalog.Parse(json));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Zone_data_with_an_unknown_currency_is_refused_naming_the_currencies_billed_in()
    {
        var error = Assert.Throws<ZoneDataException>(() =>
            ZoneCatalog.Parse(ZoneData.Shipped().Replace("\"currency\": \"KZT\"", "\"currency\": \"USD\"")));

        Assert.Contains("'USD' is not a currency this registrar bills in", error.Message);
        Assert.Contains("KZT, UAH", error.Message);
    }

    [Fact]
    public void Zone_data_with_a_misspelt_setting_is_refused_rather_than_ignored()
    {
        var error = Assert.Throws<ZoneDataException>(() =>
            ZoneCatalog.Parse(ZoneData.Shipped().Replace("\"registryId\"", "\"registryID2\"")));

        Assert.Contains("registryID2", error.Message);
    }

    [Fact]
    public void Zone_data_listing_a_zone_twice_is_refused()
    {
        var error = Assert.Throws<ZoneDataException>(() =>
            ZoneCatalog.Parse(ZoneData.Shipped().Replace("\"zone\": \"kyiv.ua\"", "\"zone\": \"kiev.ua\"")));

        Assert.Equal("Zone 'kiev.ua' is listed more than once; each zone has one policy.", error.Message);
    }

    [Fact]
    public void Zone_data_with_a_zone_in_upper_case_is_refused()
    {
        var error = Assert.Throws<ZoneDataException>(() =>
            ZoneCatalog.Parse(ZoneData.Shipped().Replace("\"zone\": \"com.ua\"", "\"zone\": \"COM.UA\"")));

        Assert.Contains("setting 'zone': must be lower case", error.Message);
    }

    [Fact]
    public void Zone_data_naming_a_zone_by_its_A_label_is_refused_asking_for_the_Unicode_form()
    {
        var error = Assert.Throws<ZoneDataException>(() =>
            ZoneCatalog.Parse(ZoneData.Shipped().Replace("\"zone\": \"қаз\"", "\"zone\": \"xn--80ao21a\"")));

        Assert.Equal("Zone 'xn--80ao21a', setting 'zone': must be written in its Unicode form ('қаз'), which is how people see it.", error.Message);
    }

    [Fact]
    public void Zone_data_with_an_invalid_zone_name_is_refused()
    {
        var error = Assert.Throws<ZoneDataException>(() =>
            ZoneCatalog.Parse(ZoneData.Shipped().Replace("\"zone\": \"kiev.ua\"", "\"zone\": \"kiev_ua\"")));

        Assert.StartsWith("The zone data cannot be read: 'kiev_ua' is not a valid zone name", error.Message);
    }

    [Fact]
    public void Zone_data_with_a_term_shorter_than_one_year_is_refused_UA_1_6()
    {
        var error = Assert.Throws<ZoneDataException>(() =>
            ZoneCatalog.Parse(ZoneData.Shipped().Replace("\"minYears\": 1", "\"minYears\": 0")));

        Assert.Contains("setting 'term'", error.Message);
    }
}
