using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Queues;
using Registrar.Storage.Metering;

namespace Registrar.Storage.Configuration;

/// <summary>The two service clients every store and queue is made from, with the metering policy
/// on their pipelines.</summary>
public sealed class StorageClients
{
    /// <param name="additionalPolicies">Further per-retry pipeline policies (telemetry, fault injection in tests).</param>
    public StorageClients(StorageOptions options, StorageMeter meter, IEnumerable<HttpPipelinePolicy>? additionalPolicies = null)
    {
        options.Validate();
        Names = new StorageNames(options.NamePrefix);

        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(new StorageMeteringPolicy(meter, StorageService.Table), HttpPipelinePosition.PerRetry);
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None };
        queueOptions.AddPolicy(new StorageMeteringPolicy(meter, StorageService.Queue), HttpPipelinePosition.PerRetry);
        foreach (var policy in additionalPolicies ?? [])
        {
            tableOptions.AddPolicy(policy, HttpPipelinePosition.PerRetry);
            queueOptions.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        }

        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            Tables = new TableServiceClient(options.ConnectionString, tableOptions);
            Queues = new QueueServiceClient(options.ConnectionString, queueOptions);
        }
        else
        {
            TokenCredential credential = new DefaultAzureCredential();
            Tables = new TableServiceClient(options.TableServiceUri!, credential, tableOptions);
            Queues = new QueueServiceClient(options.QueueServiceUri!, credential, queueOptions);
        }
    }

    public TableServiceClient Tables { get; }

    public QueueServiceClient Queues { get; }

    public StorageNames Names { get; }

    public TableClient Table(string name) => Tables.GetTableClient(Names.Table(name));

    public QueueClient Queue(string name) => Queues.GetQueueClient(Names.Queue(name));
}
