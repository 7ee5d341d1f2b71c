using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Registrar.Core.Telemetry;

namespace Registrar.Api.Hosting;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// Traces and metrics of every hop (HTTP in and out, queues, lifecycle, EPP, mail), the local host's
    /// share of what the Functions app gets from its worker defaults. They leave through OTLP when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is configured; <paramref name="configureTracing"/> lets a test
    /// add its own exporter. Request and response bodies and headers are never recorded.
    /// </summary>
    public static IServiceCollection AddRegistrarTelemetry(
        this IServiceCollection services, IConfiguration configuration, Action<TracerProviderBuilder>? configureTracing = null)
    {
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("registrar-local-host"))
            .WithTracing(tracing =>
            {
                tracing.AddSource([.. RegistrarTelemetry.SourceNames])
                    .AddAspNetCoreInstrumentation(options => options.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                    .AddHttpClientInstrumentation();
                configureTracing?.Invoke(tracing);
            })
            .WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation());
        if (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])) telemetry.UseOtlpExporter();
        return services;
    }
}
