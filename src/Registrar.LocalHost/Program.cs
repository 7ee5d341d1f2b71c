using Registrar.Api;
using Registrar.Api.Endpoints;
using Registrar.Api.Hosting;
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
builder.Services.AddLocalRuntime(builder.Environment, builder.Configuration);
builder.Services.AddRegistrarProblemDetails();
builder.Services.AddExceptionHandler<UnreadableBodyHandler>();
// RFC 9110 section 9.3.2: a HEAD is its GET without content, answered wherever GET is (HeadAsGet). Listed as operations of
// their own, HEADs would promise the GET's content, each route twice over; the document describes the GET alone.
builder.Services.AddOpenApi(options =>
{
    var inDocument = options.ShouldInclude;
    options.ShouldInclude = description => !HttpMethods.IsHead(description.HttpMethod ?? "") && inDocument(description);
});
builder.Services.AddRegistrarHealthChecks();

var app = builder.Build();
app.UseNoSniff();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UsePreconditions();
app.UseRateLimiter();
// Every route hangs from one root group, so every GET answers HEAD too (RFC 9110 section 9.1).
var routes = app.MapGroup("").AnswerHeadAsGet();
routes.MapOpenApi("/openapi/v1.json");
routes.MapGet("/health", (HealthProbe probe, CancellationToken ct) => probe.AnswerAsync(ct)).ExcludeFromDescription();
routes.MapOperationsClock();
routes.MapLifecycleBacklog();
routes.MapStorageMeter();
routes.MapRegistrarApi();
routes.MapRegistrationInspection();
routes.MapRegistrationNotices();
routes.MapOperationsPage();
app.Run();

public partial class Program;
