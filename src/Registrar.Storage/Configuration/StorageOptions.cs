namespace Registrar.Storage.Configuration;

/// <summary>Where the Tables, Queues and Blobs services are. Bound from the <c>Storage</c> configuration section.</summary>
/// <remarks>
/// Either <see cref="ConnectionString"/> (Azurite, or an account key) or the three service URIs, which are
/// then reached with <c>DefaultAzureCredential</c> (managed identity in Azure). Pointing the product at a
/// real storage account is a configuration change only.
/// </remarks>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public string? ConnectionString { get; set; }

    public Uri? TableServiceUri { get; set; }

    public Uri? QueueServiceUri { get; set; }

    /// <summary>Where verbatim bank messages are kept (they outgrow a table property).</summary>
    public Uri? BlobServiceUri { get; set; }

    /// <summary>Lowercase letters and digits put before every table and queue name, so that several
    /// environments (or test runs) can share one account.</summary>
    public string NamePrefix { get; set; } = "";

    public void Validate()
    {
        var hasUris = TableServiceUri is not null || QueueServiceUri is not null || BlobServiceUri is not null;
        if (string.IsNullOrWhiteSpace(ConnectionString) && !hasUris)
            throw new StorageConfigurationException(
                "Set Storage:ConnectionString (Azurite or an account key) or Storage:TableServiceUri, Storage:QueueServiceUri and Storage:BlobServiceUri (DefaultAzureCredential).");
        if (string.IsNullOrWhiteSpace(ConnectionString) && (TableServiceUri is null || QueueServiceUri is null || BlobServiceUri is null))
            throw new StorageConfigurationException(
                "Storage:TableServiceUri, Storage:QueueServiceUri and Storage:BlobServiceUri must all be set when Storage:ConnectionString is not.");
        if (NamePrefix.Any(c => !char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c)) ||
            (NamePrefix.Length > 0 && !char.IsAsciiLetterLower(NamePrefix[0])))
            throw new StorageConfigurationException(
                $"Storage:NamePrefix '{NamePrefix}' must start with a lowercase letter and hold only lowercase letters and digits.");
    }
}

public sealed class StorageConfigurationException(string message) : InvalidOperationException(message);
