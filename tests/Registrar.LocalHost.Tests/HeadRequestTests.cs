using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Registrar.LocalHost.Tests;

/// <summary>RFC 9110 section 9.1: HEAD is supported wherever GET is; section 9.3.2: it is answered as GET is, headers and all,
/// without content; section 15.5.6: a 405 names the methods the route allows.</summary>
[Collection(ProductCollection.Name)]
public sealed class HeadRequestTests(ProductFixture product)
{
    /// <summary>The header fields a HEAD must send as its GET does (Date and the framing of the content aside).</summary>
    private static readonly string[] SameFields =
        ["Content-Type", "Content-Length", "Cache-Control", "ETag", "Last-Modified", "X-Content-Type-Options", "WWW-Authenticate", "Location"];

    [Theory]
    [InlineData("storefront", "api/invoices")]
    [InlineData("storefront", "api/orders/Onosuchorder")]
    [InlineData("operations", "api/ops/queues")]
    [InlineData("operations", "ops/clock")]
    [InlineData("anonymous", "api/invoices")]
    [InlineData("anonymous", "api/whois/no-such-name.kz")]
    [InlineData("anonymous", "problems/not-found")]
    [InlineData("anonymous", "health")]
    [InlineData("anonymous", "openapi/v1.json")]
    [InlineData("anonymous", "ops/page")]
    public async Task A_HEAD_answers_as_GET_does_without_content_RFC_9110_9_3_2(string caller, string path)
    {
        using var client = caller switch
        {
            "storefront" => product.Storefront("head-" + Guid.NewGuid().ToString("N")[..6]),
            "operations" => product.Operations(),
            _ => product.Anonymous(),
        };

        var get = await client.GetAsync(path);
        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.NotEqual(HttpStatusCode.MethodNotAllowed, head.StatusCode);
        Assert.Equal(Fields(get), Fields(head));
    }

    [Fact]
    public async Task A_HEAD_carries_no_content_on_the_wire_not_even_a_problem_document()
    {
        // HttpClient never reads content after HEAD, so what follows the header section is read off the socket itself.
        foreach (var (path, key) in new[] { ("api/ops/queues", ProductFixture.OperationsKey), ("api/ops/queues", "no-such-key") })
        {
            var (header, after) = await RawHeadAsync(path, ("X-Api-Key", key));

            Assert.Matches(key == "no-such-key" ? "^HTTP/1.1 401 " : "^HTTP/1.1 200 ", header);
            Assert.Empty(after);
        }
    }

    [Theory]
    [InlineData("PUT", "api/invoices", "GET, HEAD")]
    [InlineData("DELETE", "problems/not-found", "GET, HEAD")]
    [InlineData("PATCH", "api/ops/force-majeure", "GET, HEAD, POST")]
    public async Task A_method_the_route_does_not_allow_is_a_405_whose_Allow_lists_GET_and_HEAD_RFC_9110_15_5_6(string method, string path, string allowed)
    {
        using var client = product.Operations();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(allowed.Split(", "), response.Content.Headers.Allow.Order(StringComparer.Ordinal));
    }

    private static Dictionary<string, string> Fields(HttpResponseMessage response) =>
        SameFields.Select(name => (name, value: response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
                ? string.Join(", ", values) : null))
            .Where(field => field.value is not null).ToDictionary(field => field.name, field => field.value!);

    /// <summary>Sends a HEAD over a connection of its own, closed by the server after answering; returns the header
    /// section and whatever bytes followed it.</summary>
    private async Task<(string Header, byte[] After)> RawHeadAsync(string path, (string Name, string Value) field)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(product.BaseAddress.Host, product.BaseAddress.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"HEAD /{path} HTTP/1.1\r\nHost: {product.BaseAddress.Authority}\r\n{field.Name}: {field.Value}\r\nConnection: close\r\n\r\n"));
        using var received = new MemoryStream();
        await stream.CopyToAsync(received).WaitAsync(TimeSpan.FromSeconds(60));
        var bytes = received.ToArray();
        var end = bytes.AsSpan().IndexOf("\r\n\r\n"u8) + 4;
        Assert.True(end >= 4, Encoding.ASCII.GetString(bytes));
        return (Encoding.ASCII.GetString(bytes, 0, end), bytes[end..]);
    }
}
