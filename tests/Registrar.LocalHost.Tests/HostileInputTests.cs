using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using static Registrar.LocalHost.Tests.TestSupport;

namespace Registrar.LocalHost.Tests;

/// <summary>
/// Requests generated over every route of the running host's OpenAPI document: malformed, oversized
/// and control-character bodies, bad ids, wrong media types and credentials, protocol-level garbage.
/// Whatever arrives: no 5xx, every application error a problem document, and nothing stored.
/// </summary>
[Collection(ProductCollection.Name)]
public sealed class HostileInputTests(ProductFixture product)
{
    private static readonly string[] Bodies =
    [
        "{", "[]", "null", "\"text\"", "42", "{\"unknown\":1}", "{\"names\":[null],\"termYears\":1}",
        "{\"items\":[null]}", "{\"note\":\"x\u0000y\"}", "{\"by\":\"99999999.00:00:00\"}", "{\"factor\":1e309}",
        "{\"choice\":\"Refund\",\"choice\":\"AnotherName\"}", "{\"approved\":\"yes\"}", new string('[', 5_000),
        "{\"names\":[\"" + new string('a', 60_000) + "\"],\"termYears\":1}", "{\"note\":\"" + new string('\n', 1_000) + "\"}",
        "{\"items\":[{\"name\":\"shop.kz\",\"termYears\":1}],\"contactEmail\":\"a\\r\\nb@x.kz\",\"registrant\":{\"nicHandle\":\"KZ-1\\r\\n\"}}",
    ];

    private static readonly string[] MediaTypes =
        ["application/json", "text/plain", "application/xml", "application/json; charset=iso-8859-1", "multipart/form-data; boundary=x"];

    // Not sent: "%00" in a path, which Kestrel refuses with an empty 400 before any application code runs.
    private static readonly string[] Ids =
        ["O0000000000000000-1", new string('9', 2_000), "%0D%0A", "%C3%A9-1", "..%2F..%2Fx", "%23", "%3F", "a%20b"];

    [Fact]
    public async Task Hundreds_of_generated_hostile_requests_get_no_5xx_only_problems_and_change_nothing()
    {
        var routes = await RoutesAsync();
        var before = await CountRowsAsync(product.Storage);
        var requests = routes.SelectMany(Variants).ToList();

        var failures = new List<string>();
        foreach (var chunk in requests.Chunk(8))
            failures.AddRange((await Task.WhenAll(chunk.Select(SendAsync))).OfType<string>());

        Assert.True(requests.Count >= 300, $"only {requests.Count} requests generated");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
        Assert.Equal(before, await CountRowsAsync(product.Storage));
    }

    [Theory]
    [InlineData("bad chunk size", "Transfer-Encoding: chunked\r\n\r\nZZZ\r\nabc\r\n0\r\n\r\n")]
    // The rest never arrives: Kestrel gives up on the body after its minimum data rate's grace period (5 s).
    [InlineData("body shorter than Content-Length", "Content-Length: 500\r\n\r\n{\"names\":[\"shop.kz\"]")]
    public async Task A_body_that_breaks_http_framing_is_a_400_logged_without_a_stack_trace(string what, string rest)
    {
        var logBefore = product.HostOutput.Length;

        var answer = await RawAsync(
            $"POST /api/quotes HTTP/1.1\r\nHost: x\r\nX-Api-Key: {ProductFixture.StorefrontKey}\r\nContent-Type: application/json\r\n{rest}");

        Assert.Matches(what.StartsWith("bad chunk") ? "^HTTP/1.1 400" : "^HTTP/1.1 4(00|08)", answer);
        Assert.Contains("application/problem+json", answer);
        await Task.Delay(300);
        var log = product.HostOutput[logBefore..];
        Assert.DoesNotContain("   at ", log);
        Assert.DoesNotContain("fail:", log);
    }

    [Theory]
    [InlineData("multipart/form-data", "person=Ann&key=x")]
    [InlineData("application/x-www-form-urlencoded", null)]
    public async Task A_sign_in_form_that_cannot_be_read_is_a_400_problem_logged_without_a_stack_trace(string contentType, string? body)
    {
        var logBefore = product.HostOutput.Length;
        using var client = product.Anonymous();
        // A multipart body without its boundary; a form of more fields than the reader takes (1,024).
        using var content = new StringContent(body ?? string.Concat(Enumerable.Repeat("a=1&", 1100)));
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);

