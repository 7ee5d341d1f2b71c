using Microsoft.AspNetCore.Http.HttpResults;
using Registrar.Api.Banks;
using Registrar.Api.Operations;
using Registrar.Core.Orders;
using Registrar.Testing;

namespace Registrar.Api.Tests.Banks;

/// <summary>UA-3.2: a held credit keeps the invoice its purpose names, so operations see which invoice the money was meant for
/// without reading the purpose.</summary>
public sealed class HeldInvoiceNumberTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_credit_booked_in_the_future_is_held_naming_the_invoice_its_purpose_names_and_pays_nothing_UA_3_2()
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(1001);

        var answer = await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("TX-FUTURE-1", order.InvoiceNumber, "<DtTm>2026-11-25T10:30:00+05:00</DtTm>")));

        var outcome = Assert.Single(Assert.IsType<Ok<BankNotificationReceipt>>(answer).Value!.Payments);
        Assert.Equal(("held:BookedInFuture", order.InvoiceNumber), (outcome.Result, outcome.Invoice));
        var held = HeldPaymentView.Of((await bank.HeldPayments.GetAsync(outcome.Reference, default))!.Document);
        Assert.Equal(("BookedInFuture", order.InvoiceNumber), (held.Reason, held.InvoiceNumber));
        Assert.Equal(InvoiceStatus.Open, await bank.InvoiceStatusAsync(order.InvoiceNumber));
    }
}
