using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Registrar.Testing;

namespace Registrar.LocalHost.Tests;

/// <summary>UA-3.2 through the running local host: a credit the reader could not read pays nothing until operations read it,
/// and then pays its invoice once.</summary>
[Collection(ProductCollection.Name)]
public sealed class ReadCreditTests(ProductFixture product)
{
    private const string ReadCreditAction = "read-credit";

    [Fact]
    public async Task A_credit_under_a_status_not_known_registers_the_domain_once_operations_read_it_and_reading_it_again_changes_nothing_UA_3_2()
    {
        var customer = "read-" + Guid.NewGuid().ToString("N")[..8];
        var name = customer + ".kz";
        using var storefront = product.Storefront(customer);
        using var operations = product.Operations();
        var invoice = (await TestSupport.PlaceOrderWithNewContactAsync(storefront, name, $"{customer}@mail.example.org")).GetProperty("invoice");
        var number = invoice.GetProperty("number").GetString()!;
        var total = invoice.GetProperty("total").GetProperty("amount").GetString()!;
        var reference = BankMessages.NewReference();
        var bookedAt = DateTimeOffset.Now.AddMinutes(-1);
        var camt = BankMessages.Camt054Credit(number, total, "KZT", bookedAt, reference).Replace("<Sts><Cd>BOOK</Cd></Sts>", "<Sts><Prtry>ACSC</Prtry></Sts>");

        var answer = await PostCamtAsync(camt);
        Assert.Contains("refused:UnknownStatus", answer);
        var review = await operations.GetFromJsonAsync<JsonElement>("api/ops/review");
        var itemId = review.EnumerateArray().Single(i => i.GetProperty("reason").GetString() == "UnreadableUnknownStatus"
            && i.GetProperty("explanation").GetString()!.Contains(reference)).GetProperty("id").GetString()!;
        var path = $"api/ops/review/{Uri.EscapeDataString(itemId)}/credits";
        var read = new
        {
            bankReference = reference, amount = total, currency = "KZT", bookedAt = bookedAt.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
            paymentPurpose = $"Оплата по счету № {number}", reason = "The bank confirmed the credit booked.",
        };

        await TestSupport.AssertProblemAsync(await operations.PostAsJsonAsync(path, read with { bookedAt = "yesterday" }), 400);
        var first = await operations.PostAsJsonAsync(path, read);
        var result = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(first.StatusCode == HttpStatusCode.OK, result.ToString());
        Assert.Equal(("applied", number), (result.GetProperty("result").GetString(), result.GetProperty("invoiceNumber").GetString()));

        await TestSupport.EventuallyAsync(() => product.Registry.GetDomainAsync(name), d => d is not null, TimeSpan.FromSeconds(60));
        var again = await (await operations.PostAsJsonAsync(path, read)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("duplicate", again.GetProperty("result").GetString());
        Assert.Equal(2, (await TestSupport.AuditAsync(operations, ReadCreditAction)).Count(e => e.GetProperty("subject").GetString() == "halyk:" + reference));
    }

    private async Task<string> PostCamtAsync(string camt)
    {
        using var bank = product.Anonymous();
        var content = new StringContent(camt, Encoding.UTF8, "application/xml");
        content.Headers.Add("X-Signature", BankMessages.Sign(ProductFixture.HalykSecret, camt));
        var receipt = await bank.PostAsync("api/banks/halyk/camt054", content);
        var body = await receipt.Content.ReadAsStringAsync();
        Assert.True(receipt.StatusCode == HttpStatusCode.OK, body);
        return body;
    }
}
