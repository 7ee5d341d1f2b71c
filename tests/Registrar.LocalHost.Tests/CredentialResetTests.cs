using System.Net.Http.Json;
using System.Text.Json;
using static Registrar.LocalHost.Tests.TestSupport;

namespace Registrar.LocalHost.Tests;

/// <summary>KZ-5.3 through the running host: a customer who lost the control panel's credentials asks for new ones; the
/// request is taken from the contact e-mail only, and a set-password link comes back there (UA-2.1.2).</summary>
[Collection(ProductCollection.Name)]
public sealed class CredentialResetTests(ProductFixture product)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_credential_reset_is_taken_from_the_contact_email_only_and_brings_a_set_password_link_there_that_works_once_KZ_5_3()
    {
        var customer = "pwd-" + Guid.NewGuid().ToString("N")[..8];
        var mailbox = $"{customer}@mail.example.org";
        using var storefront = product.Storefront(customer);
        using var operations = product.Operations();
        var registrationId = await RegisteredDomains.RegisteredAsync(product, storefront, customer, $"{customer}.kz");

        // The credentials may be someone else's now: a signed-in session does not prove the request, nor do papers.
        var made = await storefront.PostAsJsonAsync($"api/registrations/{registrationId}/requests", new { kind = "credential-reset", signedInSession = true });
        Assert.True((int)made.StatusCode == 202, await made.Content.ReadAsStringAsync());
        var request = await made.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("AwaitingProof", request.GetProperty("status").GetString());
        var papers = await AssertProblemAsync(await operations.PostAsJsonAsync($"api/ops/requests/{request.GetProperty("requestId").GetString()}/proof",
            new { proof = "IdentityDocuments", reference = "passport N 0123456" }), 422);
        Assert.Equal("KZ-5.3", papers.GetProperty("rule").GetString());

        var confirmation = await product.Mail.WaitForMailAsync(mailbox, m => m.Text?.Contains("confirmation?token=") == true, Patience);
        Assert.Contains("сброс пароля", confirmation.Text);
        using var browser = product.Anonymous();
        var confirmed = await browser.PostAsync($"api/requests/confirmation?token={confirmation.Text!.Split("confirmation?token=")[1].Split('\n')[0].Trim()}", null);
        Assert.True((int)confirmed.StatusCode == 200, await confirmed.Content.ReadAsStringAsync());

        var reset = await product.Mail.WaitForMailAsync(mailbox, m => m.Subject.Contains("Новый пароль"), Patience);
        var token = reset.Text!.Split("token=")[1].Split('\n')[0].Trim();
        var redeemed = await storefront.PostAsJsonAsync("api/set-password-links/redemption", new { token });
        Assert.True((int)redeemed.StatusCode == 200, await redeemed.Content.ReadAsStringAsync());
        Assert.Equal(customer, (await redeemed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("customerId").GetString());
        await AssertProblemAsync(await storefront.PostAsJsonAsync("api/set-password-links/redemption", new { token }), 409);
    }
}
