using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Registrar.Testing;
using static Registrar.LocalHost.Tests.TestSupport;

namespace Registrar.LocalHost.Tests;

/// <summary>A product of its own: the erasure test moves the host's clock five years ahead.</summary>
[CollectionDefinition(Name)]
public sealed class ErasureProductCollection : ICollectionFixture<ProductFixture>
{
    public const string Name = "product for erasure";
}

/// <summary>UA-Pre-6 through the running local host: a registration deleted early keeps its owner's data for five years,
/// then the timer erases them from storage (with the registrant kept since a contact change, the payer's name in the bank's messages, and in operations' records of a
/// renewal payment they applied) while the invoice stays with its number and amount.</summary>
[Collection(ErasureProductCollection.Name)]
public sealed class PersonalDataErasureTests(ProductFixture product)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    /// <summary>The payer every camt.054 of BankMessages names.</summary>
    private const string Payer = "ТОО Покупатель";

    [Fact]
    public async Task UA_Pre_6_the_owners_data_are_kept_five_years_after_the_registration_ended_then_erased_and_the_invoice_kept()
    {
        var customer = "era-" + Guid.NewGuid().ToString("N")[..8];
        // The registrant's name is the one PlaceOrderWithNewContactAsync gives; this product holds no other registration.
        var (name, fullName, email) = ($"{customer}.kz", "Иванов Иван Иванович", $"{customer}@mail.example.org");
        using var storefront = product.Storefront(customer);
        using var operations = product.Operations();
        var order = await PlaceOrderWithNewContactAsync(storefront, name, email);
        var (orderId, registrationId) = (order.GetProperty("orderId").GetString()!, order.GetProperty("lines")[0].GetProperty("registrationId").GetString()!);
        var invoice = order.GetProperty("invoice");
        await PayWithCamt054Async(product, invoice);
        await EventuallyAsync(() => product.Registry.GetDomainAsync(name), d => d is not null, Patience);
        var registered = await PhaseAsync(storefront, registrationId, "Registered");
        var renewalPayment = await RenewedThroughOperationsAsync(storefront, operations, registrationId, registered.GetProperty("expiresAt").GetDateTimeOffset());
        await ContactDetailsChangedAsync(storefront, registrationId, email);
        var endedAt = await RegisteredDomains.DeletedOnRequestAsync(product, storefront, registrationId, email);
        Assert.True(await HoldsAsync(customer, orderId, registrationId, fullName, email));
        // The lifecycle's own rows hold the address too (the paid event's order), so the check below covers them.
        Assert.Contains(email, string.Join('|', (await InstanceRowsAsync(product.Storage, registrationId)).SelectMany(r => r.Select(c => c.Value?.ToString()))));
        Assert.Equal((true, true), await BankMessageHoldsAsync(invoice.GetProperty("number").GetString()!));
        Assert.True(await OperationsQuotePayerAsync(renewalPayment));

        await AdvanceClockToAsync(operations, endedAt.AddYears(5).AddDays(-1));
        await Task.Delay(TimeSpan.FromSeconds(6));
        Assert.True(await HoldsAsync(customer, orderId, registrationId, fullName, email), "erased a day before the five years ran out");
        Assert.True(await OperationsQuotePayerAsync(renewalPayment), "the held renewal payment lost its payer a day before the five years ran out");

        await AdvanceClockToAsync(operations, endedAt.AddYears(5).AddHours(1));
        await EventuallyAsync(() => HoldsAsync(customer, orderId, registrationId, fullName, email), holds => !holds, Patience);
        // The payer's name goes from the bank's message kept verbatim; the invoice it paid is still named there.
        // The payments are erased after the order: waited for, as the rows above were.
        await EventuallyAsync(() => BankMessageHoldsAsync(invoice.GetProperty("number").GetString()!), holds => holds == (false, true), Patience);
        // The renewal's payment went through operations: their held payment and review item quoted the payer, and no longer do.
        await EventuallyAsync(() => OperationsQuotePayerAsync(renewalPayment), quotes => !quotes, Patience);

        var kept = await storefront.GetFromJsonAsync<JsonElement>($"api/orders/{orderId}/invoice");
        Assert.Equal(invoice.GetProperty("number").GetString(), kept.GetProperty("number").GetString());
        Assert.Equal(invoice.GetProperty("total").GetRawText(), kept.GetProperty("total").GetRawText());
        Assert.Equal("Paid", kept.GetProperty("status").GetString());
        // The mail log still says what went out and when, to an address no longer kept.
        var notices = (await operations.GetFromJsonAsync<JsonElement>($"api/ops/registrations/{registrationId}/notices")).GetRawText();
        Assert.Contains("Registered", notices);
        Assert.DoesNotContain("e***@m***.org", notices);
    }

    /// <summary>Whether the owner's name or address is still in any row the registration left: its order, its lifecycle and its
    /// notices, and the customer's account, whose contact e-mail no other registration needs (KZ-2.2).</summary>
    private async Task<bool> HoldsAsync(string customer, string orderId, string registrationId, string fullName, string email)
    {
        var rows = new List<TableEntity>
        {
            (await product.Storage.Tables.GetTableClient("orders").GetEntityAsync<TableEntity>(customer, orderId)).Value,
            (await product.Storage.Tables.GetTableClient("accounts").GetEntityAsync<TableEntity>(customer, "account|" + customer)).Value,
        };
        rows.AddRange(await InstanceRowsAsync(product.Storage, registrationId));
        rows.AddRange(await RowsAsync("noticesbyregistration", registrationId));
        // KZ-2.3: the registrant kept for WHOIS since the contact details changed.
        rows.AddRange(await RowsAsync("registrants", registrationId));
        var text = string.Join('|', rows.SelectMany(r => r.Select(c => c.Value?.ToString())));
        return text.Contains(email, StringComparison.Ordinal) || text.Contains(JsonEscaped(fullName), StringComparison.Ordinal)
            || text.Contains(fullName, StringComparison.Ordinal);
    }

    /// <summary>Whether a kept bank message names the payer PayWithCamt054Async sends, and whether one names the invoice:
    /// a small message is kept in its row, a larger one in a blob.</summary>
    private async Task<(bool Payer, bool Invoice)> BankMessageHoldsAsync(string invoiceNumber)
    {
        var texts = new List<string>();
        await foreach (var row in product.Storage.Tables.GetTableClient("bankmessages").QueryAsync<TableEntity>())
            if (JsonDocument.Parse(row.GetString("Document")).RootElement.TryGetProperty("body", out var body) && body.ValueKind == JsonValueKind.String)
                texts.Add(Encoding.UTF8.GetString(body.GetBytesFromBase64()));
        var bodies = product.Storage.Blobs.GetBlobContainerClient("bankmessages");
        if (await bodies.ExistsAsync())
            await foreach (var blob in bodies.GetBlobsAsync())
                if (!blob.Name.EndsWith(".outcome.json", StringComparison.Ordinal))
                    texts.Add((await bodies.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToString());
        return (texts.Any(t => t.Contains(Payer, StringComparison.Ordinal)), texts.Any(t => t.Contains(invoiceNumber, StringComparison.Ordinal)));
    }

    /// <summary>KZ-2.7: the renewal invoice issued 30 days before expiry is paid by a credit whose purpose names the payer and no
    /// invoice, held (UA-3.2) until operations apply it to the invoice, saying who phoned; the domain is renewed.</summary>
    /// <returns>The held payment's reference.</returns>
    private async Task<string> RenewedThroughOperationsAsync(HttpClient storefront, HttpClient operations, string registrationId, DateTimeOffset expiry)
    {
        var now = await AdvanceClockToAsync(operations, expiry.AddDays(-20));
        var invoices = await EventuallyAsync(() => storefront.GetFromJsonAsync<JsonElement>("api/invoices"),
            l => l.EnumerateArray().Any(i => i.GetProperty("renewal").ValueKind == JsonValueKind.Object), Patience);
        var renewal = invoices.EnumerateArray().Single(i => i.GetProperty("renewal").ValueKind == JsonValueKind.Object);
        var transaction = BankMessages.NewReference();
        // The helper writes its first argument where the invoice number goes in the purpose.
        var camt = BankMessages.Camt054Credit($"от {Payer}", renewal.GetProperty("total").GetProperty("amount").GetString()!, "KZT",
            now.ToOffset(TimeSpan.FromHours(5)), transaction);
        var content = new StringContent(camt, System.Text.Encoding.UTF8, "application/xml");
        content.Headers.Add("X-Signature", BankMessages.Sign(ProductFixture.HalykSecret, camt, signedAt: now));
        using (var bank = product.Anonymous()) AssertRecorded(await bank.PostAsync("api/banks/halyk/camt054", content));
        var reference = "halyk:" + transaction;
        await EventuallyAsync(() => operations.GetFromJsonAsync<JsonElement>("api/ops/payments/held"),
            l => l.EnumerateArray().Any(p => p.GetProperty("reference").GetString() == reference), Patience);
        var applied = await operations.PostAsJsonAsync($"api/ops/payments/held/{Uri.EscapeDataString(reference)}/apply",
            new { invoiceNumber = renewal.GetProperty("number").GetString(), reason = $"{Payer} phoned: it pays the renewal." });
        Assert.True(applied.IsSuccessStatusCode, await applied.Content.ReadAsStringAsync());
        await EventuallyAsync(() => storefront.GetFromJsonAsync<JsonElement>("api/registrations"),
            l => l.EnumerateArray().Any(r => r.GetProperty("registrationId").GetString() == registrationId
                && r.GetProperty("expiresAt").GetDateTimeOffset() > expiry), Patience);
        return reference;
    }

    /// <summary>Whether operations' held payment or a review item about the payment still quotes its payer.</summary>
    private async Task<bool> OperationsQuotePayerAsync(string reference)
    {
        var rows = new List<TableEntity>();
        foreach (var table in new[] { "heldpayments", "review" })
            rows.AddRange(await product.Storage.Tables.GetTableClient(table).QueryAsync<TableEntity>().ToListAsync());
        var texts = rows.Select(r => string.Join('|', r.Select(c => c.Value?.ToString()))).Where(t => t.Contains(reference, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(texts);
        return texts.Any(t => t.Contains(Payer, StringComparison.Ordinal) || t.Contains(JsonEscaped(Payer), StringComparison.Ordinal));
    }

    /// <summary>KZ-2.3: the owner moves; the registration then keeps their new details (and their name) for WHOIS.</summary>
    private async Task ContactDetailsChangedAsync(HttpClient storefront, string registrationId, string email)
    {
        var contact = new
        {
            address = new { country = "KZ", postalCode = "010000", region = "Астана", city = "Астана", street = "Кенесары", building = "5" },
            email, phone = "+7.7172123456",
        };
        var made = await storefront.PostAsJsonAsync($"api/registrations/{registrationId}/requests",
            new { kind = "registrant-contact-change", signedInSession = true, contact });
        Assert.True((int)made.StatusCode == 202, await made.Content.ReadAsStringAsync());
        await product.Mail.WaitForMailAsync(email, m => m.Subject.Contains("Контактные данные"), Patience);
        await EventuallyAsync(() => RowsAsync("registrants", registrationId), rows => rows.Count == 1, Patience);
    }

    private async Task<List<TableEntity>> RowsAsync(string table, string partition) =>
        await product.Storage.Tables.GetTableClient(table).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}")).ToListAsync();

    private static string JsonEscaped(string value) => JsonSerializer.Serialize(value)[1..^1];

    /// <summary>UA-1.5.6: the owner asks for deletion, proves it from the contact e-mail, and the registration ends.</summary>
    private static async Task<JsonElement> PhaseAsync(HttpClient storefront, string registrationId, string phase)
    {
        var list = await EventuallyAsync(() => storefront.GetFromJsonAsync<JsonElement>("api/registrations"),
            l => l.EnumerateArray().Any(r => r.GetProperty("registrationId").GetString() == registrationId
                && r.GetProperty("phase").GetString() == phase), Patience);
        return list.EnumerateArray().Single(r => r.GetProperty("registrationId").GetString() == registrationId);
    }


    /// <returns>The host's clock after the move.</returns>
    private static async Task<DateTimeOffset> AdvanceClockToAsync(HttpClient operations, DateTimeOffset target)
    {
        var now = await HostNowAsync(operations);
        if (target <= now) return now;
        var advanced = await operations.PostAsJsonAsync("ops/clock/advance", new { by = (target - now).ToString("c", CultureInfo.InvariantCulture) });
        Assert.True(advanced.IsSuccessStatusCode, await advanced.Content.ReadAsStringAsync());
        return await HostNowAsync(operations);
    }

    private static async Task<DateTimeOffset> HostNowAsync(HttpClient operations) =>
        (await operations.GetFromJsonAsync<JsonElement>("ops/clock")).GetProperty("now").GetDateTimeOffset();
}
