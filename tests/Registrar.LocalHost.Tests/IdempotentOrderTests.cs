using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Registrar.LocalHost.Tests;

[Collection(ProductCollection.Name)]
public sealed class IdempotentOrderTests(ProductFixture product)
{
    private static string Order(string name) => $$$"""
        {"items":[{"name":"{{{name}}}","termYears":2,"trademark":null}],"contactEmail":"owner@mail.example.org",
         "registrant":{"nicHandle":"KZ-NIC-77","data":null},"technicalContact":null,
         "acceptance":{"offerVersion":"2025-01","acceptedAt":"2026-11-24T06:00:00Z","personalDataConsent":true}}
        """;

    private static HttpRequestMessage Post(string body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/orders") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    [Fact]
    public async Task A_retried_order_with_the_same_idempotency_key_gets_the_first_answer_and_one_invoice()
    {
        using var storefront = product.Storefront("idem-" + Guid.NewGuid().ToString("N")[..6]);
        var key = Guid.NewGuid().ToString();

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => storefront.SendAsync(Post(Order("retried-order.kz"), key))));
        var again = await storefront.SendAsync(Post(Order("retried-order.kz"), key));

        // draft-ietf-httpapi-idempotency-key-header section 2.7: one sent while the first is still being handled is a 409.
        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        foreach (var inUse in answers.Where(a => a.StatusCode == HttpStatusCode.Conflict))
            Assert.Equal("/problems/idempotency-key-in-use", (await TestSupport.AssertProblemAsync(inUse, 409)).GetProperty("type").GetString());
        var created = answers.Where(a => a.StatusCode == HttpStatusCode.Created).Append(again).ToList();
        Assert.True(created.Count > 1 && again.StatusCode == HttpStatusCode.Created);
        var bodies = await Task.WhenAll(created.Select(a => a.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Single(bodies.Select(b => b.GetProperty("orderId").GetString()).Distinct());
        Assert.Single(bodies.Select(b => b.GetProperty("invoice").GetProperty("number").GetString()).Distinct());
    }

    [Fact]
    public async Task An_idempotency_key_reused_for_another_order_is_refused()
    {
        using var storefront = product.Storefront("idem-" + Guid.NewGuid().ToString("N")[..6]);
        var key = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.Created, (await storefront.SendAsync(Post(Order("first-order.kz"), key))).StatusCode);

        var reused = await storefront.SendAsync(Post(Order("second-order.kz"), key));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal("application/problem+json", reused.Content.Headers.ContentType?.MediaType);
    }
}
