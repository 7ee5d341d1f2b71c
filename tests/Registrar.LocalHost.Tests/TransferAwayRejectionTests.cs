using System.Net.Http.Json;
using System.Text.Json;
using Registrar.Epp.Commands;
using static Registrar.LocalHost.Tests.TestSupport;

namespace Registrar.LocalHost.Tests;

/// <summary>KZ-App-9, UA-3.5 through the running host: another registrar asks the registry for a domain whose renewal invoice for
/// the next term is open. That invoice is a prepayment for a term not yet begun (KZ-3.2), not a debt, so the host leaves the
/// pending transfer alone and the registry approves it after its period; the registration then ends here.</summary>
[Collection(ProductCollection.Name)]
public sealed class TransferAwayRejectionTests(ProductFixture product)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_transfer_away_asked_while_a_renewal_invoice_for_the_next_term_is_open_is_not_rejected_KZ_App_9()
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
        try
        {
            await product.Registry.AdvanceClockAsync(TimeSpan.FromDays(5) + TimeSpan.FromMinutes(1));
            Assert.Equal(RegistrySimulatorFixture.Registrar2, (await product.Registry.GetDomainAsync(name))!.Value.GetProperty("sponsor").GetString());
            await EventuallyAsync(() => storefront.GetFromJsonAsync<JsonElement>("api/registrations"),
                l => l.EnumerateArray().Any(r => r.GetProperty("registrationId").GetString() == registrationId
                    && r.GetProperty("phase").GetString() == "TransferredAway"), Patience);
        }
        finally
        {
            await product.Registry.SetClockAsync(DateTimeOffset.UtcNow);
        }
        Assert.DoesNotContain(await product.Mail.GetMessagesAsync(), m => m.IsTo($"{customer}@mail.example.org") && m.Subject.Contains("отклонён"));
    }
}
