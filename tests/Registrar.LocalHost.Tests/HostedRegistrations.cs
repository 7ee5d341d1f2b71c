using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Registrar.Core.Calendars;
using static Registrar.LocalHost.Tests.TestSupport;

namespace Registrar.LocalHost.Tests;

/// <summary>Orders paid at the host's time, for products whose clock a test moves: every date is the host's.</summary>
public sealed class HostedRegistrations(ProductFixture product)
{
    private const string PrivatbankSecret = "development-only-privatbank-secret";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private static readonly BusinessCalendars Calendars = BusinessCalendars.LoadEmbedded();

    /// <summary>A paid order for <c>{customer}.{zone}</c>, once its registration is visible to the customer. The registrant is
    /// given as data, which the registry creates as a contact, so the domain does get registered (<see cref="RegisteredDomains.Body"/>
    /// for .kz).</summary>
    public async Task<(string RegistrationId, string InvoiceNumber, string Name)> PaidAsync(string customer, string zone)
    {
        var (registrationId, invoiceNumber, amount, name) = await PlacedAsync(customer, zone, $"{customer}.{zone}");
        await PayAsync(invoiceNumber, amount, zone);
        using var storefront = product.Storefront(customer);
        await EventuallyAsync(async () => await storefront.GetFromJsonAsync<JsonElement>("api/registrations"),
            list => list.EnumerateArray().Any(r => r.GetProperty("registrationId").GetString() == registrationId), Patience);
        return (registrationId, invoiceNumber, name);
    }

    /// <summary>An order for <paramref name="name"/> whose invoice is open.</summary>
    public async Task<(string RegistrationId, string InvoiceNumber, string Amount, string Name)> PlacedAsync(string customer, string zone, string name)
    {
        using var storefront = product.Storefront(customer);
        var kz = zone is "kz" or "қаз";
        var placed = await storefront.PostAsJsonAsync("api/orders", kz ? RegisteredDomains.Body(customer, name) : UkrainianOrder(customer, name));
        Assert.True(placed.StatusCode == HttpStatusCode.Created, await placed.Content.ReadAsStringAsync());
        var order = await placed.Content.ReadFromJsonAsync<JsonElement>();
        var invoice = order.GetProperty("invoice");
        return (order.GetProperty("lines")[0].GetProperty("registrationId").GetString()!, invoice.GetProperty("number").GetString()!,
            invoice.GetProperty("total").GetProperty("amount").GetString()!, name);
    }

    /// <summary>The zone's bank posts a signed camt.054 crediting <paramref name="amount"/> to the invoice, booked now by the host's clock.</summary>
    public async Task<JsonElement> PayAsync(string invoiceNumber, string amount, string zone)
    {
        var hostNow = await HostNowAsync();
        var kz = zone is "kz" or "қаз";
        var (bank, secret, currency, country) = kz ? ("halyk", ProductFixture.HalykSecret, "KZT", "KZ") : ("privatbank", PrivatbankSecret, "UAH", "UA");
        var camt = BankMessages.Camt054Credit(invoiceNumber, amount, currency,
            TimeZoneInfo.ConvertTime(hostNow, Calendars.For(country).TimeZone), BankMessages.NewReference());
        var content = new StringContent(camt, Encoding.UTF8, "application/xml");
        content.Headers.Add("X-Signature", BankMessages.Sign(secret, camt, hostNow));
        using var anonymous = product.Anonymous();
        var paid = await anonymous.PostAsync($"api/banks/{bank}/camt054", content);
        Assert.True(paid.StatusCode == HttpStatusCode.OK, await paid.Content.ReadAsStringAsync());
        return await paid.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<DateTimeOffset> HostNowAsync()
    {
        using var operations = product.Operations();
        return (await operations.GetFromJsonAsync<JsonElement>("ops/clock")).GetProperty("now").GetDateTimeOffset();
    }

    public async Task AdvanceClockPastAsync(DateTimeOffset instant)
    {
        using var operations = product.Operations();
        var by = TimeSpan.FromSeconds(Math.Ceiling((instant - await HostNowAsync()).TotalSeconds) + 60);
        var advanced = await operations.PostAsJsonAsync("ops/clock/advance", new { by = by.ToString("c", CultureInfo.InvariantCulture) });
        Assert.True(advanced.IsSuccessStatusCode, await advanced.Content.ReadAsStringAsync());
    }

    /// <summary>The customer's registered domain as they see it, once the registry created it.</summary>
    public async Task RegisteredAsync(string customer, string registrationId)
    {
        using var storefront = product.Storefront(customer);
        await EventuallyAsync(async () => await storefront.GetFromJsonAsync<JsonElement>("api/registrations"),
            list => list.EnumerateArray().Any(r => r.GetProperty("registrationId").GetString() == registrationId
                && r.GetProperty("phase").GetString() == "Registered"), Patience);
    }

    private static object UkrainianOrder(string customer, string name) => new
    {
        items = new[] { new { name, termYears = 1 } },
        contactEmail = $"{customer}@mail.example.org",
        registrant = new
        {
            data = new
            {
                kind = "NaturalPerson", fullName = "Коваленко Олена Петрівна",
                address = new { country = "UA", postalCode = "01001", region = "Київ", city = "Київ", street = "вул. Хрещатик", building = "1" },
                email = $"{customer}@mail.example.org", phone = "+380.441234567",
            },
        },
        acceptance = new { offerVersion = "2025-01", personalDataConsent = true },
    };
}
