using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using static Registrar.LocalHost.Tests.TestSupport;

namespace Registrar.LocalHost.Tests;

/// <summary>Domains registered through the running host as a customer does it: an order, a bank payment, the registry.</summary>
internal static class RegisteredDomains
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    /// <summary>An order for <paramref name="name"/> placed and paid, until the registration is Registered.</summary>
    public static async Task<string> RegisteredAsync(ProductFixture product, HttpClient storefront, string customer, string name)
    {
        var placed = await storefront.PostAsJsonAsync("api/orders", Body(customer, name));
        Assert.True((int)placed.StatusCode == 201, await placed.Content.ReadAsStringAsync());
        var order = await placed.Content.ReadFromJsonAsync<JsonElement>();
        var registrationId = order.GetProperty("lines")[0].GetProperty("registrationId").GetString()!;
        await PayAsync(product, order);
        await EventuallyAsync(() => product.Registry.GetDomainAsync(name), d => d is not null, Patience);
        await EventuallyAsync(() => storefront.GetFromJsonAsync<JsonElement>("api/registrations"),
            l => l.EnumerateArray().Any(r => r.GetProperty("registrationId").GetString() == registrationId
                && r.GetProperty("phase").GetString() == "Registered"), Patience);
        return registrationId;
    }

    /// <summary>UA-1.5.6: early deletion, confirmed from the contact e-mail, until the customer sees the registration Deleted.</summary>
    /// <returns>When the registration ended.</returns>
    public static async Task<DateTimeOffset> DeletedOnRequestAsync(ProductFixture product, HttpClient storefront, string registrationId, string mailbox)
    {
        var made = await storefront.PostAsJsonAsync($"api/registrations/{registrationId}/requests", new { kind = "early-deletion" });
        Assert.True((int)made.StatusCode == 202, await made.Content.ReadAsStringAsync());
        var mail = await product.Mail.WaitForMailAsync(mailbox, m => m.Text?.Contains("confirmation?token=") == true, Patience);
        var token = mail.Text!.Split("confirmation?token=")[1].Split('\n')[0].Trim();
        using var browser = product.Anonymous();
        Assert.Equal(200, (int)(await browser.PostAsync($"api/requests/confirmation?token={token}", null)).StatusCode);
        var list = await EventuallyAsync(() => storefront.GetFromJsonAsync<JsonElement>("api/registrations"),
            l => l.EnumerateArray().Any(r => r.GetProperty("registrationId").GetString() == registrationId && r.GetProperty("phase").GetString() == "Deleted"),
            Patience);
        return list.EnumerateArray().Single(r => r.GetProperty("registrationId").GetString() == registrationId).GetProperty("endedAt").GetDateTimeOffset();
    }

    // Registrant data, not a nic-handle: the simulator creates the contact, so the domain is registered and the owner mailed.
    /// <param name="language">The customer's language for notices; null for the zone's offer language.</param>
    public static object Body(string customer, string name, string? language = null) => new
    {
        items = new[] { new { name, termYears = 1 } },
        contactEmail = $"{customer}@mail.example.org",
        registrant = new
        {
            data = new
            {
                kind = "NaturalPerson", fullName = "Иванов Иван Иванович",
                address = new { country = "KZ", postalCode = "050000", region = "Алматы", city = "Алматы", street = "пр. Абая", building = "10" },
                email = $"{customer}@mail.example.org", phone = "+7.7012345678",
            },
        },
        acceptance = new { offerVersion = "2025-01", personalDataConsent = true },
        language,
    };

    /// <summary>The order's invoice paid in full by a signed camt.054 from the bank.</summary>
    public static Task PayAsync(ProductFixture product, JsonElement order)
    {
        var invoice = order.GetProperty("invoice");
        return PayInvoiceAsync(product, invoice.GetProperty("number").GetString()!, invoice.GetProperty("total").GetProperty("amount").GetString()!);
    }

    /// <summary>An invoice paid in full, in tenge, by a signed camt.054 from the bank.</summary>
    public static async Task PayInvoiceAsync(ProductFixture product, string number, string amount)
    {
        // camt.054 times are whole seconds, and a credit booked before its invoice was issued is held for operations.
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        var camt = BankMessages.Camt054Credit(number, amount, "KZT", DateTimeOffset.Now, BankMessages.NewReference());
        using var bank = product.Anonymous();
        var content = new StringContent(camt, Encoding.UTF8, "application/xml");
        content.Headers.Add("X-Signature", BankMessages.Sign(ProductFixture.HalykSecret, camt));
        // 202: the host answered the bank before its entries were applied (a loaded machine); they are applied all the same,
        // and every caller waits for what the payment leads to.
        Assert.Contains((int)(await bank.PostAsync("api/banks/halyk/camt054", content)).StatusCode, new[] { 200, 202 });
    }
}
