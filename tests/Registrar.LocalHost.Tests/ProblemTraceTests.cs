using System.Diagnostics;

namespace Registrar.LocalHost.Tests;

/// <summary>A problem names the trace of the request that met it (its <c>traceId</c> extension, RFC 9457 section 3.2), so
/// operations go from a caller's failed answer to its spans and logs; the Functions app's problems carry the same.</summary>
[Collection(ProductCollection.Name)]
public sealed class ProblemTraceTests(ProductFixture product)
{
    [Fact]
    public async Task A_problem_names_the_W3C_trace_its_request_continued()
    {
        // No propagator: an Activity listener elsewhere in the test process would otherwise send its own traceparent.
        using var anonymous = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null }) { BaseAddress = product.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/nowhere");
        var trace = ActivityTraceId.CreateRandom().ToHexString();
        request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        var problem = await TestSupport.AssertProblemAsync(await anonymous.SendAsync(request), 404);

        Assert.Matches($"^00-{trace}-[0-9a-f]{{16}}-0[01]$", problem.GetProperty("traceId").GetString());
    }

    /// <summary>RFC 9110 section 12.5.1 lets a server answer outside what Accept lists; an error is always the RFC 9457
    /// problem the client can read, and names its trace, rather than a framework fallback without either.</summary>
    [Theory]
    [InlineData("GET", "api/nowhere", "text/html", 404)]
    [InlineData("POST", "api/quotes", "application/xml", 400)]
    [InlineData("PUT", "api/quotes", "text/plain", 405)]
    public async Task A_problem_is_problem_json_with_its_trace_whatever_Accept_asks_for_RFC9457(string method, string path, string accept, int status)
    {
        using var storefront = product.Storefront("customer-accept");
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Accept.ParseAdd(accept);
        if (method == "POST") request.Content = new StringContent("{\"names\":[]", System.Text.Encoding.UTF8, "application/json");

        var problem = await TestSupport.AssertProblemAsync(await storefront.SendAsync(request), status);

        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$", problem.GetProperty("traceId").GetString());
    }
}
