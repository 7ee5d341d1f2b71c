using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using static Registrar.LocalHost.Tests.TestSupport;

namespace Registrar.LocalHost.Tests;

/// <summary>A route that names a registration acts only on one that exists and is in a state the action applies to (issue 12: 12, 13).</summary>
[Collection(ProductCollection.Name)]
public sealed class RegistrationRouteTests(ProductFixture product)
{
    public static TheoryData<string> BadIds() => new()
    {
        "O0000000000000000-1", // well-formed, never paid: no lifecycle
        "O1-1%0D%0ALocation:%20http:%2F%2Fevil.example",
        "%D0%BF%D1%80%D0%B8%D0%BC%D0%B5%D1%80-1",
        new string('a', 2_000),
        "O1-1%23x",
    };

    [Theory]
    [MemberData(nameof(BadIds))]
    public async Task An_unknown_or_malformed_registration_id_is_a_404_and_raises_nothing(string id)
    {
        using var operations = product.Operations();
        using var storefront = product.Storefront("routes-" + Guid.NewGuid().ToString("N")[..6]);

        var answers = new[]
        {
            await operations.PostAsJsonAsync($"api/ops/registrations/{id}/trademark", new { approved = true, reason = "Certificate checked." }),
            await operations.PostAsJsonAsync($"api/ops/registrations/{id}/retry", new { reason = "Registry fixed." }),
            await operations.GetAsync($"api/ops/registrations/{id}"),
            await storefront.PostAsJsonAsync($"api/registrations/{id}/choice", new { choice = "Refund" }),
        };

        foreach (var answer in answers)
        {
            await AssertProblemAsync(answer, 404);
            Assert.Null(answer.Headers.Location);
        }
        if (id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')) Assert.False(await InstanceExistsAsync(product.Storage, id));
    }

    [Fact]
    public async Task A_choice_on_a_registration_whose_name_was_not_taken_is_refused_with_409_KZ_2_1()
    {
        var customer = "choice-" + Guid.NewGuid().ToString("N")[..8];
        using var storefront = product.Storefront(customer);
        var unpaid = await PlaceOrderAsync(storefront, customer, $"unpaid-{customer}.kz");
        var paid = await PlaceOrderAsync(storefront, customer, $"paid-{customer}.kz");
        await PayAsync(paid);
        var registrationId = paid.GetProperty("lines")[0].GetProperty("registrationId").GetString()!;
        await EventuallyAsync(() => storefront.GetFromJsonAsync<JsonElement>("api/registrations"),
            r => r.EnumerateArray().Any(v => v.GetProperty("registrationId").GetString() == registrationId));

        var onPaid = await storefront.PostAsJsonAsync($"api/registrations/{registrationId}/choice", new { choice = "Refund" });
        var onUnpaid = await storefront.PostAsJsonAsync(
            $"api/registrations/{unpaid.GetProperty("lines")[0].GetProperty("registrationId").GetString()}/choice", new { choice = "Refund" });
        var onMissingLine = await storefront.PostAsJsonAsync($"api/registrations/{paid.GetProperty("orderId").GetString()}-7/choice", new { choice = "Refund" });

        await AssertProblemAsync(onPaid, 409);
        await AssertProblemAsync(onUnpaid, 404);
        await AssertProblemAsync(onMissingLine, 404);
    }

    private async Task PayAsync(JsonElement order)
    {
        // camt.054 times are whole seconds, and a credit booked before its invoice was issued is held for operations.
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        var invoice = order.GetProperty("invoice");
        var camt = BankMessages.Camt054Credit(invoice.GetProperty("number").GetString()!,
            invoice.GetProperty("total").GetProperty("amount").GetString()!, "KZT", DateTimeOffset.Now, BankMessages.NewReference());
        using var bank = product.Anonymous();
        var content = new StringContent(camt, Encoding.UTF8, "application/xml");
        content.Headers.Add("X-Signature", BankMessages.Sign(ProductFixture.HalykSecret, camt));
        TestSupport.AssertRecorded(await bank.PostAsync("api/banks/halyk/camt054", content));
    }
}
