using System.Net.Http.Json;
using System.Text.Json;
using Registrar.Epp.Commands;
using static Registrar.LocalHost.Tests.TestSupport;

namespace Registrar.LocalHost.Tests;

/// <summary>KZ-App-9, UA-3.5 through the running host: another registrar asks the registry for a domain whose renewal invoice is unpaid;
/// the host reads the poll message back, rejects the pending transfer and tells the customer why, and the domain stays here
/// past the registry's auto-approval.</summary>
[Collection(ProductCollection.Name)]
public sealed class TransferAwayRejectionTests(ProductFixture product)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_transfer_away_asked_while_the_renewal_invoice_is_unpaid_is_rejected_at_the_registry_and_the_customer_told_why_KZ_App_9()
    {
        var customer = "rjx-" + Guid.NewGuid().ToString("N")[..8];
        var name = $"{customer}.kz";
        using var storefront = product.Storefront(customer);
        var registrationId = await RegisteredDomains.RegisteredAsync(product, storefront, customer, name);
        Assert.Equal(202, (int)(await storefront.PostAsync($"api/registrations/{registrationId}/renewal-invoice", null)).StatusCode);
        await EventuallyAsync(() => storefront.GetFromJsonAsync<JsonElement>("api/invoices"),
            l => l.EnumerateArray().Any(i => i.GetProperty("renewal").ValueKind == JsonValueKind.Object), Patience);
        // The code the registrant had before the invoice was issued, read here from the simulator.
        var code = (await product.Registry.GetDomainAsync(name))!.Value.GetProperty("authInfo").GetString()!;

        await using var gaining = OtherRegistrar.Connect(product);
        Assert.True((await gaining.ExecuteAsync(new DomainTransferCommand(name, TransferOperation.Request, code))).IsPending);

        var told = await product.Mail.WaitForMailAsync($"{customer}@mail.example.org", m => m.Subject.Contains("отклонён"), Patience);
        Assert.Contains(name, told.Subject);
        Assert.Contains("KZ-App-9", told.Text);
        await EventuallyAsync(() => product.Registry.GetStatusesAsync(name), s => !s.Contains("pendingTransfer"), Patience);
        try
        {
            await product.Registry.AdvanceClockAsync(TimeSpan.FromDays(5) + TimeSpan.FromMinutes(1));
            Assert.Equal(RegistrySimulatorFixture.Registrar1, (await product.Registry.GetDomainAsync(name))!.Value.GetProperty("sponsor").GetString());
        }
        finally
        {
            await product.Registry.SetClockAsync(DateTimeOffset.UtcNow);
        }
    }
}
