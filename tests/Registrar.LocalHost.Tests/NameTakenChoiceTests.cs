using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Registrar.Testing;

namespace Registrar.LocalHost.Tests;

/// <summary>KZ-2.1 through the running local host: the loser of a race for a name chooses another one, and the money it
/// paid is held once, for operations to apply to the new order's invoice through the audited held-payment flow.</summary>
[Collection(ProductCollection.Name)]
public sealed class NameTakenChoiceTests(ProductFixture product)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_customer_who_chooses_another_name_has_the_paid_money_held_for_the_new_order_KZ_2_1()
    {
        var (lost, loser, email, winner, winnerRegistrationId) = await TakenNameAsync();
        using var winnerStorefront = product.Storefront(winner);
        using var storefront = product.Storefront(loser);
        using var operations = product.Operations();
        var registrationId = RegistrationOf(lost);

        // A registration whose name was not taken has nothing to choose: refused, and nothing is held.
        await TestSupport.AssertProblemAsync(await ChooseAsync(winnerStorefront, winnerRegistrationId), 409);

        var chosen = await ChooseAsync(storefront, registrationId);
        Assert.Equal(HttpStatusCode.Accepted, chosen.StatusCode);
        var answer = await chosen.Content.ReadFromJsonAsync<JsonElement>();
        var reference = answer.GetProperty("heldPayment").GetString()!;
        Assert.Equal("name-taken:" + registrationId, reference);
        Assert.Contains("api/orders", answer.GetProperty("next").GetString());
        // A retried choice, while the view may still say NameTaken, holds nothing more.
        Assert.Contains((await ChooseAsync(storefront, registrationId)).StatusCode, new[] { HttpStatusCode.Accepted, HttpStatusCode.Conflict });

        var paid = lost.GetProperty("invoice").GetProperty("total").GetProperty("amount").GetString()!;
        var held = await Eventually(() => HeldAsync(operations), h => h.Any(p => p.GetProperty("reference").GetString() == reference));
        var payment = Assert.Single(held, p => p.GetProperty("reference").GetString() == reference);
        Assert.Equal(decimal.Parse(paid, CultureInfo.InvariantCulture), decimal.Parse(payment.GetProperty("amount").GetString()!, CultureInfo.InvariantCulture));
        Assert.Equal("NameTaken", payment.GetProperty("reason").GetString());
        Assert.DoesNotContain(held, p => p.GetProperty("reference").GetString() == "name-taken:" + winnerRegistrationId);
        await Eventually(() => storefront.GetFromJsonAsync<JsonElement>("api/registrations"), r => PhaseOf(r, registrationId) == "Closed");
        await TestSupport.AssertProblemAsync(await ChooseAsync(storefront, registrationId), 409);

        // The money is refunded, if at all, as the held payment: a refund decision for the registration would pay it twice.
        var refund = await TestSupport.AssertProblemAsync(await operations.PostAsJsonAsync($"api/ops/registrations/{registrationId}/refunds",
            new { ground = "RegistrantRequest", amount = paid, reason = "KZ-2.1" }), 409);
        Assert.Equal("KZ-2.1", refund.GetProperty("rule").GetString());

        var otherName = "other-" + Guid.NewGuid().ToString("N")[..8] + ".kz";
        var newInvoice = (await TestSupport.PlaceOrderWithNewContactAsync(storefront, otherName, email)).GetProperty("invoice").GetProperty("number").GetString()!;
        var applied = await operations.PostAsJsonAsync(HeldPath(reference, "apply"), new { invoiceNumber = newInvoice, reason = "KZ-2.1: the customer's new name." });
        var result = await applied.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(applied.StatusCode == HttpStatusCode.OK, result.ToString());
        Assert.Equal("Paid", result.GetProperty("invoiceStatus").GetString());
        await Eventually(() => product.Registry.GetDomainAsync(otherName), d => d is not null);
        Assert.DoesNotContain(await HeldAsync(operations), p => p.GetProperty("reference").GetString() == reference);
        await TestSupport.AssertProblemAsync(await operations.PostAsJsonAsync(HeldPath(reference, "apply"), new { invoiceNumber = newInvoice, reason = "Twice." }), 409);
    }

    [Fact]
    public async Task Once_all_that_was_paid_is_refunded_another_name_is_refused_as_nothing_would_be_held_for_it_KZ_2_1()
    {
        var (lost, loser, _, _, _) = await TakenNameAsync();
        var registrationId = RegistrationOf(lost);
        using var storefront = product.Storefront(loser);
        using var operations = product.Operations();
        var paid = lost.GetProperty("invoice").GetProperty("total").GetProperty("amount").GetString()!;
        var refunded = await operations.PostAsJsonAsync($"api/ops/registrations/{registrationId}/refunds",
            new { ground = "RegistrantRequest", amount = paid, reason = "the customer asked for the money back" });
        Assert.Equal(HttpStatusCode.Created, refunded.StatusCode);

        var refused = await TestSupport.AssertProblemAsync(await ChooseAsync(storefront, registrationId), 409);

        Assert.Equal("KZ-2.1", refused.GetProperty("rule").GetString());
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(await HeldAsync(operations), p => p.GetProperty("reference").GetString() == "name-taken:" + registrationId);
    }

    /// <summary>Two customers order one name and pay; the second's registration finds it taken.</summary>
    private async Task<(JsonElement Lost, string Loser, string Email, string Winner, string WinnerRegistrationId)> TakenNameAsync()
    {
        var (winner, loser) = ("win-" + Guid.NewGuid().ToString("N")[..8], "lose-" + Guid.NewGuid().ToString("N")[..8]);
        var name = "race-" + Guid.NewGuid().ToString("N")[..8] + ".kz";
        var email = $"{loser}@mail.example.org";
        using var winnerStorefront = product.Storefront(winner);
        using var storefront = product.Storefront(loser);
        var won = await TestSupport.PlaceOrderWithNewContactAsync(winnerStorefront, name, $"{winner}@mail.example.org");
        var lost = await TestSupport.PlaceOrderWithNewContactAsync(storefront, name, email);
        await TestSupport.PayWithCamt054Async(product, won.GetProperty("invoice"));
        await Eventually(() => product.Registry.GetDomainAsync(name), d => d is not null);
        await TestSupport.PayWithCamt054Async(product, lost.GetProperty("invoice"));
        var (registrationId, winnerRegistrationId) = (RegistrationOf(lost), RegistrationOf(won));
        await Eventually(() => storefront.GetFromJsonAsync<JsonElement>("api/registrations"), r => PhaseOf(r, registrationId) == "NameTaken");
        await Eventually(() => winnerStorefront.GetFromJsonAsync<JsonElement>("api/registrations"), r => PhaseOf(r, winnerRegistrationId) == "Registered");
        return (lost, loser, email, winner, winnerRegistrationId);
    }

    private static Task<HttpResponseMessage> ChooseAsync(HttpClient storefront, string registrationId) =>
        storefront.PostAsJsonAsync($"api/registrations/{registrationId}/choice", new { choice = "AnotherName" });

    private static string RegistrationOf(JsonElement order) => order.GetProperty("lines")[0].GetProperty("registrationId").GetString()!;

    private static string? PhaseOf(JsonElement registrations, string registrationId) =>
        registrations.EnumerateArray().Where(v => v.GetProperty("registrationId").GetString() == registrationId)
            .Select(v => v.GetProperty("phase").GetString()).FirstOrDefault();

    private static string HeldPath(string reference, string action) => $"api/ops/payments/held/{Uri.EscapeDataString(reference)}/{action}";

    private static async Task<List<JsonElement>> HeldAsync(HttpClient operations) =>
        [.. (await operations.GetFromJsonAsync<JsonElement>("api/ops/payments/held")).EnumerateArray()];

    private Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> done) => TestSupport.EventuallyAsync(read, done, Patience);
}
