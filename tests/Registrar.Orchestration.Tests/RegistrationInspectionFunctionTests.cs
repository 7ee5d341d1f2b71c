using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Registrar.Api.Security;
using Registrar.Core.Registrations;
using Registrar.Functions.Http;
using Registrar.Orchestration.Tests.Scenarios;

namespace Registrar.Orchestration.Tests;

/// <summary>The Functions app's GET /api/ops/registrations/{id}, read from a real orchestration.</summary>
public sealed class RegistrationInspectionFunctionTests
{
    private const string OperationsKey = "ops-key";

    private static RegistrationInspectionFunction Function()
    {
        var clients = new ApiClientOptions
        {
            Clients = [new ApiClient { Name = "ops", Role = ApiClientRole.Operations, KeySha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(OperationsKey))) }],
        };
        return new RegistrationInspectionFunction(new ClientAuthenticator(new StaticOptions(clients)));
    }

    private static async Task<(int Status, JsonElement Body)> GetAsync(DurableLifecycleHost host, string registrationId, string? key = OperationsKey)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services };
        http.Response.Body = new MemoryStream();
        if (key is not null) http.Request.Headers[ClientAuthenticator.KeyHeader] = key;

        var result = await Function().Run(http.Request, registrationId, host.Client, CancellationToken.None);
        await result.ExecuteResultAsync(new ActionContext(http, new RouteData(), new ActionDescriptor()));

        http.Response.Body.Position = 0;
        using var body = await JsonDocument.ParseAsync(http.Response.Body);
        return (http.Response.StatusCode, body.RootElement.Clone());
    }

    [Fact]
    public async Task Operations_read_a_registrations_phase_and_wake_up_from_its_orchestration_and_a_404_problem_for_an_unknown_or_malformed_id()
    {
        await using var host = await DurableLifecycleHost.StartAsync(LifecycleHosts.Decider);
        var run = new ScenarioRun(host, "seen-1");
        await run.RaiseAsync(new RegistrationPaid("paid:1", LifecycleScenarios.Order(handle: "H-1"), DateTimeOffset.UtcNow),
            typeof(CreateDomain), typeof(RecordRegistrationView));

        // The commands are carried out before the orchestration's status is written: read it once it is.
        var body = await WaitForAsync(host, "seen-1", lifecycle => lifecycle.GetProperty("description").GetString() == "CreatingDomain");
        Assert.Equal("Running", body.GetProperty("runtimeStatus").GetString());
        Assert.Equal(JsonValueKind.String, body.GetProperty("lifecycle").GetProperty("wakeAt").ValueKind);
        Assert.Equal(0, body.GetProperty("lifecycle").GetProperty("owedCount").GetInt32());
        Assert.False(body.GetProperty("lifecycle").TryGetProperty("state", out _));

        Assert.Equal((int)HttpStatusCode.NotFound, (await GetAsync(host, "never-paid-1")).Status);
        Assert.Equal((int)HttpStatusCode.NotFound, (await GetAsync(host, "bad\r\nid")).Status);
        Assert.Equal((int)HttpStatusCode.Unauthorized, (await GetAsync(host, "seen-1", key: null)).Status);
    }

    private static async Task<JsonElement> WaitForAsync(DurableLifecycleHost host, string registrationId, Func<JsonElement, bool> until)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var (status, body) = await GetAsync(host, registrationId);
            Assert.Equal((int)HttpStatusCode.OK, status);
            if (body.GetProperty("lifecycle") is { ValueKind: JsonValueKind.Object } lifecycle && until(lifecycle)) return body;
            if (DateTime.UtcNow > deadline) Assert.Fail($"{registrationId} never showed the expected status.");
            await Task.Delay(50);
        }
    }

    private sealed class StaticOptions(ApiClientOptions value) : IOptionsMonitor<ApiClientOptions>
    {
        public ApiClientOptions CurrentValue => value;

        public ApiClientOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<ApiClientOptions, string?> listener) => null;
    }
}
