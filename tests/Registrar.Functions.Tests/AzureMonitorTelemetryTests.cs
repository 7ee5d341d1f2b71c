using System.Text.Json;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Registrar.Functions.Configuration;
using Registrar.Testing;

namespace Registrar.Functions.Tests;

/// <summary>Application Insights in Azure takes Entra tokens only (infra/modules/monitoring.bicep disables local
/// authentication): the exporters authenticate as the app's user-assigned identity.</summary>
public sealed class AzureMonitorTelemetryTests
{
    private static AzureMonitorExporterOptions ExporterOptions(string? clientId)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [AzureMonitorTelemetry.ClientIdSetting] = clientId }).Build();
        using var services = new ServiceCollection().AddAzureMonitorTelemetry(configuration).BuildServiceProvider();
        // The trace, metric and log exporters each read the unnamed options.
        return services.GetRequiredService<IOptionsMonitor<AzureMonitorExporterOptions>>().Get(Options.DefaultName);
    }

    [Fact]
    public void With_the_identitys_client_id_set_the_exporters_present_its_managed_identity_credential() =>
        Assert.IsType<ManagedIdentityCredential>(ExporterOptions("00000000-0000-0000-0000-000000000001").Credential);

    [Fact]
    public void The_Functions_host_sends_its_own_telemetry_through_OpenTelemetry_as_the_worker_does()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "host.json")));

        Assert.Equal("OpenTelemetry", host.RootElement.GetProperty("telemetryMode").GetString());
    }

    [Fact]
    public void Without_an_identity_named_the_exporters_use_the_connection_string_alone_as_on_a_developers_machine() =>
        Assert.Null(ExporterOptions(null).Credential);
}
