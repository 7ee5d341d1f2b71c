using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Registrar.Core.Calendars;
using Registrar.Core.Deadlines;
using Registrar.Core.Zones;
using Registrar.Testing;
using static Registrar.LocalHost.Tests.TestSupport;

namespace Registrar.LocalHost.Tests;

/// <summary>A product of its own: these tests move the host's clock most of a year ahead.</summary>
[CollectionDefinition(Name)]
public sealed class RenewalProductCollection : ICollectionFixture<ProductFixture>
{
    public const string Name = "product for renewals";
}

/// <summary>Renewal invoices through the running local host: the lifecycle issues them at its reminders, a bank pays
/// them with a signed camt.054, and the registration is renewed at the registry once.</summary>
[Collection(RenewalProductCollection.Name)]
public sealed class RenewalInvoiceTests(ProductFixture product)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Almaty = TimeSpan.FromHours(5);

    [Fact]
    public async Task A_lapsed_renewal_invoice_is_held_and_the_next_one_paid_in_time_renews_the_domain_once_KZ_2_7_KZ_3_3()
    {
        var customer = "renew-" + Guid.NewGuid().ToString("N")[..6];
        var name = customer + ".kz";
        using var storefront = product.Storefront(customer);
        using var operations = product.Operations();
        var order = await TestSupport.PlaceOrderWithNewContactAsync(storefront, name, $"{customer}@mail.example.org");
        var registrationId = order.GetProperty("lines")[0].GetProperty("registrationId").GetString()!;
        var invoice = order.GetProperty("invoice");
        Assert.Equal("applied", await PayAsync(invoice.GetProperty("number").GetString()!, invoice.GetProperty("total").GetProperty("amount").GetString()!));
        var registered = await RegistrationAsync(operations, registrationId, s => s.GetProperty("phase").GetString() == "Registered");
        var expiry = registered.GetProperty("expiresAt").GetDateTimeOffset();

        // KZ-2.6, KZ-2.7: the reminder 30 days before expiry comes with a renewal invoice.
        await AdvanceClockToAsync(operations, expiry.AddDays(-20));
        var first = Renewal(await RegistrationAsync(operations, registrationId, s => Renewal(s).InvoiceNumber is not null));
        Assert.StartsWith("KZ-", first.InvoiceNumber);
        Assert.Equal(("6000.00", "KZT"), (first.Amount, first.Currency));

        // KZ-3.3, KZ-3.5: paid (booked) after the invoice lapsed: held for operations, and nothing is renewed.
        await AdvanceClockToAsync(operations, first.DueAt.AddHours(1));
        var late = BankMessages.NewReference();
        Assert.Equal("held:InvoiceLapsed", await PayAsync(first.InvoiceNumber!, first.Amount!, late));
        var review = await operations.GetFromJsonAsync<JsonElement>("api/ops/review");
        Assert.Contains(review.EnumerateArray(), i => i.GetProperty("subject").GetString() == "halyk:" + late
                                                      && i.GetProperty("reason").GetString() == "InvoiceLapsed");

        // The next reminder (14 days before expiry) comes with a new invoice, payable by the KZ-2.7 deadline at the latest.
        var reminded = await AdvanceClockToAsync(operations, expiry.AddDays(-13));
        var second = Renewal(await RegistrationAsync(operations, registrationId,
            s => Renewal(s).InvoiceNumber is { } number && number != first.InvoiceNumber));
        var payBy = new ZoneDeadlines(ZoneCatalog.LoadEmbedded(), BusinessCalendars.LoadEmbedded()).RenewalTimeline("kz", expiry).PayBy;
        Assert.True(second.DueAt > reminded && second.DueAt <= payBy, $"due {second.DueAt:O}, KZ-2.7 deadline {payBy:O}");
        var reference = BankMessages.NewReference();
        Assert.Equal("applied", await PayAsync(second.InvoiceNumber!, second.Amount!, reference));

        // UA-1.7: renewed from the previous expiry, by one year, at the registry.
        var renewed = await RegistrationAsync(operations, registrationId,
            s => s.GetProperty("phase").GetString() == "Registered" && s.GetProperty("expiresAt").GetDateTimeOffset() > expiry);
        Assert.Equal(expiry.AddYears(1), renewed.GetProperty("expiresAt").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
        var atRegistry = (await product.Registry.GetDomainAsync(name))!.Value;
        Assert.Equal(expiry.AddYears(1), atRegistry.GetProperty("expiresAt").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));

        // The bank delivers the same credit again, then the customer pays the invoice a second time: nothing more is renewed.
        // A bank signs each delivery anew; an identical signed request within the same second is a replay (401), not a retry.
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        Assert.Equal("duplicate", await PayAsync(second.InvoiceNumber!, second.Amount!, reference));
        Assert.Equal("held:InvoiceAlreadyPaid", await PayAsync(second.InvoiceNumber!, second.Amount!));
        await Task.Delay(TimeSpan.FromSeconds(2));
        var history = (await operations.GetFromJsonAsync<JsonElement>($"api/ops/registrations/{registrationId}")).GetProperty("history");
        var paid = Assert.Single(history.EnumerateArray(), h => h.GetProperty("event").GetProperty("type").GetString() == "renewal-paid");
        Assert.Equal("renewal-paid:" + second.InvoiceNumber, paid.GetProperty("eventId").GetString());
        Assert.Equal(1, await product.Registry.CountAsync("domain:renew"));
    }

    private static RenewalFacts Renewal(JsonElement state)
    {
        var renewal = state.GetProperty("renewal");
        var total = renewal.GetProperty("invoiceTotal");
        return new RenewalFacts(
            renewal.GetProperty("invoiceNumber").GetString(),
            total.ValueKind == JsonValueKind.Object ? total.GetProperty("amount").GetString() : null,
            total.ValueKind == JsonValueKind.Object ? total.GetProperty("currency").GetString() : null,
            renewal.GetProperty("invoiceDueAt").ValueKind == JsonValueKind.String ? renewal.GetProperty("invoiceDueAt").GetDateTimeOffset() : default);
    }

    /// <summary>The registration's state once <paramref name="done"/> holds, read through the operations inspection route.</summary>
    private static async Task<JsonElement> RegistrationAsync(HttpClient operations, string registrationId, Func<JsonElement, bool> done)
    {
        var view = await EventuallyAsync(
            async () => await operations.GetAsync($"api/ops/registrations/{registrationId}") is { IsSuccessStatusCode: true } found
                ? (await found.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state")
                : default,
            state => state.ValueKind == JsonValueKind.Object && done(state), Patience);
        return view;
    }

    /// <returns>The host's clock after the move.</returns>
    private static async Task<DateTimeOffset> AdvanceClockToAsync(HttpClient operations, DateTimeOffset target)
    {
        var now = await HostNowAsync(operations);
        if (target > now)
        {
            var by = TimeSpan.FromSeconds(Math.Ceiling((target - now).TotalSeconds));
            var advanced = await operations.PostAsJsonAsync("ops/clock/advance", new { by = by.ToString("c", CultureInfo.InvariantCulture) });
            Assert.True(advanced.IsSuccessStatusCode, await advanced.Content.ReadAsStringAsync());
        }
        return await HostNowAsync(operations);
    }

    private static async Task<DateTimeOffset> HostNowAsync(HttpClient operations) =>
        (await operations.GetFromJsonAsync<JsonElement>("ops/clock")).GetProperty("now").GetDateTimeOffset();

    /// <summary>A camt.054 credit booked now by the host's clock, signed as the bank signs it at that instant.</summary>
    /// <returns>What became of the credit ("applied", "duplicate", "held:{reason}").</returns>
    private async Task<string> PayAsync(string invoiceNumber, string amount, string? reference = null)
    {
        using var operations = product.Operations();
        var hostNow = await HostNowAsync(operations);
        var camt = BankMessages.Camt054Credit(invoiceNumber, amount, "KZT", hostNow.ToOffset(Almaty), reference ?? BankMessages.NewReference());
        var content = new StringContent(camt, Encoding.UTF8, "application/xml");
        content.Headers.Add("X-Signature", BankMessages.Sign(ProductFixture.HalykSecret, camt, signedAt: hostNow));
        using var bank = product.Anonymous();
        var answer = await bank.PostAsync("api/banks/halyk/camt054", content);
        var body = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("payments")[0].GetProperty("result").GetString()!;
    }

    private sealed record RenewalFacts(string? InvoiceNumber, string? Amount, string? Currency, DateTimeOffset DueAt);
}
