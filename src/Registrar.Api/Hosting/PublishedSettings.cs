using System.Net;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Registrar.Core.Calendars;
using Registrar.Core.Tariffs;
using Registrar.Core.Zones;
using Registrar.Storage.Configuration;

namespace Registrar.Api.Hosting;

/// <summary>
/// The documents operations publish without a code release, read once at start: the price list and the calendar
/// corrections. Each comes from a file on the machine (the local host) or from a blob in the <see cref="Container"/>
/// container, which an app whose files are its read-only deployment package (Flex Consumption) can be given with the
/// storage identity it already has.
/// </summary>
public static class PublishedSettings
{
    public const string Container = "settings";

    public static TariffSchedule Tariffs(TariffOptions options, ZoneCatalog zones, Func<StorageClients> storage)
    {
        if (options.PriceListPath is { Length: > 0 } path) return TariffSchedule.Parse(File.ReadAllText(path), zones);
        if (options.PriceListBlob is not { Length: > 0 } name) return TariffSchedule.LoadEmbedded(zones);
        var blob = storage().Container(Container).GetBlobClient(name);
        try
        {
            return TariffSchedule.Parse(blob.DownloadContent().Value.Content.ToString(), zones);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            // UA-2.1.4, UA-3.3: no made-up price is quoted while the list is missing.
            throw new InvalidOperationException(
                $"Tariffs:PriceListBlob names {blob.BlobContainerName}/{name}, which is not there: upload the price list "
                + "(a tariffs.json document) to it and restart the app.", e);
        }
    }

    public static BusinessCalendars Calendars(CalendarOptions options, Func<StorageClients> storage)
    {
        if (options.CorrectionsFolder is { Length: > 0 } folder)
            return BusinessCalendars.LoadEmbeddedWith(Directory.EnumerateFiles(folder, "*.txt").Select(f => (Path.GetFileName(f), File.ReadAllText(f))));
        if (options.CorrectionsBlobPrefix is not { Length: > 0 } prefix) return BusinessCalendars.LoadEmbedded();
        var container = storage().Container(Container);
        // No container, or nothing under the prefix, is no correction: the shipped calendars hold.
        if (!container.Exists().Value) return BusinessCalendars.LoadEmbedded();
        return BusinessCalendars.LoadEmbeddedWith(container.GetBlobs(BlobTraits.None, BlobStates.None, prefix, CancellationToken.None)
            .Where(item => item.Name.EndsWith(".txt", StringComparison.Ordinal) && !item.Name[prefix.Length..].Contains('/'))
            .Select(item => (item.Name[prefix.Length..], Text(container, item.Name)))
            .ToList());
    }

    private static string Text(BlobContainerClient container, string name) =>
        container.GetBlobClient(name).DownloadContent().Value.Content.ToString();
}
