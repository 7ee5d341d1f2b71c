using Registrar.Api;
using Registrar.Api.Endpoints;
using Registrar.Api.Hosting;
using Registrar.Api.Http;
using Registrar.Api.Operations.Page;
using Registrar.LocalHost.Claims;
using Registrar.LocalHost.Http;
using Registrar.LocalHost.Privacy;
using Registrar.LocalHost.Registrations;
using Registrar.LocalHost.Runtime;
using Registrar.Mail;

// The content root is where the host was built to, so appsettings are found whatever the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

builder.Services.AddRegistrar(builder.Configuration);
builder.Services.AddRegistrarTelemetry(builder.Configuration);
builder.Services.AddSmtpMail(builder.Configuration);
builder.Services.AddLocalRegistrationRuntime(builder.Configuration);
builder.Services.AddRegistrySweepService(builder.Configuration);
builder.Services.AddHostedService<OverdueClaimsService>();
builder.Services.AddHostedService<PersonalDataErasureService>();
builder.Services.AddLocalRuntime(builder.Environment);
builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = FrameworkProblems.Customize);
builder.Services.AddExceptionHandler<UnreadableBodyHandler>();
builder.Services.AddOpenApi();
builder.Services.AddRegistrarHealthChecks();

var app = builder.Build();
app.UseNoSniff();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRateLimiter();
app.MapOpenApi("/openapi/v1.json");
app.MapHealthChecks("/health");
app.MapOperationsClock();
app.MapLifecycleBacklog();
app.MapStorageMeter();
app.MapRegistrarApi();
app.MapRegistrationInspection();
app.MapRegistrationNotices();
app.MapOperationsPage();
app.Run();

public partial class Program;
