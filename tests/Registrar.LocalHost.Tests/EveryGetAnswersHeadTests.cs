using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Registrar.LocalHost.Tests;

/// <summary>
/// RFC 9110 section 9.1: every route of the local host that answers GET answers HEAD, read from the host's own endpoint
/// data source (its Program in this process, in Development, so the development-only routes are there too), so a GET
/// mapped tomorrow is held to it without a test of its own. Storage is a fresh Azurite; the registry and mail are nowhere,
/// as no request is sent.
/// </summary>
public sealed class EveryGetAnswersHeadTests : IAsyncLifetime
{
    private readonly AzuriteFixture _storage = new();
    private WebApplicationFactory<Program> _host = null!;

    public async Task InitializeAsync()
    {
        await _storage.InitializeAsync();
        _host = InProcessHosts.Create(_storage);
        _host.CreateClient().Dispose();
    }

    [Fact]
    public void Every_GET_route_of_the_local_host_accepts_HEAD_RFC_9110_9_1()
    {
        var routes = _host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(endpoint => (endpoint.RoutePattern.RawText, Methods: endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods))
            .Where(route => route.Methods?.Any(HttpMethods.IsGet) == true).ToList();

        // The routes the host is known to serve by GET, from each of the places that map them, are among those walked.
        Assert.Superset(new HashSet<string> { "/openapi/v1.json", "/ops/clock/", "/api/invoices", "/api/ops/registrations/{registrationId}", "/problems/{slug}", "/ops/page/" },
            routes.Select(route => route.RawText!).ToHashSet());
        Assert.All(routes, route => Assert.True(route.Methods!.Any(HttpMethods.IsHead), $"{route.RawText} answers GET but not HEAD"));
    }

    [Fact]
    public async Task The_openapi_document_describes_each_GET_once_and_no_HEAD_operation_with_content_RFC_9110_9_3_2()
    {
        using var client = _host.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().ToList();
        Assert.Contains(paths, path => path.Value.TryGetProperty("get", out _));
        Assert.All(paths, path => Assert.False(path.Value.TryGetProperty("head", out _), $"{path.Name} lists a HEAD operation"));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _storage.DisposeAsync();
    }
}
