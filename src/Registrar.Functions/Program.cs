using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using Registrar.Api;
using Registrar.Core.Telemetry;
using Registrar.Functions;
using Registrar.Functions.Configuration;
using Registrar.Functions.Http;
using Registrar.Registry;

var builder = FunctionsApplication.CreateBuilder(args);

builder.ConfigureFunctionsWebApplication();
// Outermost of the app's middleware, so an exception anything inside it lets through is answered as a 500 problem.
builder.UseMiddleware<ServerErrorMiddleware>();
builder.UseMiddleware<HttpHardeningMiddleware>();
KeyVaultReferences.ThrowIfUnresolved(builder.Configuration);

// Traces, metrics and logs leave through OpenTelemetry to Application Insights (the connection
// string comes from APPLICATIONINSIGHTS_CONNECTION_STRING, set by infra/main.bicep).
builder.Services.AddOpenTelemetry()
    .UseFunctionsWorkerDefaults()
    .WithTracing(tracing => tracing.AddSource([.. RegistrarTelemetry.SourceNames]).AddAzureMonitorTraceExporter())
    .WithMetrics(metrics => metrics.AddAzureMonitorMetricExporter())
    .WithLogging(logging => logging.AddAzureMonitorLogExporter());

// The same services as the local host, then what differs in Azure: mail through Communication
// Services and lifecycle events through Durable orchestrations.
builder.Services.AddRegistrar(builder.Configuration);
builder.Services.AddRegistrarFunctions(builder.Configuration);
builder.Services.AddSingleton<PublicLookupLimiter>();
builder.Services.AddRegistrySweep(builder.Configuration);

builder.Build().Run();
