using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Registrar.Api.Hosting;
using Registrar.Core.Tariffs;
using Registrar.Core.Zones;

namespace Registrar.Api.Tests.Hosting;

public sealed class TariffStartupCheckTests
{
    private static readonly ZoneCatalog Zones = ZoneCatalog.LoadEmbedded();
    private static readonly FakeTimeProvider Now = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    private static Task StartAsync(TariffSchedule tariffs, string environment) =>
        new TariffStartupCheck(tariffs, new Environment(environment), Now).StartAsync(CancellationToken.None);

    [Fact]
    public async Task Outside_Development_the_host_refuses_to_start_on_placeholder_prices_naming_the_zones_UA_3_3()
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(TariffSchedule.LoadEmbedded(Zones), "Production"));

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
        var published = TariffSchedule.Parse(PublishedPrices(), Zones);

        Assert.Null(await Record.ExceptionAsync(() => StartAsync(published, "Production")));
        Assert.Empty(published.ZonesWithPlaceholdersFrom(Now.GetUtcNow()));
    }

    [Fact]
    public async Task A_placeholder_published_to_take_effect_later_refuses_the_start_and_one_superseded_does_not_UA_3_3()
    {
        var later = PublishedPrices().Replace("]}", "," + KzPrices("2027-03-01T00:00:00+00:00", placeholder: true) + "]}");
        var superseded = PublishedPrices().Replace("]}", "," + KzPrices("2026-10-01T00:00:00+00:00", placeholder: true) + "]}");

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(TariffSchedule.Parse(later, Zones), "Production"));
        Assert.Contains("for .kz in force", refused.Message);
        Assert.Null(await Record.ExceptionAsync(() => StartAsync(TariffSchedule.Parse(superseded, Zones), "Production")));
    }

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
