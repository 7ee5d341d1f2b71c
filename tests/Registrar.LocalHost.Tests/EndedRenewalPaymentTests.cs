using System.Net.Http.Json;
using System.Text.Json;
using static Registrar.LocalHost.Tests.TestSupport;

namespace Registrar.LocalHost.Tests;

/// <summary>UA-1.7, UA-3.2 through the running host: the renewal invoice of a domain deleted before it was due stays payable at
/// the bank, and money paying it is held for operations rather than lost in a lifecycle that has finished.</summary>
[Collection(ProductCollection.Name)]
public sealed class EndedRenewalPaymentTests(ProductFixture product)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Paying_the_renewal_invoice_of_a_domain_deleted_meanwhile_holds_the_money_for_operations_and_renews_nothing_UA_1_7_UA_3_2()
    {
        var customer = "end-" + Guid.NewGuid().ToString("N")[..8];
        var name = $"{customer}.kz";
        using var storefront = product.Storefront(customer);
        using var operations = product.Operations();
        var registrationId = await RegisteredDomains.RegisteredAsync(product, storefront, customer, name);
        var asked = await storefront.PostAsync($"api/registrations/{registrationId}/renewal-invoice", null);
        Assert.True((int)asked.StatusCode == 202, await asked.Content.ReadAsStringAsync());
        var invoice = await EventuallyAsync(
            async () => (await storefront.GetFromJsonAsync<JsonElement>("api/invoices")).EnumerateArray().FirstOrDefault(i => i.GetProperty("renewal").ValueKind == JsonValueKind.Object),
            i => i.ValueKind == JsonValueKind.Object, Patience);
        var number = invoice.GetProperty("number").GetString()!;
        await RegisteredDomains.DeletedOnRequestAsync(product, storefront, registrationId, $"{customer}@mail.example.org");

        await RegisteredDomains.PayInvoiceAsync(product, number, invoice.GetProperty("total").GetProperty("amount").GetString()!);

        var held = await EventuallyAsync(
            async () => (await operations.GetFromJsonAsync<JsonElement>("api/ops/payments/held")).EnumerateArray()
                .FirstOrDefault(p => p.GetProperty("invoiceNumber").GetString() == number),
            p => p.ValueKind == JsonValueKind.Object, Patience);
        Assert.Equal("RegistrationEnded", held.GetProperty("reason").GetString());
        var kept = await storefront.GetFromJsonAsync<JsonElement>("api/invoices");
        Assert.Equal("Open", kept.EnumerateArray().Single(i => i.GetProperty("number").GetString() == number).GetProperty("status").GetString());
        Assert.Null(await product.Registry.GetDomainAsync(name));
    }
}
