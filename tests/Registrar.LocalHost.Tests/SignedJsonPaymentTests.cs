using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Registrar.LocalHost.Tests;

/// <summary>The two signed JSON bank formats, end to end: each pays an invoice and the domain is registered.</summary>
[Collection(ProductCollection.Name)]
public sealed class SignedJsonPaymentTests(ProductFixture product)
{
    [Fact]
    public async Task A_timestamped_hmac_json_credit_pays_the_invoice_at_its_booking_time_UA_3_4()
    {
        var (order, name, customer) = await OrderAsync();
        var invoice = order.GetProperty("invoice");
        // Booked when the invoice was issued, a moment ago: a booking before that pays from the issue on.
        var bookedAt = invoice.GetProperty("issuedAt").GetDateTimeOffset();
        var body = JsonSerializer.Serialize(new
        {
            transactionReference = BankMessages.NewReference(),
            amount = invoice.GetProperty("total").GetProperty("amount").GetString(),
            currency = "UAH",
            bookedAt = bookedAt.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
            paymentPurpose = $"Оплата за рахунком {invoice.GetProperty("number").GetString()}",
        });

        using var bank = product.Anonymous();
        var content = new StringContent(body, Encoding.UTF8, "application/json");
        content.Headers.Add("X-Signature", BankMessages.Sign("development-only-privatbank-secret", body));
        var answer = await bank.PostAsync("api/banks/privatbank/notifications", content);

        Assert.True(answer.StatusCode == HttpStatusCode.OK, await answer.Content.ReadAsStringAsync());
        await WaitForDomainAsync(name);
        using var storefront = product.Storefront(customer);
        var paid = await storefront.GetFromJsonAsync<JsonElement>($"api/orders/{order.GetProperty("orderId").GetString()}/invoice");
        Assert.Equal(bookedAt.ToUnixTimeSeconds(), paid.GetProperty("paidAt").GetDateTimeOffset().ToUnixTimeSeconds());
    }

    [Fact]
    public async Task An_ecdsa_signed_acquiring_webhook_pays_the_invoice_and_a_forged_one_is_refused()
    {
        var (order, name, _) = await OrderAsync();
        var invoice = order.GetProperty("invoice");
        var minorUnits = (long)(decimal.Parse(invoice.GetProperty("total").GetProperty("amount").GetString()!, CultureInfo.InvariantCulture) * 100);
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            invoiceId = "p2_" + BankMessages.NewReference(),
            status = "success",
            amount = minorUnits,
            ccy = 980,
            reference = invoice.GetProperty("number").GetString(),
            modifiedDate = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        }));
        using var bank = product.Anonymous();

        using var forger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var forged = await bank.PostAsync("api/banks/monobank/acquiring", Signed(body, forger));
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);

        var genuine = await bank.PostAsync("api/banks/monobank/acquiring", Signed(body, product.AcquirerKey));
        Assert.True(genuine.StatusCode == HttpStatusCode.OK, await genuine.Content.ReadAsStringAsync());
        await WaitForDomainAsync(name);
    }

    private static ByteArrayContent Signed(byte[] body, ECDsa key)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        content.Headers.Add("X-Sign", Convert.ToBase64String(key.SignData(body, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence)));
        return content;
    }

    private async Task<(JsonElement Order, string Name, string Customer)> OrderAsync()
    {
        var customer = "json-" + Guid.NewGuid().ToString("N")[..6];
        var name = "signed-" + Guid.NewGuid().ToString("N")[..8] + ".com.ua";
        using var storefront = product.Storefront(customer);
        var response = await storefront.PostAsJsonAsync("api/orders", new
        {
            items = new[] { new { name, termYears = 1 } },
            contactEmail = $"{customer}@mail.example.org",
            registrant = new
            {
                data = new
                {
                    kind = "LegalEntity", organization = "ТОВ Квітка",
                    address = new { country = "UA", postalCode = "01001", region = "Київ", city = "Київ", street = "Хрещатик", building = "22" },
                    email = $"{customer}@mail.example.org", phone = "+380.441234567",
                },
            },
            acceptance = new { offerVersion = "2025-01", acceptedAt = DateTimeOffset.UtcNow, personalDataConsent = true },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>(), name, customer);
    }

    private async Task WaitForDomainAsync(string name)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await product.Registry.GetDomainAsync(name) is null)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{name} was not registered within 60 s.\n{product.HostOutput[^Math.Min(4000, product.HostOutput.Length)..]}");
            await Task.Delay(250);
        }
    }
}
