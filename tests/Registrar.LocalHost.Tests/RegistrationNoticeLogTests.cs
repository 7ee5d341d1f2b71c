using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using static Registrar.LocalHost.Tests.TestSupport;

namespace Registrar.LocalHost.Tests;

/// <summary>The notices a registration sent, for operations (KZ-2.6: each warning sent once and logged), and the
/// customer's language carried from the order to the mail.</summary>
[Collection(ProductCollection.Name)]
public sealed class RegistrationNoticeLogTests(ProductFixture product)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_registrations_notices_are_listed_with_their_kind_a_masked_address_and_when_they_were_sent_KZ_2_6_UA_2_1_2()
    {
        var customer = "log-" + Guid.NewGuid().ToString("N")[..8];
        using var storefront = product.Storefront(customer);
        var order = await PlaceAsync(storefront, customer, $"log-{customer}.kz", language: null);
        var registrationId = order.GetProperty("lines")[0].GetProperty("registrationId").GetString()!;
        await PayAsync(order);
        using var operations = product.Operations();

        // A 404 until the paid registration has started.
        var log = await EventuallyAsync(() => ReadLogAsync(operations, registrationId),
            l => l.ValueKind == JsonValueKind.Array && l.EnumerateArray().Any(n =>
                n.GetProperty("kind").GetString() == "Registered" && n.GetProperty("sentAt").ValueKind == JsonValueKind.String),
            Patience);

        var welcome = Assert.Single(log.EnumerateArray(), n => n.GetProperty("kind").GetString() == "Registered");
        Assert.StartsWith(registrationId + "-", welcome.GetProperty("noticeId").GetString());
        Assert.Equal("l***@m***.org", welcome.GetProperty("to").GetString());
        Assert.True(welcome.GetProperty("claimedAt").GetDateTimeOffset() <= welcome.GetProperty("sentAt").GetDateTimeOffset());
        Assert.DoesNotContain("mail.example.org", log.GetRawText());
        var mail = await product.Mail.WaitForMailAsync($"{customer}@mail.example.org", m => m.Text?.Contains("set-password?token=") == true, Patience);
        // The mail logged is the mail received: its Message-Id is derived from the notice id.
        Assert.Contains($"{welcome.GetProperty("noticeId").GetString()}@", mail.MessageId);
    }

    [Theory]
    [InlineData("en", "Your domain", "The link is valid until")]
    [InlineData("kk", "домені тіркелді", "Сілтеме")]
    public async Task The_welcome_mail_is_in_the_language_the_order_asked_for(string language, string subject, string text)
    {
        var customer = $"lang-{language}-" + Guid.NewGuid().ToString("N")[..6];
        using var storefront = product.Storefront(customer);
        await PayAsync(await PlaceAsync(storefront, customer, $"lang-{customer}.kz", language));

        var mail = await product.Mail.WaitForMailAsync($"{customer}@mail.example.org", m => m.Text?.Contains("set-password?token=") == true, Patience);

        Assert.Contains(subject, mail.Subject);
        Assert.Contains(text, mail.Text);
    }

    [Theory]
    [InlineData("de")]
    [InlineData("RU")]
    [InlineData("")]
    public async Task An_order_in_a_language_without_notice_templates_is_refused_naming_the_field(string language)
    {
        var customer = "badlang-" + Guid.NewGuid().ToString("N")[..6];
        using var storefront = product.Storefront(customer);
        var before = await CountRowsAsync(product.Storage);

        var response = await storefront.PostAsJsonAsync("api/orders", RegisteredDomains.Body(customer, $"badlang-{customer}.kz", language));

        var problem = await AssertProblemAsync(response, 400);
        Assert.Contains("\"ru\", \"uk\", \"kk\", \"en\"", problem.GetProperty("errors").GetProperty("language")[0].GetString());
        Assert.Equal(before["orders"], (await CountRowsAsync(product.Storage))["orders"]);
    }

    [Theory]
    [InlineData("O0000000000000000-1")]
    [InlineData("O1-1%0D%0ALocation:%20http:%2F%2Fevil.example")]
    [InlineData("%D0%BF%D1%80%D0%B8%D0%BC%D0%B5%D1%80-1")]
    public async Task The_notice_log_of_an_unknown_or_malformed_registration_is_a_404_problem(string id)
    {
        using var operations = product.Operations();

        await AssertProblemAsync(await operations.GetAsync($"api/ops/registrations/{id}/notices"), 404);
    }

    [Fact]
    public async Task The_notice_log_is_for_operations_only()
    {
        using var storefront = product.Storefront("not-operations");
        using var anonymous = product.Anonymous();

        await AssertProblemAsync(await storefront.GetAsync("api/ops/registrations/O0000000000000000-1/notices"), 403);
        await AssertProblemAsync(await anonymous.GetAsync("api/ops/registrations/O0000000000000000-1/notices"), 401);
    }

    private static async Task<JsonElement> ReadLogAsync(HttpClient operations, string registrationId)
    {
        var response = await operations.GetAsync($"api/ops/registrations/{registrationId}/notices");
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
    }

    private static async Task<JsonElement> PlaceAsync(HttpClient storefront, string customer, string name, string? language)
    {
        var response = await storefront.PostAsJsonAsync("api/orders", RegisteredDomains.Body(customer, name, language));
        Assert.True((int)response.StatusCode == 201, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
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
