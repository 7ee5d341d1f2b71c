using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Registrar.Api;
using Registrar.Functions;

var builder = FunctionsApplication.CreateBuilder(args);

builder.ConfigureFunctionsWebApplication();

builder.Services
    .AddApplicationInsightsTelemetryWorkerService()
    .ConfigureFunctionsApplicationInsights();

// The same services as the local host, then what differs in Azure: mail through Communication
// Services and lifecycle events through Durable orchestrations.
builder.Services.AddRegistrar(builder.Configuration);
builder.Services.AddRegistrarFunctions(builder.Configuration);

builder.Build().Run();
