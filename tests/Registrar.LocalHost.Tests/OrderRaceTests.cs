using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Registrar.LocalHost.Tests.TestSupport;

namespace Registrar.LocalHost.Tests;

/// <summary>KZ-3.2: orders of one name by one customer placed at the same moment, as a storefront's retries or a customer's
/// clicks arrive, are invoiced once.</summary>
[Collection(ProductCollection.Name)]
public sealed class OrderRaceTests(ProductFixture product)
{
    private const int AtOnce = 12;

    [Fact]
    public async Task The_same_order_placed_many_times_at_once_without_an_idempotency_key_is_invoiced_once_KZ_3_2()
    {
        var customer = "race-" + Guid.NewGuid().ToString("N")[..8];
        using var storefront = product.Storefront(customer);
        var body = OrderBody(customer, $"once-{customer}.kz");

        var answers = await Task.WhenAll(Enumerable.Range(0, AtOnce).Select(_ => storefront.PostAsJsonAsync("api/orders", body)));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.Created))
            Assert.True((await AssertProblemAsync(refused, 400)).GetProperty("errors").TryGetProperty("items[0].name", out _));
        Assert.Single((await storefront.GetFromJsonAsync<JsonElement>("api/invoices")).EnumerateArray());
    }

    [Fact]
    public async Task The_same_order_placed_many_times_at_once_under_one_idempotency_key_gets_the_first_answer_or_a_409_never_a_refusal()
    {
        var customer = "race-" + Guid.NewGuid().ToString("N")[..8];
        using var storefront = product.Storefront(customer);
        var body = OrderBody(customer, $"keyed-{customer}.kz");
        var key = Guid.NewGuid().ToString();

        var answers = await Task.WhenAll(Enumerable.Range(0, AtOnce).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/orders") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            return await storefront.SendAsync(request);
        }));

        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        var placed = await Task.WhenAll(answers.Where(a => a.StatusCode == HttpStatusCode.Created)
            .Select(async a => (await a.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderId").GetString()));
        Assert.Single(placed.Distinct());
        Assert.Single((await storefront.GetFromJsonAsync<JsonElement>("api/invoices")).EnumerateArray());
    }
}
