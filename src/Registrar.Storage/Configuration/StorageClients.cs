using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Registrar.Storage.Metering;

namespace Registrar.Storage.Configuration;

/// <summary>The service clients every store, queue and blob container is made from, with the metering policy
/// on their pipelines (and, on the emulator, Azure's limits on a transaction).</summary>
public sealed class StorageClients
{
    /// <param name="additionalPolicies">Further per-retry pipeline policies (telemetry, fault injection in tests).</param>
    public StorageClients(StorageOptions options, StorageMeter meter, IEnumerable<HttpPipelinePolicy>? additionalPolicies = null)
    {
        options.Validate();
        Names = new StorageNames(options.NamePrefix);

        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(new StorageMeteringPolicy(meter, StorageService.Table), HttpPipelinePosition.PerRetry);
        if (EmulatorTransactionRulesPolicy.IsEmulator(options.ConnectionString))
            tableOptions.AddPolicy(new EmulatorTransactionRulesPolicy(), HttpPipelinePosition.PerRetry);
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None };
        queueOptions.AddPolicy(new StorageMeteringPolicy(meter, StorageService.Queue), HttpPipelinePosition.PerRetry);
        var blobOptions = new BlobClientOptions();
        blobOptions.AddPolicy(new StorageMeteringPolicy(meter, StorageService.Blob), HttpPipelinePosition.PerRetry);
        foreach (var policy in additionalPolicies ?? [])
        {
            tableOptions.AddPolicy(policy, HttpPipelinePosition.PerRetry);
            queueOptions.AddPolicy(policy, HttpPipelinePosition.PerRetry);
            blobOptions.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        }

        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            Tables = new TableServiceClient(options.ConnectionString, tableOptions);
            Queues = new QueueServiceClient(options.ConnectionString, queueOptions);
            Blobs = new BlobServiceClient(options.ConnectionString, blobOptions);
        }
        else
        {
            TokenCredential credential = new DefaultAzureCredential();
            Tables = new TableServiceClient(options.TableServiceUri!, credential, tableOptions);
            Queues = new QueueServiceClient(options.QueueServiceUri!, credential, queueOptions);
            Blobs = new BlobServiceClient(options.BlobServiceUri!, credential, blobOptions);
        }
    }

    public TableServiceClient Tables { get; }

    public QueueServiceClient Queues { get; }

    public BlobServiceClient Blobs { get; }

    public StorageNames Names { get; }

    public TableClient Table(string name) => Tables.GetTableClient(Names.Table(name));

    public QueueClient Queue(string name) => Queues.GetQueueClient(Names.Queue(name));

    public BlobContainerClient Container(string name) => Blobs.GetBlobContainerClient(Names.Container(name));
}
