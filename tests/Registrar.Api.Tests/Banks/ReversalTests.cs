using Microsoft.AspNetCore.Http.HttpResults;
using Registrar.Api.Banks;
using Registrar.Api.Operations;
using Registrar.Core.Operations;
using Registrar.Core.Orders;
using Registrar.Payments.Matching;
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
    public async Task A_held_credit_the_bank_partly_reversed_counts_only_for_what_the_bank_left_KZ_3_2_UA_3_2()
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(612);
        await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("PART-3", "", purpose: "за домен, счет потерял")));
        var reversalFile = CamtFiles.Utf8(CamtFiles.Credit("PART-3", "", amount: "1000.00", direction: "DBIT", reversal: true));
        await bank.PostCamtAsync(reversalFile);
        bank.Clock.Advance(TimeSpan.FromSeconds(1));
        await bank.PostCamtAsync(reversalFile);

        var held = (await bank.HeldPayments.GetAsync("halyk:PART-3", default))!.Document;
        Assert.Equal(5000m, held.Credit.Amount);
        Assert.Equal(("5000.00", "1000.00"), (HeldPaymentView.Of(held).Amount, Assert.Single(HeldPaymentView.Of(held).PartsReversed!).Amount));
        var applied = await bank.ApplyFlow().ApplyAsync("halyk:PART-3", new ApplyHeldPayment(order.InvoiceNumber, "The payer forgot the number."), "ops-desk", default);
        Assert.Equal("1000.00 KZT", Assert.IsType<Ok<HeldPaymentActionResult>>(applied).Value!.Outstanding!.ToString());
        Assert.Equal(InvoiceStatus.Open, await bank.InvoiceStatusAsync(order.InvoiceNumber));
    }

    [Fact]
    public async Task A_reversal_of_a_credit_applied_toward_an_invoice_not_paid_yet_takes_from_what_counts_toward_it_KZ_3_2_UA_3_2()
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(615);
        await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("PART-8", "", purpose: "за домен", amount: "4000.00")));
        await bank.ApplyFlow().ApplyAsync("halyk:PART-8", new ApplyHeldPayment(order.InvoiceNumber, "part of the order"), "ops-desk", default);

        var part = Assert.Single(Receipt(await bank.PostCamtAsync(CamtFiles.Utf8(
            CamtFiles.Credit("PART-8", "", amount: "1000.00", direction: "DBIT", reversal: true)))).Payments);
        await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("TOPUP-8", "", purpose: "доплата", amount: "2000.00")));
        var topUp = await bank.ApplyFlow().ApplyAsync("halyk:TOPUP-8", new ApplyHeldPayment(order.InvoiceNumber, "the rest"), "ops-desk", default);

        Assert.Equal("held:" + ReversalReporter.ReversedPartOfHeldCredit, part.Result);
        Assert.Equal("1000.00 KZT", Assert.IsType<Ok<HeldPaymentActionResult>>(topUp).Value!.Outstanding!.ToString());
        Assert.Equal(InvoiceStatus.Open, await bank.InvoiceStatusAsync(order.InvoiceNumber));
        Assert.Empty(bank.Events.Raised);
    }

    [Fact]
    public async Task A_whole_reversal_of_a_credit_applied_toward_an_invoice_not_paid_yet_counts_toward_it_no_more_UA_3_2()
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(616);
        await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("PART-9", "", purpose: "за домен", amount: "4000.00")));
        await bank.ApplyFlow().ApplyAsync("halyk:PART-9", new ApplyHeldPayment(order.InvoiceNumber, "part of the order"), "ops-desk", default);

        var whole = Assert.Single(Receipt(await bank.PostCamtAsync(CamtFiles.Utf8(
            CamtFiles.Credit("PART-9", "", amount: "4000.00", direction: "DBIT", reversal: true)))).Payments);

        Assert.Equal("held:" + ReversalReporter.ReversedHeldCredit, whole.Result);
        var reversed = (await bank.HeldPayments.GetAsync("halyk:PART-9", default))!.Document;
        Assert.Equal((HeldPaymentAction.Reversed, null, order.InvoiceNumber), (reversed.Resolution!.Action, reversed.CountsToward, reversed.Resolution.InvoiceNumber));
        Assert.Contains(order.InvoiceNumber, Assert.Single(await bank.OpenReviewAsync(), i => i.Reason == ReversalReporter.ReversedHeldCredit).Explanation);
    }

    [Fact]
    public async Task A_held_credit_the_bank_partly_reversed_is_refunded_for_what_the_bank_left_UA_3_2()
    {
        var bank = new BankHarness(azurite);
        await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("PART-4", "", purpose: "за домен")));
        await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("PART-4", "", amount: "2000.00", direction: "DBIT", reversal: true)));
        var refunds = new RefundHeldPaymentFlow(bank.HeldPayments, bank.Invoices, bank.Journal, bank.Clock);

        var whole = await refunds.RefundAsync("halyk:PART-4", new RefundHeldPayment("6000.00", "KZT", "OUT-4", "back"), 6000m, "ops-desk", default);
        var left = await refunds.RefundAsync("halyk:PART-4", new RefundHeldPayment("4000.00", "KZT", "OUT-4", "back"), 4000m, "ops-desk", default);

        Assert.IsNotType<Ok<HeldPaymentActionResult>>(whole);
        Assert.IsType<Ok<HeldPaymentActionResult>>(left);
    }

    [Fact]
    public async Task A_reversal_of_what_earlier_reversals_left_of_a_held_credit_reverses_it_UA_3_2()
    {
        var bank = new BankHarness(azurite);
        await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("PART-7", "", purpose: "за домен")));
        await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("PART-7", "", amount: "1000.00", direction: "DBIT", reversal: true)));

        var rest = Assert.Single(Receipt(await bank.PostCamtAsync(CamtFiles.Utf8(
            CamtFiles.Credit("PART-7", "", amount: "5000.00", direction: "DBIT", reversal: true, booking: "<DtTm>2026-11-24T10:35:00+05:00</DtTm>")))).Payments);

        Assert.Equal("held:" + ReversalReporter.ReversedHeldCredit, rest.Result);
        Assert.False((await bank.HeldPayments.GetAsync("halyk:PART-7", default))!.Document.IsHeld);
    }

    [Fact]
    public async Task A_credit_and_the_reversal_of_part_of_it_in_one_file_pay_nothing_and_what_is_left_is_held_KZ_3_2_UA_3_2()
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(613);

        var receipt = Receipt(await bank.PostCamtAsync(CamtFiles.Utf8(
            CamtFiles.Credit("PART-5", order.InvoiceNumber),
            CamtFiles.Credit("PART-5", order.InvoiceNumber, amount: "0.01", direction: "DBIT", reversal: true))));

        Assert.Contains(receipt.Payments, p => p.Result == "held:" + nameof(HoldReason.PartlyReversedBeforeApplied));
        Assert.Contains(receipt.Payments, p => p.Result == "held:" + ReversalReporter.ReversedPartOfHeldCredit);
        Assert.Equal(InvoiceStatus.Open, await bank.InvoiceStatusAsync(order.InvoiceNumber));
        Assert.Empty(bank.Events.Raised);
        var held = (await bank.HeldPayments.GetAsync("halyk:PART-5", default))!.Document;
        Assert.Equal((5999.99m, true), (held.Credit.Amount, held.IsHeld));
    }

    [Fact]
    public async Task A_reversal_of_a_credit_operations_refunded_names_the_refund_not_another_credits_invoice_UA_3_2()
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(614);
        await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("PAID-6", order.InvoiceNumber)));
        await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("TWICE-6", order.InvoiceNumber)));
        await new RefundHeldPaymentFlow(bank.HeldPayments, bank.Invoices, bank.Journal, bank.Clock)
            .RefundAsync("halyk:TWICE-6", new RefundHeldPayment("6000.00", "KZT", "OUT-6", "paid twice"), 6000m, "ops-desk", default);

        var reversal = Assert.Single(Receipt(await bank.PostCamtAsync(CamtFiles.Utf8(
            CamtFiles.Credit("TWICE-6", order.InvoiceNumber, direction: "DBIT", reversal: true)))).Payments);

        Assert.Equal("held:" + ReversalReporter.ReversedRefundedCredit, reversal.Result);
        var item = Assert.Single(await bank.OpenReviewAsync(), i => i.Reason == ReversalReporter.ReversedRefundedCredit);
        Assert.Contains("OUT-6", item.Explanation);
        Assert.DoesNotContain(await bank.OpenReviewAsync(), i => i.Reason == ReversalReporter.ReversedPaidInvoice);
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
