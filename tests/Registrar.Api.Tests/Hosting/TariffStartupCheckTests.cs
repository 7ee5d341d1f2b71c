using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Registrar.Api.Hosting;
using Registrar.Core.Tariffs;
using Registrar.Core.Zones;
using Registrar.Storage.Configuration;
using Registrar.Storage.Metering;
using Registrar.Storage.Stores;
using Registrar.Testing;

namespace Registrar.Api.Tests.Hosting;

public sealed class TariffStartupCheckTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly ZoneCatalog Zones = ZoneCatalog.LoadEmbedded();
    private readonly FakeTimeProvider Now = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly PublishedPriceListStore published = new(new StorageClients(
        new StorageOptions { ConnectionString = azurite.ConnectionString, NamePrefix = "t" + Guid.NewGuid().ToString("N")[..10] }, new StorageMeter()));

    private Task StartAsync(TariffSchedule tariffs, string environment = "Production") =>
        new TariffStartupCheck(tariffs, Zones, published, new Environment(environment), Now, NullLogger<TariffStartupCheck>.Instance)
            .StartAsync(CancellationToken.None);

    private Task StartAsync(string priceList) => StartAsync(TariffSchedule.Parse(priceList, Zones));

    [Fact]
    public async Task A_list_that_dates_a_new_tariff_before_its_publication_is_refused_and_not_recorded_UA_3_3()
    {
        await StartAsync(PublishedPrices());
        Now.Advance(TimeSpan.FromDays(30));
        var backdated = WithKz("2026-12-15T00:00:00+00:00");
        var ahead = WithKz("2027-01-01T00:00:00+00:00");

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(backdated));

        Assert.Contains("tariff for .kz from 2026-12-15T00:00:00.0000000+00:00 is new in this list but would take effect before it is published", refused.Message);
        Assert.Equal(PublishedPrices(), (await published.FindAsync(default))!.Document);
        Assert.Null(await Record.ExceptionAsync(() => StartAsync(ahead)));
        Assert.Equal(ahead, (await published.FindAsync(default))!.Document);
    }

    [Fact]
    public async Task A_tariff_in_force_stays_as_published_while_one_to_come_may_still_change_UA_3_3()
    {
        await StartAsync(WithKz("2027-01-01T00:00:00+00:00"));
        var dropped = PublishedPrices().Replace("""{ "zone": "com.ua", "currency": "UAH", "effectiveFrom": "2026-11-01T00:00:00+00:00", "placeholder": false, "pricesPerYear": { "register": "100.00", "renew": "100.00", "redemptionRenewal": "150.00", "registrantChange": "100.00" }, "registrantChangePricedAsRegistration": false },""", "", StringComparison.Ordinal);
        var repriced = WithKz("2027-01-01T00:00:00+00:00").Replace("\"register\": \"100.00\", \"renew\": \"100.00\", \"redemptionRenewal\"", "\"register\": \"90.00\", \"renew\": \"100.00\", \"redemptionRenewal\"", StringComparison.Ordinal);

        var droppedRefusal = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(dropped));
        var repricedRefusal = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(repriced));

        Assert.Contains("tariff for .com.ua in force from 2026-11-01T00:00:00.0000000+00:00 is missing from the new list", droppedRefusal.Message);
        Assert.Contains("is changed in the new list", repricedRefusal.Message);
        Assert.Null(await Record.ExceptionAsync(() => StartAsync(PublishedPrices())));
    }

    [Fact]
    public async Task The_first_real_list_replaces_the_shipped_placeholders_from_any_date_UA_2_1_4()
    {
        await StartAsync(TariffSchedule.LoadEmbedded(Zones), "Development");

        Assert.Null(await Record.ExceptionAsync(() => StartAsync(PublishedPrices())));
        Assert.Equal(PublishedPrices(), (await published.FindAsync(default))!.Document);
    }

    [Fact]
    public async Task Outside_Development_the_host_refuses_to_start_on_placeholder_prices_naming_the_zones_UA_3_3()
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(TariffSchedule.LoadEmbedded(Zones)));

        Assert.All(Zones.All, zone => Assert.Contains("." + zone.Zone, refused.Message));
        Assert.Contains("Tariffs:PriceListPath", refused.Message);
    }

    [Fact]
    public async Task Development_runs_on_the_shipped_placeholders()
    {
        Assert.Null(await Record.ExceptionAsync(() => StartAsync(TariffSchedule.LoadEmbedded(Zones), "Development")));
    }

    [Fact]
    public async Task A_published_price_list_in_force_lets_the_host_start_UA_2_1_4()
    {
        var prices = TariffSchedule.Parse(PublishedPrices(), Zones);

        Assert.Null(await Record.ExceptionAsync(() => StartAsync(prices)));
        Assert.Empty(prices.ZonesWithPlaceholdersFrom(Now.GetUtcNow()));
    }

    [Fact]
    public async Task A_placeholder_published_to_take_effect_later_refuses_the_start_and_one_superseded_does_not_UA_3_3()
    {
        var later = PublishedPrices().Replace("]}", "," + KzPrices("2027-03-01T00:00:00+00:00", placeholder: true) + "]}");
        var superseded = PublishedPrices().Replace("]}", "," + KzPrices("2026-10-01T00:00:00+00:00", placeholder: true) + "]}");

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(later));
        Assert.Contains("for .kz in force", refused.Message);
        Assert.Null(await Record.ExceptionAsync(() => StartAsync(superseded)));
    }

    private static string WithKz(string effectiveFrom) =>
        PublishedPrices().Replace("]}", "," + KzPrices(effectiveFrom, placeholder: false) + "]}", StringComparison.Ordinal);

    private static string KzPrices(string effectiveFrom, bool placeholder) =>
        $$"""{ "zone": "kz", "currency": "KZT", "effectiveFrom": "{{effectiveFrom}}", "placeholder": {{(placeholder ? "true" : "false")}}, "pricesPerYear": { "register": "100.00", "renew": "100.00" }, "registrantChangePricedAsRegistration": true }""";

    /// <summary>Every zone priced for real from 1 November 2026, as the shipped list prices it (KZ-2.4: a .kz
    /// registrant change is priced as a registration).</summary>
    internal static string PublishedPrices() => "{\"tariffs\": [" + string.Join(",", Zones.All.Select(zone => zone.Currency.Code == "KZT"
        ? $$"""{ "zone": "{{zone.Zone}}", "currency": "KZT", "effectiveFrom": "2026-11-01T00:00:00+00:00", "placeholder": false, "pricesPerYear": { "register": "100.00", "renew": "100.00" }, "registrantChangePricedAsRegistration": true }"""
        : $$"""{ "zone": "{{zone.Zone}}", "currency": "UAH", "effectiveFrom": "2026-11-01T00:00:00+00:00", "placeholder": false, "pricesPerYear": { "register": "100.00", "renew": "100.00", "redemptionRenewal": "150.00", "registrantChange": "100.00" }, "registrantChangePricedAsRegistration": false }""")) + "]}";

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "tests";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
