using System.Net.Http.Json;
using Azure.Data.Tables;
using Registrar.Registry;
using static Registrar.LocalHost.Tests.TestSupport;

namespace Registrar.LocalHost.Tests;

/// <summary>UA-1.13: a registrant named by nic-handle is the ordering customer's own contact (security probe F1: another
/// customer's contact, named as registrant, would have its details rewritten by the next contact change, KZ-2.3).</summary>
[Collection(ProductCollection.Name)]
public sealed class RegistrantHandleTests(ProductFixture product)
{
    [Fact]
    public async Task Only_the_account_a_contact_was_made_for_names_it_as_registrant_and_the_registrars_own_is_no_registrant_UA_1_13()
    {
        var owner = "handle-owner-" + Guid.NewGuid().ToString("N")[..8];
        var other = "handle-other-" + Guid.NewGuid().ToString("N")[..8];
        using var ownerStorefront = product.Storefront(owner);
        using var otherStorefront = product.Storefront(other);
        var first = await PlaceOrderWithNewContactAsync(ownerStorefront, $"first-{owner}.kz", $"{owner}@mail.example.org");
        var handle = RegistryContacts.IdFor(first.GetProperty("orderId").GetString() + "-1", "registrant");

        var byOther = await otherStorefront.PostAsJsonAsync("api/orders", Naming(other, $"taken-{other}.kz", handle.ToLowerInvariant()));
        var registrarsOwn = await otherStorefront.PostAsJsonAsync("api/orders", Naming(other, $"tech-{other}.kz", "REGISTRAR-TECH"));
        var byOwner = await ownerStorefront.PostAsJsonAsync("api/orders", Naming(owner, $"second-{owner}.kz", handle));

        var refused = await AssertProblemAsync(byOther, 400);
        Assert.StartsWith("The nic-handle is not a contact of this account", refused.GetProperty("errors").GetProperty("registrant.nicHandle")[0].GetString());
        Assert.Contains("technical contact", (await AssertProblemAsync(registrarsOwn, 400)).GetProperty("errors").GetProperty("registrant.nicHandle")[0].GetString());
        Assert.Equal(201, (int)byOwner.StatusCode);
        Assert.Empty(await product.Storage.Tables.GetTableClient("orders").QueryAsync<TableEntity>(e => e.PartitionKey == other).ToListAsync());
    }

    private static object Naming(string customer, string name, string handle) => new
    {
        items = new[] { new { name, termYears = 1 } },
        contactEmail = $"{customer}@mail.example.org",
        registrant = new { nicHandle = handle },
        acceptance = new { offerVersion = "2025-01", personalDataConsent = true },
    };
}
