using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Registrar.Testing;
using static Registrar.LocalHost.Tests.TestSupport;

namespace Registrar.LocalHost.Tests;

/// <summary>UA-Pre-6 through the running local host: operations record a registrant's written erasure request.</summary>
[Collection(ProductCollection.Name)]
public sealed class ErasureRequestTests(ProductFixture product)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly HostedRegistrations _registrations = new(product);

    [Fact]
    public async Task UA_Pre_6_an_erasure_request_is_refused_without_the_operations_key_a_reference_or_a_known_customer_and_changes_nothing()
    {
        using var operations = product.Operations();
        using var storefront = product.Storefront("era-refused");
        var body = new { customerId = "era-nobody", repliedOn = "2026-12-01", reference = "вх. 17/26", recordedBy = "Олена" };
        var scheduled = await ScheduledErasuresAsync();

        await AssertProblemAsync(await storefront.PostAsJsonAsync("api/ops/erasure-requests", body), 403);
        var invalid = await AssertProblemAsync(await operations.PostAsJsonAsync("api/ops/erasure-requests",
            body with { customerId = "no/such", reference = " " }), 400);
        Assert.Contains("customerId", invalid.GetRawText());
        Assert.Contains("reference", invalid.GetRawText());
        await AssertProblemAsync(await operations.PostAsJsonAsync("api/ops/erasure-requests", body), 404);
        Assert.Equal(scheduled, await ScheduledErasuresAsync());
    }

    [Fact]
    public async Task UA_Pre_6_an_erasure_request_for_a_kz_domain_still_held_at_the_registry_puts_it_before_operations_to_end_it_first()
    {
        var customer = "erq-" + Guid.NewGuid().ToString("N")[..8];
        using var operations = product.Operations();
        var (registrationId, _, name) = await _registrations.PaidAsync(customer, "kz");
        await _registrations.RegisteredAsync(customer, registrationId);

        var recorded = await operations.PostAsJsonAsync("api/ops/erasure-requests",
            new { customerId = customer, repliedOn = Yesterday(), reference = "вх. 18/26", recordedBy = "Олена" });

        Assert.True((int)recorded.StatusCode == 202, await recorded.Content.ReadAsStringAsync());
        var view = await recorded.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([registrationId], view.GetProperty("registrations").EnumerateArray().Select(r => r.GetString()));
        // The .kz offer does not make the request end the contract: the domain stays until operations end it.
        Assert.Empty(view.GetProperty("domainsEnding").EnumerateArray());
        var flagged = await EventuallyAsync(
            async () => (await operations.GetFromJsonAsync<JsonElement>("api/ops/review")).EnumerateArray()
                .FirstOrDefault(i => i.GetProperty("kind").GetString() == "erasure" && i.GetProperty("subject").GetString() == registrationId),
            item => item.ValueKind == JsonValueKind.Object, Patience);
        Assert.Equal("Active", (await product.Registry.GetDomainAsync(name))!.Value.GetProperty("phase").GetString());
        Assert.Equal("ErasureAwaitsEnd", flagged.GetProperty("reason").GetString());
        Assert.Contains("UA-Pre-6", flagged.GetProperty("explanation").GetString());

        var audit = await operations.GetFromJsonAsync<JsonElement>($"api/ops/audit?registrationId={registrationId}&action=erasure-requested");
        var entry = Assert.Single(audit.GetProperty("entries").EnumerateArray());
        Assert.EndsWith("(Олена)", entry.GetProperty("actor").GetString());
        Assert.Contains("вх. 18/26", entry.GetProperty("details").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task UA_Pre_6_an_erasure_request_ends_a_ua_contract_from_the_replys_date_deleting_the_domain_and_confirming_it_to_the_registrant()
    {
        var customer = "eru-" + Guid.NewGuid().ToString("N")[..8];
        using var operations = product.Operations();
        var (registrationId, _, name) = await _registrations.PaidAsync(customer, "com.ua");
        await _registrations.RegisteredAsync(customer, registrationId);

        var recorded = await operations.PostAsJsonAsync("api/ops/erasure-requests",
            new { customerId = customer, repliedOn = Yesterday(), reference = "вх. 20/26", recordedBy = "Олена" });

        Assert.True((int)recorded.StatusCode == 202, await recorded.Content.ReadAsStringAsync());
        Assert.Equal([registrationId], (await recorded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("domainsEnding")
            .EnumerateArray().Select(r => r.GetString()));
        await product.Mail.WaitForMailAsync($"{customer}@mail.example.org", m => m.Subject.Contains("Ваше повідомлення про розірвання"), Patience);
        await EventuallyAsync(() => product.Registry.GetDomainAsync(name), d => d?.GetProperty("phase").GetString() == "RedemptionPeriod", Patience);
        var audit = await operations.GetFromJsonAsync<JsonElement>($"api/ops/audit?registrationId={registrationId}&action=termination");
        Assert.Contains("ErasureRequest", Assert.Single(audit.GetProperty("entries").EnumerateArray()).GetProperty("details").GetProperty("decision").GetString());
        // The lifecycle ends it, so operations are not asked to, however often the erasure check (every 2 s here) looked.
        await Task.Delay(TimeSpan.FromSeconds(6));
        var review = await operations.GetFromJsonAsync<JsonElement>("api/ops/review");
        Assert.DoesNotContain(review.EnumerateArray(), i => i.GetProperty("kind").GetString() == "erasure" && i.GetProperty("subject").GetString() == registrationId);
    }

    [Fact]
    public async Task UA_Pre_6_a_reply_dated_after_today_or_before_any_contract_is_a_400_naming_repliedOn_and_schedules_nothing()
    {
        var customer = "erd-" + Guid.NewGuid().ToString("N")[..8];
        using var storefront = product.Storefront(customer);
        using var operations = product.Operations();
        var order = await PlaceOrderWithNewContactAsync(storefront, $"{customer}.kz", $"{customer}@mail.example.org");
        var registrationId = order.GetProperty("lines")[0].GetProperty("registrationId").GetString()!;
        await PayWithCamt054Async(product, order.GetProperty("invoice"));
        await EventuallyAsync(() => storefront.GetFromJsonAsync<JsonElement>("api/registrations"),
            l => l.EnumerateArray().Any(r => r.GetProperty("registrationId").GetString() == registrationId), Patience);
        var scheduled = await ScheduledErasuresAsync();

        // A reply is recorded once sent: not dated after today; and no contract here began before 2000 (nor could 0001-01-01's
        // start where the registrar is be kept).
        foreach (var repliedOn in new[] { "9999-12-31", "0001-01-01", "1999-12-31" })
        {
            var refused = await AssertProblemAsync(await operations.PostAsJsonAsync("api/ops/erasure-requests",
                new { customerId = customer, repliedOn, reference = "вх. 19/26", recordedBy = "Олена" }), 400);
            Assert.Contains("repliedOn", refused.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        }

        Assert.Equal(scheduled, await ScheduledErasuresAsync());
        var audit = await operations.GetFromJsonAsync<JsonElement>($"api/ops/audit?registrationId={registrationId}&action=erasure-requested");
        Assert.Empty(audit.GetProperty("entries").EnumerateArray());
    }

    [Fact]
    public async Task The_audit_log_is_read_by_operations_only_with_checked_filters_and_pages_of_at_most_100()
    {
        using var operations = product.Operations();
        using var storefront = product.Storefront("audit-reader");

        await AssertProblemAsync(await storefront.GetAsync("api/ops/audit"), 403);
        var refused = await AssertProblemAsync(await operations.GetAsync(
            "api/ops/audit?registrationId=a/b&from=yesterday&pageSize=101&continuation=%E2%9C%97"), 400);
        foreach (var field in new[] { "registrationId", "from", "pageSize", "continuation" }) Assert.Contains(field, refused.GetRawText());
        await AssertProblemAsync(await operations.GetAsync("api/ops/audit?from=2027-01-02T00:00:00Z&to=2027-01-01T00:00:00Z"), 400);

        var page = await operations.GetFromJsonAsync<JsonElement>("api/ops/audit?pageSize=1");
        Assert.InRange(page.GetProperty("entries").GetArrayLength(), 0, 1);
    }

    [Fact]
    public async Task UA_Pre_6_an_order_invoice_open_when_an_erasure_request_is_recorded_is_cancelled_so_its_payment_is_held_and_registers_nothing()
    {
        var customer = "ero-" + Guid.NewGuid().ToString("N")[..8];
        using var operations = product.Operations();
        using var storefront = product.Storefront(customer);
        await _registrations.PaidAsync(customer, "com.ua");
        var (openRegistration, openInvoice, amount, name) = await _registrations.PlacedAsync(customer, "com.ua", $"{customer}-2.com.ua");

        var recorded = await operations.PostAsJsonAsync("api/ops/erasure-requests",
            new { customerId = customer, repliedOn = Yesterday(), reference = "вх. 21/26", recordedBy = "Олена" });
        Assert.True((int)recorded.StatusCode == 202, await recorded.Content.ReadAsStringAsync());
        Assert.Equal([openInvoice], (await recorded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cancelledInvoices")
            .EnumerateArray().Select(i => i.GetString()));
        await _registrations.PayAsync(openInvoice, amount, "com.ua");

        var held = await EventuallyAsync(
            async () => (await operations.GetFromJsonAsync<JsonElement>("api/ops/payments/held")).EnumerateArray()
                .FirstOrDefault(p => p.GetProperty("invoiceNumber").GetString() == openInvoice),
            p => p.ValueKind == JsonValueKind.Object, Patience);
        Assert.Equal("InvoiceCancelled", held.GetProperty("reason").GetString());
        Assert.Contains("erasure request", held.GetProperty("explanation").GetString());
        var invoices = await storefront.GetFromJsonAsync<JsonElement>("api/invoices");
        Assert.Equal("Cancelled", invoices.EnumerateArray().Single(i => i.GetProperty("number").GetString() == openInvoice).GetProperty("status").GetString());
        Assert.DoesNotContain((await storefront.GetFromJsonAsync<JsonElement>("api/registrations")).EnumerateArray(),
            r => r.GetProperty("registrationId").GetString() == openRegistration);
        Assert.Null(await product.Registry.GetDomainAsync(name));
    }

    [Fact]
    public async Task UA_Pre_6_a_customer_whose_order_never_became_a_contract_asks_for_erasure_and_the_order_and_account_address_go_at_once()
    {
        var customer = "erw-" + Guid.NewGuid().ToString("N")[..8];
        using var operations = product.Operations();
        var (_, invoice, _, _) = await _registrations.PlacedAsync(customer, "com.ua", $"{customer}.com.ua");

        var recorded = await operations.PostAsJsonAsync("api/ops/erasure-requests",
            new { customerId = customer, repliedOn = Yesterday(), reference = "вх. 23/26", recordedBy = "Олена" });

        Assert.True((int)recorded.StatusCode == 202, await recorded.Content.ReadAsStringAsync());
        var view = await recorded.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Empty(view.GetProperty("registrations").EnumerateArray());
        Assert.Equal([invoice], view.GetProperty("cancelledInvoices").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal(1, view.GetProperty("ordersErased").GetInt32());
        var kept = new List<string>();
        await foreach (var row in product.Storage.Tables.GetTableClient("orders").QueryAsync<TableEntity>(r => r.PartitionKey == customer))
            kept.Add(row.GetString("Document"));
        kept.Add((await product.Storage.Tables.GetTableClient("accounts").GetEntityAsync<TableEntity>(customer, "account|" + customer)).Value.GetString("Document"));
        Assert.DoesNotContain(kept, document => document.Contains($"{customer}@mail.example.org", StringComparison.Ordinal) || document.Contains("Коваленко"));
    }

    private static string Yesterday() => DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)).ToString("yyyy-MM-dd");

    private async Task<int> ScheduledErasuresAsync()
    {
        var table = product.Storage.Tables.GetTableClient("erasuresdue");
        await table.CreateIfNotExistsAsync();
        return await table.QueryAsync<Azure.Data.Tables.TableEntity>(select: ["PartitionKey"]).CountAsync();
    }
}
