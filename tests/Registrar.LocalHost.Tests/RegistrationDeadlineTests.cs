using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Registrar.LocalHost.Tests;

[Collection(ClockedProductCollection.Name)]
public sealed class RegistrationDeadlineTests(ProductFixture product)
{
    [Fact]
    public async Task A_paid_registration_still_waiting_after_its_business_day_deadline_is_flagged_for_operations_KZ_2_1()
    {
        var customer = "late-" + Guid.NewGuid().ToString("N")[..6];
        using var storefront = product.Storefront(customer);
        var name = "latebrand" + Guid.NewGuid().ToString("N")[..4] + ".ua";
        var placed = await storefront.PostAsJsonAsync("api/orders", new
        {
            items = new[] { new { name, termYears = 1, trademark = new { wordMark = name.Split('.')[0], registrationNumber = "UA-1", office = "UA", registeredOn = "2020-01-01" } } },
            contactEmail = $"{customer}@mail.example.org",
            registrant = new { nicHandle = "UA-NIC-1", data = (object?)null },
            technicalContact = (object?)null,
            acceptance = new { offerVersion = "2025-01", acceptedAt = DateTimeOffset.UtcNow, personalDataConsent = true },
        });
        Assert.True(placed.StatusCode == HttpStatusCode.Created, await placed.Content.ReadAsStringAsync());
        var order = await placed.Content.ReadFromJsonAsync<JsonElement>();
        var invoice = order.GetProperty("invoice");
        var registrationId = order.GetProperty("lines")[0].GetProperty("registrationId").GetString()!;
        using var bank = product.Anonymous();
        var camt = BankMessages.Camt054Credit(invoice.GetProperty("number").GetString()!, invoice.GetProperty("total").GetProperty("amount").GetString()!,
            "UAH", DateTimeOffset.Now, BankMessages.NewReference());
        var content = new StringContent(camt, System.Text.Encoding.UTF8, "application/xml");
        content.Headers.Add("X-Signature", BankMessages.Sign("development-only-privatbank-secret", camt));
        TestSupport.AssertRecorded(await bank.PostAsync("api/banks/privatbank/camt054", content));
        using var operations = product.Operations();
        await WaitForReviewAsync(operations, i => i.GetProperty("subject").GetString() == registrationId);
        Assert.DoesNotContain(await ReviewAsync(operations), i => i.GetProperty("explanation").GetString()!.Contains("overdue"));
        var listed = Assert.Single(await TestSupport.EventuallyAsync(() => ListedAsync(operations, $"customerId={customer}"), l => l.Count > 0));
        Assert.Equal(JsonValueKind.String, listed.GetProperty("dueBy").ValueKind);
        Assert.Empty(await ListedAsync(operations, $"customerId={customer}&overdue=true"));

        // Nobody reviews the trademark; four days pass (enough business days whatever weekday this runs on).
        var advanced = await operations.PostAsJsonAsync("ops/clock/advance", new { by = "4.00:00:00" });
        Assert.Equal(HttpStatusCode.OK, advanced.StatusCode);

        var overdue = await WaitForReviewAsync(operations,
            i => i.GetProperty("subject").GetString() == registrationId && i.GetProperty("explanation").GetString()!.Contains("overdue"));
        Assert.Contains("KZ-2.1", overdue.GetProperty("explanation").GetString());
        // Operations find it among the overdue registrations, of all customers and of this one.
        Assert.Contains(await ListedAsync(operations, "overdue=true&pageSize=100"), r => r.GetProperty("registrationId").GetString() == registrationId);
        Assert.Equal(registrationId, Assert.Single(await ListedAsync(operations, $"overdue=true&customerId={customer}")).GetProperty("registrationId").GetString());
    }

    private static async Task<List<JsonElement>> ListedAsync(HttpClient operations, string query) =>
        (await operations.GetFromJsonAsync<JsonElement>($"api/ops/registrations?{query}")).GetProperty("registrations").EnumerateArray().ToList();

    private static async Task<List<JsonElement>> ReviewAsync(HttpClient operations) =>
        (await operations.GetFromJsonAsync<JsonElement>("api/ops/review")).EnumerateArray().ToList();

    private static async Task<JsonElement> WaitForReviewAsync(HttpClient operations, Func<JsonElement, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var found = (await ReviewAsync(operations)).FirstOrDefault(match);
            if (found.ValueKind != JsonValueKind.Undefined) return found;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The review item did not appear within 60 s.");
            await Task.Delay(250);
        }
    }
}
