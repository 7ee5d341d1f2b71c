using Registrar.Core.Tariffs;
using Registrar.Core.Zones;

namespace Registrar.Core.Tests.Tariffs;

public sealed class TariffRepublicationTests
{
    private static readonly DateTimeOffset PublishedAt = new(2027, 12, 21, 10, 0, 0, TimeSpan.FromHours(2));
    private static readonly ZoneCatalog Zones = ZoneCatalog.LoadEmbedded();

    private static readonly string InForce = ComUa("2027-01-01T00:00:00+02:00", "360.00");

    private static IReadOnlyList<string> Refusals(string[] published, string[] next) =>
        TariffRepublication.Refusals(List(published), List(next), PublishedAt);

    [Fact]
    public void A_new_tariff_takes_effect_from_its_publication_or_later_UA_2_1_4_UA_3_3()
    {
        var backdated = Refusals([InForce], [InForce, ComUa("2027-06-01T00:00:00+03:00", "400.00")]);
        var fromPublication = Refusals([InForce], [InForce, ComUa("2027-12-21T10:00:00+02:00", "400.00")]);

        Assert.Equal(
            "The tariff for .com.ua from 2027-06-01T00:00:00.0000000+03:00 is new in this list but would take effect before it is published " +
            "(2027-12-21T10:00:00.0000000+02:00): a tariff takes effect from its publication or later (UA-2.1.4, UA-3.3).", Assert.Single(backdated));
        Assert.Empty(fromPublication);
    }

    [Fact]
    public void A_tariff_in_force_or_superseded_is_neither_dropped_nor_changed_UA_3_3()
    {
        var superseded = ComUa("2026-01-01T00:00:00+02:00", "300.00");

        Assert.Contains("is missing from the new list", Assert.Single(Refusals([superseded, InForce], [InForce])));
        Assert.Contains("is missing from the new list", Assert.Single(Refusals([superseded, InForce], [superseded])));
        Assert.Contains("is changed in the new list", Assert.Single(Refusals([superseded, InForce], [superseded, ComUa("2027-01-01T00:00:00+02:00", "400.00")])));
        Assert.Empty(Refusals([superseded, InForce], [superseded, InForce, ComUa("2028-01-01T00:00:00+02:00", "400.00")]));
    }

    [Fact]
    public void A_tariff_published_to_take_effect_later_may_still_be_changed_or_withdrawn_UA_3_3()
    {
        var toCome = ComUa("2028-01-01T00:00:00+02:00", "400.00");

        Assert.Empty(Refusals([InForce, toCome], [InForce]));
        Assert.Empty(Refusals([InForce, toCome], [InForce, ComUa("2028-01-01T00:00:00+02:00", "380.00")]));
    }

    [Fact]
    public void Placeholder_amounts_were_never_published_prices_so_the_first_real_list_may_start_from_any_date_UA_2_1_4()
    {
        var shipped = TariffSchedule.LoadEmbedded(Zones);

        Assert.Empty(TariffRepublication.Refusals(shipped, List([InForce]), PublishedAt));
    }

    private static TariffSchedule List(string[] entries) =>
        TariffSchedule.Parse($$"""{ "tariffs": [ {{string.Join(", ", entries)}} ] }""", Zones);

    private static string ComUa(string effectiveFrom, string register) =>
        $$"""{ "zone": "com.ua", "currency": "UAH", "effectiveFrom": "{{effectiveFrom}}", "placeholder": false, "pricesPerYear": { "register": "{{register}}", "renew": "300.00" }, "registrantChangePricedAsRegistration": false }""";
}