        var answer = await client.PostAsync("ops/page/sign-in", content);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        await Task.Delay(300);
        Assert.DoesNotContain("   at ", product.HostOutput[logBefore..]);
    }

    private sealed record Route(string Method, string Template, bool Operations, bool HasBody);

    private sealed record Attempt(string What, HttpRequestMessage Request);

    private async Task<List<Route>> RoutesAsync()
    {
        using var client = product.Anonymous();
        var document = await client.GetFromJsonAsync<JsonElement>("openapi/v1.json");
        var routes = new List<Route>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "delete"))
                routes.Add(new Route(operation.Name.ToUpperInvariant(), path.Name.TrimStart('/'),
                    path.Name.Contains("/ops"), operation.Name == "post"));
        Assert.Contains(routes, r => r.Template == "api/orders");
        return routes;
    }

    private IEnumerable<Attempt> Variants(Route route)
    {
        var template = route.Template.Replace("{bankId}", "halyk");
        var validPath = Fill(template, "O0000000000000000-1");
        var key = route.Operations ? ProductFixture.OperationsKey : ProductFixture.StorefrontKey;

        yield return Make("no key", route.Method, validPath, null, "application/json", "{}");
        yield return Make("wrong key", route.Method, validPath, "not-a-key", "application/json", "{}");
        yield return Make("other role's key", route.Method, validPath,
            route.Operations ? ProductFixture.StorefrontKey : ProductFixture.OperationsKey, "application/json", "{}");
        foreach (var id in template.Contains('{') ? Ids : [])
            yield return Make($"id {id[..Math.Min(id.Length, 20)]}", route.Method, Fill(template, id), key, "application/json", "{}");
        if (!route.HasBody) yield break;
        foreach (var body in Bodies)
            yield return Make($"body {body[..Math.Min(body.Length, 20)]}", route.Method, validPath, key, "application/json", body);
        foreach (var mediaType in MediaTypes)
            yield return Make($"media type {mediaType}", route.Method, validPath, key, mediaType, "{}");
    }

    private static string Fill(string template, string id)
    {
        var start = template.IndexOf('{');
        return start < 0 ? template : template[..start] + id + template[(template.IndexOf('}') + 1)..];
    }

    private static Attempt Make(string what, string method, string path, string? key, string mediaType, string body)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        request.Headers.Add("X-Customer-Id", "hostile-customer");
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        if (method == "POST")
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            request.Content.Headers.TryAddWithoutValidation("Content-Type", mediaType);
        }
        return new Attempt($"{method} {path[..Math.Min(path.Length, 60)]} ({what})", request);
    }

    /// <returns>Why the answer is wrong, or null when it is a 4xx problem (or a success that changed nothing).</returns>
    private async Task<string?> SendAsync(Attempt attempt)
    {
        using var client = product.Anonymous();
        using var response = await client.SendAsync(attempt.Request);
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        if (status >= 500) return $"{attempt.What}: {status} {body[..Math.Min(body.Length, 200)]}";
        // RFC 7480 section 4.2: the RDAP route's problems are RDAP errors too, in RDAP's media type.
        var problemType = attempt.Request.RequestUri!.OriginalString.Contains("rdap/", StringComparison.Ordinal) ? "application/rdap+json" : "application/problem+json";
        if (status >= 400 && response.Content.Headers.ContentType?.MediaType != problemType)
            return $"{attempt.What}: {status} as {response.Content.Headers.ContentType?.MediaType ?? "no media type"}";
        if (status >= 400 && (body.Contains("Registrar.") || body.Contains("System.")))
            return $"{attempt.What}: names an internal type: {body[..Math.Min(body.Length, 200)]}";
        return null;
    }

    private async Task<string> RawAsync(string request)
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(product.BaseAddress.Host, product.BaseAddress.Port);
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var read = reader.ReadToEndAsync();
        return await read.WaitAsync(TimeSpan.FromSeconds(20));
    }
}
