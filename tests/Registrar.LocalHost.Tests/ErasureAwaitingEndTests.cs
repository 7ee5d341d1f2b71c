using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Registrar.Testing;
using static Registrar.LocalHost.Tests.TestSupport;

namespace Registrar.LocalHost.Tests;

/// <summary>A product of its own: the test moves the host's clock a day, and the erasure product's years would leave it past
/// the business-day calendars.</summary>
[CollectionDefinition(Name)]
public sealed class ErasureAwaitingEndProductCollection : ICollectionFixture<ProductFixture>
{
    public const string Name = "product for an erasure awaiting the domain's end";
}

/// <summary>UA-Pre-6 through the running local host: a .kz domain an erasure request left held goes before operations, and once
/// it ended and its data were erased that item is closed.</summary>
[Collection(ErasureAwaitingEndProductCollection.Name)]
public sealed class ErasureAwaitingEndTests(ProductFixture product)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly HostedRegistrations _registrations = new(product);

    [Fact]
    public async Task UA_Pre_6_the_ask_to_end_a_kz_domain_first_is_closed_once_it_ended_and_its_data_were_erased()
    {
        var customer = "ere-" + Guid.NewGuid().ToString("N")[..8];
        using var operations = product.Operations();
        using var storefront = product.Storefront(customer);
        var (registrationId, _, _) = await _registrations.PaidAsync(customer, "kz");
        await _registrations.RegisteredAsync(customer, registrationId);
        var today = DateOnly.FromDateTime((await _registrations.HostNowAsync()).UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var recorded = await operations.PostAsJsonAsync("api/ops/erasure-requests",
            new { customerId = customer, repliedOn = today, reference = "вх. 22/26", recordedBy = "Олена" });
        Assert.True((int)recorded.StatusCode == 202, await recorded.Content.ReadAsStringAsync());
        var item = $"erasure-awaits-end:{registrationId}";
        await EventuallyAsync(() => OpenReviewItemsAsync(operations), ids => ids.Contains(item), Patience);

        var endedAt = await RegisteredDomains.DeletedOnRequestAsync(product, storefront, registrationId, $"{customer}@mail.example.org");
        // The check looks again a day after it found the domain held.
        await _registrations.AdvanceClockPastAsync(endedAt.AddDays(1));

        await EventuallyAsync(() => OpenReviewItemsAsync(operations), ids => !ids.Contains(item), Patience);
        var audit = await operations.GetFromJsonAsync<JsonElement>($"api/ops/audit?registrationId={registrationId}&action=personal-data-erased");
        Assert.Single(audit.GetProperty("entries").EnumerateArray());
    }

    private static async Task<List<string>> OpenReviewItemsAsync(HttpClient operations) =>
        [.. (await operations.GetFromJsonAsync<JsonElement>("api/ops/review")).EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];
}
