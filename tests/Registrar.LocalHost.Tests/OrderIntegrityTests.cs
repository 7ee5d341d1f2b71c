using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using static Registrar.LocalHost.Tests.TestSupport;

namespace Registrar.LocalHost.Tests;

/// <summary>What an order keeps is what the server vouches for, bounded, and numbered without gaps (issue 12: 6, 7, 10, 15).</summary>
[Collection(ProductCollection.Name)]
public sealed class OrderIntegrityTests(ProductFixture product)
{
    private static string NewCustomer() => "integrity-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task The_offer_acceptance_is_recorded_for_the_authenticated_customer_at_the_servers_time_UA_2_1_1()
    {
        var customer = NewCustomer();
        using var storefront = product.Storefront(customer);
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);

        var response = await storefront.PostAsync("api/orders", Json($$$"""
            {"items":[{"name":"accepted-{{{customer}}}.kz","termYears":1}],"contactEmail":"o@mail.example.org",
             "registrant":{"nicHandle":"KZ-NIC-77"},
             "acceptance":{"offerVersion":"2025-01","acceptedAt":"2001-01-01T00:00:00Z","personalDataConsent":true}}
            """));

        Assert.Equal(201, (int)response.StatusCode);
        var orderId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderId").GetString()!;
        var stored = await product.Storage.Tables.GetTableClient("orders").GetEntityAsync<TableEntity>(customer, orderId);
        var acceptance = JsonDocument.Parse(stored.Value.GetString("Document")).RootElement.GetProperty("acceptance");
        Assert.Equal(customer, acceptance.GetProperty("accountId").GetString());
        Assert.InRange(acceptance.GetProperty("acceptedAt").GetDateTimeOffset(), before, DateTimeOffset.UtcNow.AddSeconds(5));
        Assert.Equal(2001, acceptance.GetProperty("claimedAcceptedAt").GetDateTimeOffset().Year);
    }

    [Fact]
    public async Task An_acceptance_naming_another_account_is_refused_UA_2_1_1()
    {
        var customer = NewCustomer();
        using var storefront = product.Storefront(customer);

        var response = await storefront.PostAsync("api/orders", Json($$$"""
            {"items":[{"name":"someone-else-{{{customer}}}.kz","termYears":1}],"contactEmail":"o@mail.example.org",
             "registrant":{"nicHandle":"KZ-NIC-77"},
             "acceptance":{"offerVersion":"2025-01","accountId":"victim","personalDataConsent":true}}
            """));

        var problem = await AssertProblemAsync(response, 400);
        Assert.True(problem.GetProperty("errors").TryGetProperty("acceptance.accountId", out _));
    }

    [Fact]
    public async Task An_order_with_a_string_too_long_to_store_is_refused_and_spends_no_invoice_number()
    {
        var customer = NewCustomer();
        using var storefront = product.Storefront(customer);
        var first = await PlaceOrderAsync(storefront, customer, $"before-{customer}.kz");
        var rows = await CountRowsAsync(product.Storage);

        // Under the 64 KiB body limit, over what one table property holds once stored.
        var refused = await storefront.PostAsJsonAsync("api/orders", OrderBody(customer, $"huge-{customer}.kz", new string('v', 60_000)));
        await AssertProblemAsync(refused, 400);
        Assert.Equal(rows, await CountRowsAsync(product.Storage));

        var next = await PlaceOrderAsync(storefront, customer, $"after-{customer}.kz");
        Assert.Equal(SequenceOf(first) + 1, SequenceOf(next));
    }

    [Fact]
    public async Task A_refused_order_does_not_own_its_idempotency_key_and_the_corrected_order_is_placed_under_it()
    {
        var customer = NewCustomer();
        using var storefront = product.Storefront(customer);
        var key = Guid.NewGuid().ToString();

        var refused = await Send(storefront, key, OrderBody(customer, "not a domain name"));
        var corrected = await Send(storefront, key, OrderBody(customer, $"corrected-{customer}.kz"));

        await AssertProblemAsync(refused, 400);
        Assert.Equal(201, (int)corrected.StatusCode);
    }

    [Fact]
    public async Task A_placed_order_says_where_it_is_even_on_replay_and_no_cache_keeps_it()
    {
        var customer = NewCustomer();
        using var storefront = product.Storefront(customer);
        var key = Guid.NewGuid().ToString();
        var body = OrderBody(customer, $"located-{customer}.kz");

        var first = await Send(storefront, key, body);
        var replay = await Send(storefront, key, body);

        var orderId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderId").GetString();
        foreach (var answer in new[] { first, replay })
        {
            Assert.Equal(201, (int)answer.StatusCode);
            Assert.Equal($"/api/orders/{orderId}", answer.Headers.Location?.OriginalString);
            Assert.True(answer.Headers.CacheControl?.NoStore, "no-store");
        }
        var read = await storefront.GetAsync($"api/orders/{orderId}");
        Assert.True(read.Headers.CacheControl?.NoStore, "no-store on the order");
        Assert.True((await storefront.GetAsync("api/registrations")).Headers.CacheControl?.NoStore, "no-store on registrations");
    }

    [Theory]
    [InlineData("names-null", """{"names":[null],"termYears":1}""", "quotes", "application/json")]
    [InlineData("latin-1", """{"names":["shop.kz"],"termYears":1}""", "quotes", "application/json; charset=iso-8859-1")]
    [InlineData("items-null", """{"items":[null],"contactEmail":"o@mail.example.org","registrant":{"nicHandle":"KZ-NIC-77"},"acceptance":{"offerVersion":"v","personalDataConsent":true}}""", "orders", "application/json")]
    [InlineData("long-local-part", """{"items":[{"name":"local-part.kz","termYears":1}],"contactEmail":"LOCAL@mail.example.org","registrant":{"nicHandle":"KZ-NIC-77"},"acceptance":{"offerVersion":"v","personalDataConsent":true}}""", "orders", "application/json")]
    [InlineData("crlf-name", """{"items":[{"name":"crlf-name.kz","termYears":1}],"contactEmail":"o@mail.example.org","registrant":{"data":{"kind":"NaturalPerson","fullName":"Ivan\r\nBcc: all@example.org","address":{"country":"KZ","postalCode":"050000","region":"A","city":"A","street":"A","building":"1"},"email":"o@mail.example.org","phone":"+7.7011234567"}},"acceptance":{"offerVersion":"v","personalDataConsent":true}}""", "orders", "application/json")]
    public async Task Smaller_gaps_are_refused_as_problems_that_name_no_internal_type(string what, string body, string endpoint, string contentType)
    {
        using var storefront = product.Storefront(NewCustomer());
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body.Replace("LOCAL", new string('a', 300))));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var response = await storefront.PostAsync($"api/{endpoint}", content);

        var problem = await AssertProblemAsync(response, what == "latin-1" ? 415 : 400);
        Assert.DoesNotContain("Registrar.", problem.ToString());
        Assert.DoesNotContain("System.", problem.ToString());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task A_later_order_naming_another_contact_email_is_refused_spending_no_number_and_the_accounts_address_in_any_case_is_taken_KZ_2_2()
    {
        var customer = NewCustomer();
        using var storefront = product.Storefront(customer);
        var first = await PlaceOrderAsync(storefront, customer, $"first-{customer}.kz");
        var rows = await CountRowsAsync(product.Storage);

        // KZ-2.2: the account already holds {customer}@mail.example.org; another address is changed by a UA-4.7 request, not an order.
        var refused = await AssertProblemAsync(await storefront.PostAsJsonAsync("api/orders", new
        {
            items = new[] { new { name = $"other-{customer}.kz", termYears = 1 } },
            contactEmail = $"someone-else-{customer}@mail.example.org",
            registrant = new { nicHandle = "KZ-NIC-77" },
            acceptance = new { offerVersion = "2025-01", personalDataConsent = true },
        }), 409);
        Assert.Equal("KZ-2.2", refused.GetProperty("rule").GetString());
        Assert.Contains("contact-email-change", refused.GetProperty("detail").GetString());
        Assert.Equal(rows, await CountRowsAsync(product.Storage));

        var same = await storefront.PostAsJsonAsync("api/orders", new
        {
            items = new[] { new { name = $"same-{customer}.kz", termYears = 1 } },
            contactEmail = $"{customer}@MAIL.EXAMPLE.ORG".ToUpperInvariant(),
            registrant = new { nicHandle = "KZ-NIC-77" },
            acceptance = new { offerVersion = "2025-01", personalDataConsent = true },
        });
        Assert.True((int)same.StatusCode == 201, await same.Content.ReadAsStringAsync());
        var next = await same.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(SequenceOf(first) + 1, SequenceOf(next));
        var stored = await product.Storage.Tables.GetTableClient("orders").GetEntityAsync<TableEntity>(customer, next.GetProperty("orderId").GetString()!);
        Assert.Equal($"{customer}@mail.example.org",
            JsonDocument.Parse(stored.Value.GetString("Document")).RootElement.GetProperty("contactEmail").GetString());
    }

    private static int SequenceOf(JsonElement order) =>
        int.Parse(order.GetProperty("invoice").GetProperty("number").GetString()!.Split('-')[2]);

    private static async Task<HttpResponseMessage> Send(HttpClient storefront, string key, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/orders") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await storefront.SendAsync(request);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
