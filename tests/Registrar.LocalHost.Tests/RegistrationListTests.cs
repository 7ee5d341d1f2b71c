using System.Net.Http.Json;
using System.Text.Json;
using static Registrar.LocalHost.Tests.TestSupport;

namespace Registrar.LocalHost.Tests;

/// <summary>Operations list all customers' registrations through the running host: by customer, phase and expiry window,
/// a page at a time, and a filter value that cannot be read is a problem naming its parameter.</summary>
[Collection(ProductCollection.Name)]
public sealed class RegistrationListTests(ProductFixture product)
{
    [Fact]
    public async Task Operations_page_through_one_customers_registrations_and_find_them_by_their_expiry_window()
    {
        var customer = "list-" + Guid.NewGuid().ToString("N")[..8];
        using var storefront = product.Storefront(customer);
        var first = await RegisteredDomains.RegisteredAsync(product, storefront, customer, $"first-{customer}.kz");
        var second = await RegisteredDomains.RegisteredAsync(product, storefront, customer, $"second-{customer}.kz");
        using var operations = product.Operations();

        var page = await ListAsync(operations, $"customerId={customer}&pageSize=1");
        var next = page.GetProperty("next").GetString()!;
        var rest = await ListAsync(operations, $"customerId={customer}&pageSize=1&after={Uri.EscapeDataString(next)}");
        string[] both = [.. new[] { first, second }.Order(StringComparer.Ordinal)];
        Assert.Equal(both, Ids(page).Concat(Ids(rest)).Order(StringComparer.Ordinal));
        Assert.False(rest.TryGetProperty("next", out var last) && last.ValueKind != JsonValueKind.Null, "the second page is the last");
        Assert.Equal(both, Ids(await ListAsync(operations, $"customerId={customer}&phase=Registered")).Order(StringComparer.Ordinal));
        Assert.Empty(Ids(await ListAsync(operations, $"customerId={customer}&phase=Deleted")));

        var expires = page.GetProperty("registrations")[0].GetProperty("expiresAt").GetDateTimeOffset();
        var window = $"expiresFrom={Instant(expires)}&expiresTo={Instant(expires.AddTicks(1))}";
        Assert.Contains(Ids(page).Single(), Ids(await ListAsync(operations, window + "&pageSize=100")));
        Assert.Empty(Ids(await ListAsync(operations, $"customerId={customer}&expiresFrom={Instant(expires.AddYears(5))}")));
    }

    [Theory]
    [InlineData("customerId=a%20b", "customerId")]
    [InlineData("expiresFrom=next-week", "expiresFrom")]
    [InlineData("expiresFrom=2027-03-01T00:00:00Z&expiresTo=2027-03-01T00:00:00Z", "expiresTo")]
    [InlineData("overdue=yes", "overdue")]
    [InlineData("customerId=someone&after=phase%7CRegistered%7Ckz%7CO1-1", "after")]
    [InlineData("phase=Sleeping", "phase")]
    public async Task A_list_filter_that_cannot_be_read_is_a_problem_naming_the_parameter(string query, string parameter)
    {
        using var operations = product.Operations();

        var problem = await AssertProblemAsync(await operations.GetAsync($"api/ops/registrations?{query}"), 400);

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.GetRawText());
    }

    private static async Task<JsonElement> ListAsync(HttpClient operations, string query) =>
        await operations.GetFromJsonAsync<JsonElement>($"api/ops/registrations?{query}");

    private static IEnumerable<string> Ids(JsonElement page) =>
        page.GetProperty("registrations").EnumerateArray().Select(r => r.GetProperty("registrationId").GetString()!);

    private static string Instant(DateTimeOffset instant) => Uri.EscapeDataString(instant.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
}
