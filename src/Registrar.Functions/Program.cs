using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Registrar.Api;
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

builder.Services.AddAzureMonitorTelemetry(builder.Configuration);

// The same services as the local host, then what differs in Azure: mail through Communication
// Services and lifecycle events through Durable orchestrations.
builder.Services.AddRegistrar(builder.Configuration);
builder.Services.AddRegistrarFunctions(builder.Configuration);
builder.Services.AddSingleton<PublicLookupLimiter>();
builder.Services.AddRegistrySweep(builder.Configuration);

builder.Build().Run();
