using System.Net.Http.Json;
using System.Text.Json;
using static Registrar.LocalHost.Tests.TestSupport;

namespace Registrar.LocalHost.Tests;

/// <summary>A registrant change through the running host (UA-1.5.8, KZ-2.4, KZ-2.5): proved from the contact e-mail, since a
/// session alone does not prove it; invoiced as a new registration; paid through the bank; then the new registrant is at
/// the registry with the expiry it had, and the customer is told; a second change meanwhile is refused to the customer.</summary>
[Collection(ProductCollection.Name)]
public sealed class RegistrantChangeTests(ProductFixture product)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_registrant_change_is_confirmed_by_mail_invoiced_as_a_registration_and_once_paid_keeps_the_expiry_UA_1_5_8_KZ_2_4_KZ_2_5()
    {
        var customer = "own-" + Guid.NewGuid().ToString("N")[..8];
        var name = $"{customer}.kz";
        var mailbox = $"{customer}@mail.example.org";
        using var storefront = product.Storefront(customer);
        var registrationId = await RegisteredDomains.RegisteredAsync(product, storefront, customer, name);
        var requests = $"api/registrations/{registrationId}/requests";
        var before = (await product.Registry.GetDomainAsync(name))!.Value;
        var newOwner = new
        {
            kind = "NaturalPerson", fullName = "Петров Пётр Петрович",
            address = new { country = "KZ", postalCode = "010000", region = "Астана", city = "Астана", street = "ул. Кенесары", building = "5" },
            email = $"{customer}-new@mail.example.org", phone = "+7.7172123456",
        };

        await AssertProblemAsync(await storefront.PostAsJsonAsync(requests, new { kind = "registrant-change", registrant = newOwner with { fullName = " " } }), 400);
        // UA-1.5.8: the storefront's session is not proof enough: the link goes to the contact e-mail.
        var made = await storefront.PostAsJsonAsync(requests, new { kind = "registrant-change", signedInSession = true, registrant = newOwner });
        Assert.True((int)made.StatusCode == 202, await made.Content.ReadAsStringAsync());
        Assert.Equal("AwaitingProof", (await made.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var link = await product.Mail.WaitForMailAsync(mailbox, m => m.Text?.Contains("confirmation?token=") == true, Patience);
        using var browser = product.Anonymous();
        var token = link.Text!.Split("confirmation?token=")[1].Split('\n')[0].Trim();
        Assert.Equal(200, (int)(await browser.PostAsync($"api/requests/confirmation?token={token}", null)).StatusCode);

        // KZ-2.4: invoiced at the registration's price; the registry is not asked before it is paid.
        var invoiceMail = await product.Mail.WaitForMailAsync(mailbox, m => m.Subject.Contains("смену владельца"), Patience);
        var invoices = await storefront.GetFromJsonAsync<JsonElement>("api/invoices");
        var invoice = invoices.EnumerateArray().Single(i => i.TryGetProperty("renewal", out var r) && r.ValueKind == JsonValueKind.Object
            && r.GetProperty("operation").GetString() == "RegistrantChange");
        var number = invoice.GetProperty("number").GetString()!;
        var amount = invoice.GetProperty("total").GetProperty("amount").GetString()!;
        var order = invoices.EnumerateArray().Single(i => i.GetProperty("number").GetString() != number);
        Assert.Equal(order.GetProperty("total").GetProperty("amount").GetString(), amount);
        Assert.Contains(number, invoiceMail.Text);
        // KZ-2.4, UA-1.5.8: a second change while that invoice may be paid is not carried out, and the customer is told why.
        var second = await storefront.PostAsJsonAsync(requests, new { kind = "registrant-change", registrant = newOwner with { fullName = "Сидоров Сидор" } });
        Assert.True((int)second.StatusCode == 202, await second.Content.ReadAsStringAsync());
        var refused = await product.Mail.WaitForMailAsync(mailbox, m => m.Subject.Contains("не выполнен"), Patience);
        Assert.Contains(number, refused.Text);
        Assert.Equal(before.GetProperty("registrant").GetString(), (await product.Registry.GetDomainAsync(name))!.Value.GetProperty("registrant").GetString());

        await RegisteredDomains.PayInvoiceAsync(product, number, amount);

        // KZ-2.5: the new registrant at the registry, the expiry as it was.
        var after = await EventuallyAsync(() => product.Registry.GetDomainAsync(name),
            d => d!.Value.GetProperty("registrant").GetString() != before.GetProperty("registrant").GetString(), Patience);
        Assert.Equal(before.GetProperty("expiresAt").GetDateTimeOffset(), after!.Value.GetProperty("expiresAt").GetDateTimeOffset());
        var told = await product.Mail.WaitForMailAsync(mailbox, m => m.Subject.Contains("изменён") && m.Subject.Contains("Владелец"), Patience);
        Assert.Contains(name, told.Subject);
    }
}
