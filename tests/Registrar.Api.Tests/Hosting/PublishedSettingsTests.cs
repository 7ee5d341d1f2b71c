using Registrar.Api.Hosting;
using Registrar.Core.Calendars;
using Registrar.Core.Zones;
using Registrar.Storage.Configuration;
using Registrar.Storage.Metering;
using Registrar.Testing;

namespace Registrar.Api.Tests.Hosting;

/// <summary>An app whose files are its deployment package (Azure) takes the price list and calendar corrections operations
/// publish from blobs.</summary>
public sealed class PublishedSettingsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly ZoneCatalog Zones = ZoneCatalog.LoadEmbedded();
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private StorageClients NewStorage() =>
        new(new StorageOptions { ConnectionString = azurite.ConnectionString, NamePrefix = "s" + Guid.NewGuid().ToString("N")[..10] }, new StorageMeter());

    [Fact]
    public async Task A_price_list_published_as_a_blob_is_the_one_in_force_UA_2_1_4()
    {
        var storage = NewStorage();
        await UploadAsync(storage, "tariffs.json", TariffStartupCheckTests.PublishedPrices());

        var tariffs = PublishedSettings.Tariffs(new TariffOptions { PriceListBlob = "tariffs.json" }, Zones, () => storage);

        Assert.Empty(tariffs.ZonesWithPlaceholdersFrom(Now));
    }

    [Fact]
    public void A_price_list_blob_not_uploaded_stops_the_start_naming_it_and_quotes_nothing_UA_3_3()
    {
        var storage = NewStorage();

        var refused = Assert.Throws<InvalidOperationException>(() =>
            PublishedSettings.Tariffs(new TariffOptions { PriceListBlob = "tariffs.json" }, Zones, () => storage));

        Assert.Contains("settings/tariffs.json", refused.Message);
    }

    [Fact]
    public async Task A_calendar_correction_published_as_a_blob_replaces_the_shipped_year_KZ_2_7()
    {
        var storage = NewStorage();
        var decreed = EmbeddedCalendar("kz-2027.txt").Replace(
            "transfers not-yet-decreed", "transfers none order of the Ministry of Labour: no transfer for 2027", StringComparison.Ordinal);
        await UploadAsync(storage, "calendars/kz-2027.txt", decreed);
        await UploadAsync(storage, "calendars/old/kz-2028.txt", "not a calendar: below the prefix's own folder");
        var options = new CalendarOptions { CorrectionsBlobPrefix = "calendars/" };

        var calendars = PublishedSettings.Calendars(options, () => storage);
        var shipped = PublishedSettings.Calendars(options, NewStorage);

        Assert.Equal(TransferStatus.None, calendars.For("KZ").Years.Single(y => y.Year == 2027).Transfers);
        Assert.Equal(TransferStatus.NotYetDecreed, shipped.For("KZ").Years.Single(y => y.Year == 2027).Transfers);
    }

    private static async Task UploadAsync(StorageClients storage, string name, string text)
    {
        var container = storage.Container(PublishedSettings.Container);
        await container.CreateIfNotExistsAsync();
        await container.GetBlobClient(name).UploadAsync(BinaryData.FromString(text));
    }

    private static string EmbeddedCalendar(string file) =>
        File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "Registrar.Core", "Calendars", "Data", file));
}
