using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Registrar.Storage.Lifecycle;
using Registrar.Testing;

namespace Registrar.LocalHost.Tests;

/// <summary>What the hostile-input tests assert again and again: the answer is a problem document, and nothing was stored.</summary>
public static class TestSupport
{
    /// <summary>The tables only requests write to: what the lifecycle does in the background for earlier tests does not move them.
    /// (Ghost lifecycle instances are looked for by id, see <see cref="InstanceExistsAsync"/>.)</summary>
    private static readonly string[] Tables = ["orders", "invoices", "payments", "invoicesequences", "idempotency"];

    /// <summary>The customer's renewal invoices of <paramref name="registrationId"/>, as GET /api/invoices lists them.</summary>
    public static async Task<List<JsonElement>> RenewalInvoicesAsync(HttpClient storefront, string registrationId) =>
        [.. (await storefront.GetFromJsonAsync<JsonElement>("api/invoices")).EnumerateArray()
            .Where(i => i.GetProperty("renewal") is { ValueKind: JsonValueKind.Object } renewal
                && renewal.GetProperty("registrationId").GetString() == registrationId)];

    /// <summary>The audit entries of one action, every page of them.</summary>
    public static async Task<List<JsonElement>> AuditAsync(HttpClient operations, string action)
    {
        var entries = new List<JsonElement>();
        string? continuation = null;
        do
        {
            var page = await operations.GetFromJsonAsync<JsonElement>(
                $"api/ops/audit?action={action}&pageSize=100{(continuation is null ? "" : "&continuation=" + continuation)}");
            entries.AddRange(page.GetProperty("entries").EnumerateArray());
            continuation = page.GetProperty("continuation").GetString();
        }
        while (continuation is not null);
        return entries;
    }

    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"Expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.StartsWith("/problems/", problem.GetProperty("type").GetString());
        // RFC 9110 section 11.6.1: a 401 MUST say how to authenticate.
        if (status == 401) Assert.NotEmpty(response.Headers.WwwAuthenticate);
        return problem;
    }

    /// <summary>Rows per table, so a test can say which table changed.</summary>
    public static async Task<Dictionary<string, int>> CountRowsAsync(AzuriteFixture storage)
    {
        var counts = new Dictionary<string, int>();
        foreach (var table in Tables)
        {
            var client = storage.Tables.GetTableClient(table);
            await client.CreateIfNotExistsAsync();
            var count = 0;
            await foreach (var _ in client.QueryAsync<TableEntity>(select: ["PartitionKey"])) count++;
            counts[table] = count;
        }
        return counts;
    }

    /// <summary>Whether any lifecycle row exists for <paramref name="instanceId"/>: an event raised for it would have made one.</summary>
    public static async Task<bool> InstanceExistsAsync(AzuriteFixture storage, string instanceId) =>
        (await InstanceRowsAsync(storage, instanceId)).Count > 0;

    /// <summary>A lifecycle instance's rows (state and applied events), found where the table's layout puts them.</summary>
    public static async Task<List<TableEntity>> InstanceRowsAsync(AzuriteFixture storage, string instanceId)
    {
        var client = storage.Tables.GetTableClient("lifecycleinstances");
        await client.CreateIfNotExistsAsync();
        if (await LifecycleInstanceLayout.ReadAsync(client, default) is not { } layout) return [];
        return await storage.Tables.GetTableClient(layout.TableName(client.Name, instanceId))
            .QueryAsync<TableEntity>(layout.InstanceRowsFilter(instanceId)).ToListAsync();
    }

    public static async Task<JsonElement> PlaceOrderAsync(HttpClient storefront, string customer, string name, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/orders") { Content = JsonContent.Create(OrderBody(customer, name)) };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        var response = await storefront.SendAsync(request);
        Assert.True((int)response.StatusCode == 201, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>An order whose registrant is given as data, so the registry contact is created with the domain.</summary>
    public static async Task<JsonElement> PlaceOrderWithNewContactAsync(HttpClient storefront, string name, string email)
    {
        var response = await storefront.PostAsJsonAsync("api/orders", new
        {
            items = new[] { new { name, termYears = 1 } },
            contactEmail = email,
            registrant = new
            {
                data = new
                {
                    kind = "NaturalPerson", fullName = "Иванов Иван Иванович",
                    address = new { country = "KZ", postalCode = "050000", region = "Алматы", city = "Алматы", street = "пр. Абая", building = "10" },
                    email, phone = "+7.7012345678",
                },
            },
            acceptance = new { offerVersion = "2025-01", acceptedAt = DateTimeOffset.UtcNow, personalDataConsent = true },
        });
        Assert.True((int)response.StatusCode == 201, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Pays <paramref name="invoice"/> in full with a camt.054 credit from Halyk, booked now.</summary>
    public static async Task PayWithCamt054Async(ProductFixture product, JsonElement invoice)
    {
        // camt.054 times are whole seconds, and a credit booked before its invoice was issued is held for operations.
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        var camt = BankMessages.Camt054Credit(invoice.GetProperty("number").GetString()!,
            invoice.GetProperty("total").GetProperty("amount").GetString()!, "KZT", DateTimeOffset.Now, BankMessages.NewReference());
        using var bank = product.Anonymous();
        var content = new StringContent(camt, System.Text.Encoding.UTF8, "application/xml");
        content.Headers.Add("X-Signature", BankMessages.Sign(ProductFixture.HalykSecret, camt));
        AssertRecorded(await bank.PostAsync("api/banks/halyk/camt054", content));
    }

    /// <summary>A bank post was taken: 200 when applied within the answer's time, 202 when recorded and still being
    /// applied (a loaded machine); either way the flow goes on alike.</summary>
    public static void AssertRecorded(HttpResponseMessage bankAnswer) =>
        Assert.Contains(bankAnswer.StatusCode, new[] { System.Net.HttpStatusCode.OK, System.Net.HttpStatusCode.Accepted });

    public static object OrderBody(string customer, string name, string offerVersion = "2025-01") => new
    {
        items = new[] { new { name, termYears = 1 } },
        contactEmail = $"{customer}@mail.example.org",
        registrant = new { nicHandle = "KZ-NIC-77" },
        acceptance = new { offerVersion, personalDataConsent = true },
    };

    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? patience = null)
    {
        var deadline = DateTime.UtcNow + (patience ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var value = await read();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Not done in time.");
            await Task.Delay(250);
        }
    }
}
