using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Registrar.Core.Telemetry;

namespace Registrar.Functions.Configuration;

/// <summary>
/// Traces, metrics and logs leave through OpenTelemetry to Application Insights (the connection string comes from
/// APPLICATIONINSIGHTS_CONNECTION_STRING, set by infra/main.bicep). The resource has local authentication disabled, so the
/// exporters must present an Entra token: they take one only from <see cref="AzureMonitorExporterOptions.Credential"/>
/// (the exporter's README, "Authenticate the client"; it does not read APPLICATIONINSIGHTS_AUTHENTICATION_STRING, which
/// only the Functions host does).
/// </summary>
public static class AzureMonitorTelemetry
{
    /// <summary>The user-assigned identity's client id, which infra/main.bicep sets for every Azure SDK client.</summary>
    public const string ClientIdSetting = "AZURE_CLIENT_ID";

    public static IServiceCollection AddAzureMonitorTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var credential = Credential(configuration);
        // The worker defaults name the service after the site (the cloud role) and take the invocation spans from the host.
        // Outgoing HTTP is every hop the worker starts that no source of ours covers: Communication Services' mail REST calls
        // under the mail span, and each Tables, Queues and Blobs request of the stores, as the local host records them.
        services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithTracing(tracing => tracing.AddSource([.. RegistrarTelemetry.SourceNames]).AddHttpClientInstrumentation().AddAzureMonitorTraceExporter())
            .WithMetrics(metrics => metrics.AddHttpClientInstrumentation().AddAzureMonitorMetricExporter())
            .WithLogging(logging => logging.AddAzureMonitorLogExporter());
        // The three exporters read the same unnamed options.
        if (credential is not null) services.Configure<AzureMonitorExporterOptions>(options => options.Credential = credential);
        return services;
    }

    /// <summary>The app's user-assigned managed identity (Monitoring Metrics Publisher on the resource); none where no
    /// identity is named, as on a developer's machine, whose connection string then carries the key.</summary>
    public static TokenCredential? Credential(IConfiguration configuration) =>
        configuration[ClientIdSetting] is { Length: > 0 } clientId
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : null;
}
