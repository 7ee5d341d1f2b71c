using System.Diagnostics;
using System.Text.Json;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Registrar.Core.Telemetry;
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
    public async Task The_worker_traces_its_outgoing_HTTP_calls_and_its_own_hops_as_the_local_host_does()
    {
        var spans = new List<Activity>();
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection().AddAzureMonitorTelemetry(configuration)
            .Configure<AzureMonitorExporterOptions>(options =>
            {
                options.ConnectionString = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/";
                options.DisableOfflineStorage = true;
                // Every trace, not the exporter's default few a second, whose first second may keep none.
                options.TracesPerSecond = null;
                options.SamplingRatio = 1.0F;
            })
            .ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));
        await using (var provider = services.BuildServiceProvider())
        {
            var tracer = provider.GetRequiredService<TracerProvider>();
            using (RegistrarTelemetry.Mail.StartActivity("mail send"))
            {
                using var http = new HttpClient();
                await Assert.ThrowsAnyAsync<HttpRequestException>(() => http.GetAsync("http://127.0.0.1:9/emails:send"));
            }
            tracer.ForceFlush();
        }

        var mail = Assert.Single(spans, span => span.Source.Name == RegistrarTelemetry.Mail.Name);
        var call = Assert.Single(spans, span => span.Kind == ActivityKind.Client);
        Assert.Equal(mail.SpanId, call.ParentSpanId);
    }

    [Fact]
    public void Without_an_identity_named_the_exporters_use_the_connection_string_alone_as_on_a_developers_machine() =>
        Assert.Null(ExporterOptions(null).Credential);
}
