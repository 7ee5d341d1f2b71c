using System.Net;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Registrar.Storage.Configuration;

namespace Registrar.Storage.Stores;

/// <summary>The price list as last published (its tariffs.json text), which the next list is judged against at start
/// (UA-3.3). One blob, replaced only while it is the one read: of two hosts starting at once on different lists, the
/// second judges its list against the first's.</summary>
public sealed class PublishedPriceListStore(StorageClients clients)
{
    private readonly BlobContainerClient _container = clients.Container("pricelists");

    private BlobClient Blob => _container.GetBlobClient("published.json");

    /// <summary>The list published last, or null before the first.</summary>
    public async Task<PublishedPriceList?> FindAsync(CancellationToken ct)
    {
        try
        {
            var content = (await Blob.DownloadContentAsync(ct)).Value;
            return new PublishedPriceList(content.Content.ToString(), content.Details.ETag);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Records <paramref name="document"/> as published, in place of <paramref name="current"/>.</summary>
    /// <returns>False when another list was published since <paramref name="current"/> was read.</returns>
    public async Task<bool> TryPublishAsync(string document, PublishedPriceList? current, CancellationToken ct)
    {
        await _container.CreateIfNotExistsAsync(cancellationToken: ct);
        var conditions = current is null ? new BlobRequestConditions { IfNoneMatch = ETag.All } : new BlobRequestConditions { IfMatch = current.ETag };
        try
        {
            await Blob.UploadAsync(BinaryData.FromString(document), new BlobUploadOptions { Conditions = conditions }, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed)
        {
            return false;
        }
    }
}

public sealed record PublishedPriceList(string Document, ETag ETag);
