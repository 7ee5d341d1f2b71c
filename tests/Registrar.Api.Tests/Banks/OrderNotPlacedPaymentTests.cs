using Registrar.Core.Money;
using Registrar.Core.Orders;
using Registrar.Core.Registrations;
using Registrar.Payments.Matching;
using Registrar.Testing;

namespace Registrar.Api.Tests.Banks;

/// <summary>UA-3.2: an order's invoice numbered and stored by a placing a crash cut short before its order was stored releases
/// nothing when paid, so the money is held for operations, never taken for an invoice nothing follows.</summary>
public sealed class OrderNotPlacedPaymentTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_payment_for_an_invoice_whose_order_was_never_stored_is_held_for_operations_and_the_invoice_stays_open_UA_3_2()
    {
        var bank = new BankHarness(azurite);
        var placed = await bank.OrderAsync(501);
        var orphan = new Invoice(BankHarness.InvoiceNumberFor(502), "O0000000000000502", "cust-b", Money.Of(6000m, Currency.Kzt),
            BankHarness.Issued, BankHarness.Issued.AddDays(3), InvoiceStatus.Open);
        await bank.Invoices.CreateAsync(orphan.Number, orphan.CustomerId, orphan, "Open", default);

        await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("TX-ORPHAN-1", orphan.Number), CamtFiles.Credit("TX-PLACED-1", placed.InvoiceNumber)));

        Assert.Equal((InvoiceStatus.Open, InvoiceStatus.Paid), (await bank.InvoiceStatusAsync(orphan.Number), await bank.InvoiceStatusAsync(placed.InvoiceNumber)));
        var held = (await bank.HeldPayments.GetAsync($"{BankHarness.Bank}:TX-ORPHAN-1", default))!.Document;
        Assert.Equal((nameof(HoldReason.OrderNotPlaced), orphan.Number), (held.Reason, held.InvoiceNumber));
        Assert.Contains(await bank.OpenReviewAsync(), item => item.Subject == $"{BankHarness.Bank}:TX-ORPHAN-1" && item.Reason == nameof(HoldReason.OrderNotPlaced));
        Assert.Equal(placed.OrderId, Assert.Single(bank.Events.Raised.OfType<RegistrationPaid>()).Order.OrderId);
    }
}
