using Azure;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Registrar.Storage.Configuration;

namespace Registrar.Api.Hosting;

/// <summary>Healthy only when Tables and Queues answer: without them nothing can be taken or kept. Both hosts
/// report it (the local host's /health, the Functions app's Health function).</summary>
public sealed class StorageHealthCheck(StorageClients storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await foreach (var _ in storage.Tables.QueryAsync(maxPerPage: 1, cancellationToken: cancellationToken)) break;
            await foreach (var _ in storage.Queues.GetQueuesAsync(cancellationToken: cancellationToken)) break;
            return HealthCheckResult.Healthy();
        }
        catch (RequestFailedException e)
        {
            return HealthCheckResult.Unhealthy($"Storage answered {e.Status}: {e.ErrorCode}", e);
        }
        catch (Exception e) when (e is HttpRequestException or AggregateException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Storage did not answer.", e);
        }
    }
}
