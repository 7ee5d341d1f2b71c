using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Registrar.Functions.Http;

namespace Registrar.Functions.Tests;

/// <summary>The Functions app's health probe answers as the local host's /health does: the same checks (storage and calendars,
/// both of which the app can run), and the answer ASP.NET Core's health check endpoint writes for their report.</summary>
public sealed class HealthProbeTests
{
    public static TheoryData<HealthStatus> Statuses() => new([HealthStatus.Healthy, HealthStatus.Degraded, HealthStatus.Unhealthy]);

    [Theory]
    [MemberData(nameof(Statuses))]
    public async Task The_health_function_answers_what_the_local_hosts_health_endpoint_answers_for_the_same_report(HealthStatus status)
    {
        var checks = new ReportingChecks(status);
        await using var services = FunctionsApp.Services(s => s.AddSingleton<HealthCheckService>(checks));
        var functions = FunctionsApp.Request(services);
        var endpoint = FunctionsApp.Request(services);

        await FunctionsApp.AnswerAsync(functions, await ActivatorUtilities.CreateInstance<OperationsFunctions>(services).Health(functions.Request, default));
        await new HealthCheckMiddleware(_ => Task.CompletedTask, Options.Create(new HealthCheckOptions()), checks).InvokeAsync(endpoint);

        Assert.Equal(Answer(endpoint), Answer(functions));
    }

    [Fact]
    public void The_app_runs_the_same_health_checks_as_the_local_host()
    {
        using var services = FunctionsApp.Services();

        var checks = services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations.Select(r => r.Name);

        Assert.Equal(["calendars", "storage"], checks.Order());
    }

    private static (int Status, string? ContentType, string CacheControl, string Pragma, string Expires, string Body) Answer(HttpContext http) =>
        (http.Response.StatusCode, http.Response.ContentType, http.Response.Headers.CacheControl.ToString(), http.Response.Headers.Pragma.ToString(),
            http.Response.Headers.Expires.ToString(), FunctionsApp.Body(http));

    private sealed class ReportingChecks(HealthStatus status) : HealthCheckService
    {
        public override Task<HealthReport> CheckHealthAsync(Func<HealthCheckRegistration, bool>? predicate, CancellationToken cancellationToken = default) =>
            Task.FromResult(new HealthReport(
                new Dictionary<string, HealthReportEntry> { ["storage"] = new(status, null, TimeSpan.Zero, null, null) }, TimeSpan.Zero));
    }
}
