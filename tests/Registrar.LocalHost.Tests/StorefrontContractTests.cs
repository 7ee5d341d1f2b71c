using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Registrar.LocalHost.Tests;

/// <summary>What a storefront written by someone else sends: optional members left out, not set to null.</summary>
[Collection(ProductCollection.Name)]
public sealed class StorefrontContractTests(ProductFixture product)
{
    [Fact]
    public async Task An_order_that_leaves_out_every_optional_member_is_placed()
    {
        using var storefront = product.Storefront("minimal-" + Guid.NewGuid().ToString("N")[..6]);

        var response = await storefront.PostAsync("api/orders", new StringContent("""
            {
              "items": [ { "name": "minimal-order.kz", "termYears": 1 } ],
              "contactEmail": "owner@mail.example.org",
              "registrant": { "data": {
                "kind": "NaturalPerson", "fullName": "Абаев Абай",
                "address": { "country": "KZ", "postalCode": "050000", "region": "Алматы", "city": "Алматы", "street": "Абая", "building": "1" },
                "email": "owner@mail.example.org", "phone": "+7.7011234567" } },
              "acceptance": { "offerVersion": "2025-01", "acceptedAt": "2026-11-24T06:00:00Z", "personalDataConsent": true }
            }
            """, Encoding.UTF8, "application/json"));

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var order = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("minimal-order.kz", order.GetProperty("lines")[0].GetProperty("name").GetString());
        Assert.Equal("KZT", order.GetProperty("invoice").GetProperty("total").GetProperty("currency").GetString());
    }

    [Fact]
    public async Task An_order_without_the_offer_acceptance_names_the_rule_it_breaks_UA_Pre_5()
    {
        using var storefront = product.Storefront("minimal-" + Guid.NewGuid().ToString("N")[..6]);

        var response = await storefront.PostAsync("api/orders", new StringContent("""
            { "items": [ { "name": "no-acceptance.kz", "termYears": 1 } ], "contactEmail": "owner@mail.example.org",
              "registrant": { "nicHandle": "KZ-NIC-1" } }
            """, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("UA-Pre-5", problem.GetProperty("errors").GetProperty("acceptance")[0].GetString());
    }
}
