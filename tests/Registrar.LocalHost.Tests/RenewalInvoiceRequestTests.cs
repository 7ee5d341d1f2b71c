using System.Net.Http.Json;
using System.Text.Json;
using static Registrar.LocalHost.Tests.TestSupport;

namespace Registrar.LocalHost.Tests;

/// <summary>A product of its own: the test moves the host's clock most of a year ahead.</summary>
[CollectionDefinition(Name)]
public sealed class RenewalInvoiceRequestProductCollection : ICollectionFixture<ProductFixture>
{
    public const string Name = "product for renewal invoice requests";
}

/// <summary>KZ-2.7: a renewal invoice the customer asks for in advance, through the running local host: issued by the
/// registration, mailed to the contact e-mail and listed, answered with the open invoice when asked again, refused once the
/// renewal can no longer be paid.</summary>
[Collection(RenewalInvoiceRequestProductCollection.Name)]
public sealed class RenewalInvoiceRequestTests(ProductFixture product)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Renewal_invoice_is_issued_on_request_before_its_schedule_once_and_refused_past_the_deadline_KZ_2_7()
    {
        var customer = "ask-" + Guid.NewGuid().ToString("N")[..6];
        var hosted = new HostedRegistrations(product);
        var (registrationId, _, name) = await hosted.PaidAsync(customer, "kz");
        await hosted.RegisteredAsync(customer, registrationId);
        using var storefront = product.Storefront(customer);
        var ask = $"api/registrations/{registrationId}/renewal-invoice";

        // Asked for most of a year before its first reminder, the invoice is issued now and mailed to the contact e-mail.
        var asked = await storefront.PostAsync(ask, null);
        Assert.True((int)asked.StatusCode == 202, await asked.Content.ReadAsStringAsync());
        Assert.Equal("/api/invoices", asked.Headers.Location?.OriginalString);
        var issued = Assert.Single(await EventuallyAsync(() => RenewalInvoicesAsync(storefront, registrationId), l => l.Count > 0, Patience));
        Assert.Equal(("Open", "Renew", "KZT"), (issued.GetProperty("status").GetString(),
            issued.GetProperty("renewal").GetProperty("operation").GetString(), issued.GetProperty("total").GetProperty("currency").GetString()));
        var number = issued.GetProperty("number").GetString()!;
        var mail = await product.Mail.WaitForMailAsync($"{customer}@mail.example.org", m => m.Subject.Contains(number), Patience);
        Assert.Contains(name, mail.Subject);

        // A repeat is answered with the open invoice, never a second one.
        var again = await storefront.PostAsync(ask, null);
        Assert.True((int)again.StatusCode == 200, await again.Content.ReadAsStringAsync());
        Assert.Equal(number, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString());
        Assert.Single(await RenewalInvoicesAsync(storefront, registrationId));

        // Past the deadline the renewal can no longer be paid, so none is invoiced: a problem naming the rule.
        var expiry = (await EventuallyAsync(() => storefront.GetFromJsonAsync<JsonElement>("api/registrations"),
            l => l.EnumerateArray().Any(r => r.GetProperty("registrationId").GetString() == registrationId), Patience))
            .EnumerateArray().Single(r => r.GetProperty("registrationId").GetString() == registrationId).GetProperty("expiresAt").GetDateTimeOffset();
        await hosted.AdvanceClockPastAsync(expiry.AddDays(-1));
        var late = await AssertProblemAsync(await storefront.PostAsync(ask, null), 409);
        Assert.Equal("KZ-2.7", late.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Another_customers_registration_takes_no_renewal_invoice_request()
    {
        var owner = "own-" + Guid.NewGuid().ToString("N")[..6];
        var hosted = new HostedRegistrations(product);
        var (registrationId, _, _) = await hosted.PaidAsync(owner, "kz");
        using var stranger = product.Storefront("other-" + owner);

        await AssertProblemAsync(await stranger.PostAsync($"api/registrations/{registrationId}/renewal-invoice", null), 404);
    }
}
