using Microsoft.AspNetCore.Http.HttpResults;
using Registrar.Api.Banks;
using Registrar.Api.Operations;
using Registrar.Core.Orders;
using Registrar.Testing;

namespace Registrar.Api.Tests.Banks;

/// <summary>A reversal (ISO 20022 <c>RvslInd</c>) is money the bank took back: operations are told what it touched, and a held
/// credit is reversed only when the bank took back all of it (UA-3.2, KZ-3.2).</summary>
public sealed class ReversalTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_reversal_of_a_credit_operations_applied_by_hand_names_the_invoice_it_paid_and_its_registration_UA_3_2()
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(601);
        await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("PAR-A", "", purpose: "Оплата за домен")));
        await bank.ApplyFlow().ApplyAsync("halyk:PAR-A", new ApplyHeldPayment(order.InvoiceNumber, "The payer forgot the number."), "ops-desk", default);

        var reversal = Assert.Single(Receipt(await bank.PostCamtAsync(CamtFiles.Utf8(
            CamtFiles.Credit("PAR-A", "", purpose: "rev", direction: "DBIT", reversal: true)))).Payments);

        Assert.Equal(("held:" + ReversalReporter.ReversedPaidInvoice, order.InvoiceNumber), (reversal.Result, reversal.Invoice));
        var item = Assert.Single(await bank.OpenReviewAsync(), i => i.Reason == ReversalReporter.ReversedPaidInvoice);
        Assert.Contains($"{order.OrderId}-1", item.Explanation);
    }

    [Fact]
    public async Task A_reversal_of_part_of_a_held_credit_leaves_it_held_for_operations_to_settle_UA_3_2()
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(611);
        await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("PART-1", order.InvoiceNumber, amount: "5999.99")));

        var reversal = Assert.Single(Receipt(await bank.PostCamtAsync(CamtFiles.Utf8(
            CamtFiles.Credit("PART-1", order.InvoiceNumber, amount: "100.00", direction: "DBIT", reversal: true)))).Payments);

        Assert.Equal("held:" + ReversalReporter.ReversedPartOfHeldCredit, reversal.Result);
        Assert.True((await bank.HeldPayments.GetAsync("halyk:PART-1", default))!.Document.IsHeld);
        Assert.Equal(InvoiceStatus.Open, await bank.InvoiceStatusAsync(order.InvoiceNumber));
    }

    [Fact]
    public async Task A_reversal_of_all_of_a_held_credit_reverses_it_UA_3_2()
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(621);
        await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("PART-2", order.InvoiceNumber, amount: "5999.99")));

        var reversal = Assert.Single(Receipt(await bank.PostCamtAsync(CamtFiles.Utf8(
            CamtFiles.Credit("PART-2", order.InvoiceNumber, amount: "5999.99", direction: "DBIT", reversal: true)))).Payments);

        Assert.Equal("held:" + ReversalReporter.ReversedHeldCredit, reversal.Result);
        Assert.False((await bank.HeldPayments.GetAsync("halyk:PART-2", default))!.Document.IsHeld);
    }

    private static BankNotificationReceipt Receipt(Microsoft.AspNetCore.Http.IResult result) => Assert.IsType<Ok<BankNotificationReceipt>>(result).Value!;
}
