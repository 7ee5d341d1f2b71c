using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Registrar.LocalHost.Tests;

/// <summary>Every answer under the RDAP base path is RDAP's, readable from any web page (RFC 7480 5.6, RFC 9083 6 and 7).</summary>
public sealed class RdapServicePathTests(CapturingHost capturing) : IClassFixture<CapturingHost>
{
    private readonly WebApplicationFactory<Program> _host = capturing.Host;
    private int _address;

    [Fact]
    public async Task Help_says_what_the_service_answers_RFC_9082_section_3_1_6()
    {
        var (status, headers, body) = await SendAsync("GET", "/api/rdap/help");

        Assert.Equal((200, "application/rdap+json", "*"), (status, headers.ContentType, headers.AccessControlAllowOrigin));
        var help = JsonDocument.Parse(body).RootElement;
        Assert.Equal("rdap_level_0", help.GetProperty("rdapConformance")[0].GetString());
        Assert.Contains(help.GetProperty("notices")[0].GetProperty("description").EnumerateArray(), d => d.GetString()!.Contains("/api/rdap/domain/{name}"));
    }

    [Theory]
    [InlineData("/api/rdap/nameserver/ns1.example.kz", 501)]
    [InlineData("/api/rdap/entity/H-1", 501)]
    [InlineData("/api/rdap/domains", 501)]
    [InlineData("/api/rdap/no-such-thing", 404)]
    [InlineData("/api/rdap/", 404)]
    [InlineData("/api/rdap", 404)]
    public async Task Another_path_under_the_rdap_base_is_an_rdap_error_with_cors(string path, int expected)
    {
        var (status, headers, body) = await SendAsync("GET", path);

        Assert.Equal((expected, "application/rdap+json", "*"), (status, headers.ContentType, headers.AccessControlAllowOrigin));
        Assert.Equal(expected, JsonDocument.Parse(body).RootElement.GetProperty("errorCode").GetInt32());
    }

    [Fact]
    public async Task A_domain_lookup_is_still_the_domain_routes_and_a_post_to_it_an_rdap_405_naming_allow()
    {
        var (lookup, _, found) = await SendAsync("GET", "/api/rdap/domain/nobody-here.kz");
        var (post, headers, body) = await SendAsync("POST", "/api/rdap/domain/nobody-here.kz");

        Assert.Equal(404, lookup);
        Assert.Contains("holds no registration", found, StringComparison.Ordinal);
        Assert.Equal((405, "GET, HEAD", "*"), (post, headers.Allow, headers.AccessControlAllowOrigin));
        Assert.Equal(405, JsonDocument.Parse(body).RootElement.GetProperty("errorCode").GetInt32());
    }

    [Theory]
    [InlineData("TRACE")]
    [InlineData("DELETE")]
    public async Task Every_other_method_is_an_rdap_405_naming_get_and_head_alone_RFC_9110_15_5_6(string method)
    {
        var (status, headers, body) = await SendAsync(method, "/api/rdap/help");

        Assert.Equal((405, "GET, HEAD", "*", "application/rdap+json"), (status, headers.Allow, headers.AccessControlAllowOrigin, headers.ContentType));
        Assert.Equal(405, JsonDocument.Parse(body).RootElement.GetProperty("errorCode").GetInt32());
    }

    [Fact]
    public async Task A_cors_preflight_is_answered_for_get_and_head()
    {
        var (status, headers, _) = await SendAsync("OPTIONS", "/api/rdap/domain/nobody-here.kz");

        Assert.Equal((204, "*", "GET, HEAD"), (status, headers.AccessControlAllowOrigin, headers.AccessControlAllowMethods));
    }

    private async Task<(int Status, Headers Headers, string Body)> SendAsync(string method, string path)
    {
        var address = IPAddress.Parse($"198.51.100.{100 + Interlocked.Increment(ref _address)}");
        var context = await _host.Server.SendAsync(http =>
        {
            http.Request.Method = method;
            http.Request.Path = path;
            http.Connection.RemoteIpAddress = address;
        });
        var response = context.Response;
        return (response.StatusCode, new Headers(response.ContentType?.Split(';')[0], response.Headers.AccessControlAllowOrigin.FirstOrDefault(),
            response.Headers.Allow.FirstOrDefault(), response.Headers.AccessControlAllowMethods.FirstOrDefault()),
            await new StreamReader(response.Body).ReadToEndAsync());
    }

    private sealed record Headers(string? ContentType, string? AccessControlAllowOrigin, string? Allow, string? AccessControlAllowMethods);
}
