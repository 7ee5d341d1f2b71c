using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging.Abstractions;
using Registrar.Api.Banks;
using Registrar.Api.Operations;
using Registrar.Api.Tests.Banks;
using Registrar.Core.Money;
using Registrar.Core.Operations;
using Registrar.Core.Orders;
using Registrar.Core.Registrations;
using Registrar.Core.Tariffs;
using Registrar.Storage.Stores;
using Registrar.Testing;

namespace Registrar.Api.Tests.Operations;

/// <summary>UA-3.2: a held payment applied by operations has exactly the effects of a matched bank payment.</summary>
public sealed class ApplyHeldPaymentFlowTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_payment_naming_no_invoice_moved_to_an_orders_invoice_pays_it_and_starts_its_registration()
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(201);
        var reference = await HoldUnnamedAsync(bank, "TX-MOVE-1");

        var result = await Flow(bank).ApplyAsync(reference, new ApplyHeldPayment(order.InvoiceNumber, "The payer forgot the number."), "ops-desk", default);

        Assert.Equal(StatusCodes.Status200OK, Status(result));
        Assert.Equal(InvoiceStatus.Paid, await bank.InvoiceStatusAsync(order.InvoiceNumber));
        Assert.IsType<RegistrationPaid>(Assert.Single(bank.Events.Raised));
        var moved = (await bank.HeldPayments.GetAsync(reference, default))!.Document.Resolution!;
        Assert.Equal((HeldPaymentAction.Moved, "ops-desk", order.InvoiceNumber), (moved.Action, moved.By, moved.InvoiceNumber));
        var audited = await new AuditLog<HeldPaymentAudit>(bank.Clients).ReadNewestFirstAsync(reference, 10, default).ToListAsync();
        Assert.Equal(("ops-desk", "moved", "The payer forgot the number."), (audited.Single().Actor, audited.Single().Action, audited.Single().Details.Resolution.Reason));
    }

    [Fact]
    public async Task A_held_payment_applied_to_a_renewal_invoice_renews_its_registration_KZ_2_7()
    {
        var bank = new BankHarness(azurite);
        var number = BankHarness.InvoiceNumberFor(202);
        await bank.Invoices.CreateAsync(number, "cust-b", new Invoice(number, "O0000000000000202-1", "cust-b", Money.Of(6000m, Currency.Kzt),
            BankHarness.Issued, BankHarness.Issued.AddDays(3), InvoiceStatus.Open,
            Renewal: new RenewalOf("O0000000000000202-1", "shop.kz", 1, TariffOperation.Renew)), "Open", default);
        var reference = await HoldUnnamedAsync(bank, "TX-RENEW-1");

        var result = await Flow(bank).ApplyAsync(reference, new ApplyHeldPayment(number, "Renewal paid without the number."), "ops-desk", default);

        Assert.Equal(StatusCodes.Status200OK, Status(result));
        var renewal = Assert.IsType<RenewalPaid>(Assert.Single(bank.Events.Raised));
        Assert.Equal((number, 1), (renewal.InvoiceNumber, renewal.Years));
    }

    [Fact]
    public async Task The_surplus_of_an_overpayment_applied_is_held_on_its_own_and_refunded_like_any_held_credit_UA_3_2()
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(202);
        await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("TX-OVER-2", order.InvoiceNumber, amount: "7000.00")));

        await Flow(bank).ApplyAsync("halyk:TX-OVER-2", new ApplyHeldPayment(order.InvoiceNumber, "apply the overpayment"), "ops-desk", default);

        var surplus = (await bank.HeldPayments.GetAsync("surplus:halyk:TX-OVER-2", default))!.Document;
        Assert.Equal((true, 1000m, "KZT", nameof(Payments.Matching.HoldReason.Surplus)), (surplus.IsHeld, surplus.Credit.Amount, surplus.Credit.CurrencyCode, surplus.Reason));
        Assert.Contains(await bank.HeldPayments.ListHeldAsync(default).ToListAsync(), p => p.Credit.Reference == "surplus:halyk:TX-OVER-2");
        var refund = await new RefundHeldPaymentFlow(bank.HeldPayments, bank.Invoices, bank.Journal, bank.Clock)
            .RefundAsync("surplus:halyk:TX-OVER-2", new RefundHeldPayment("1000.00", "KZT", "OUT-2", "the overpayment"), 1000m, "ops-desk", default);
        Assert.Equal(StatusCodes.Status200OK, Status(refund));
        Assert.DoesNotContain(await bank.OpenReviewAsync(), i => i.Id == "surplus:halyk:TX-OVER-2");
    }

    [Fact]
    public async Task The_surplus_still_held_when_the_bank_reverses_its_whole_credit_is_reversed_with_it_and_can_no_longer_be_refunded_UA_3_2()
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(206);
        await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("TX-OVER-6", order.InvoiceNumber, amount: "7000.00")));
        await Flow(bank).ApplyAsync("halyk:TX-OVER-6", new ApplyHeldPayment(order.InvoiceNumber, "apply the overpayment"), "ops-desk", default);

        await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("TX-OVER-6", order.InvoiceNumber, reversal: true, direction: "DBIT", amount: "7000.00")));

        Assert.Equal(HeldPaymentAction.Reversed, (await bank.HeldPayments.GetAsync("surplus:halyk:TX-OVER-6", default))!.Document.Resolution!.Action);
        var refund = await new RefundHeldPaymentFlow(bank.HeldPayments, bank.Invoices, bank.Journal, bank.Clock)
            .RefundAsync("surplus:halyk:TX-OVER-6", new RefundHeldPayment("1000.00", "KZT", "OUT-6", "the overpayment"), 1000m, "ops-desk", default);
        Assert.Equal(StatusCodes.Status409Conflict, Status(refund));
        var item = Assert.Single(await bank.OpenReviewAsync(), i => i.Reason == ReversalReporter.ReversedPaidInvoice);
        Assert.Contains("Its surplus surplus:halyk:TX-OVER-6 (1000.00 KZT) is reversed with it", item.Explanation);
    }

    [Fact]
    public async Task A_reversal_of_a_credit_whose_surplus_was_refunded_says_that_part_went_back_twice_naming_the_transfer_UA_3_2()
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(207);
        await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("TX-OVER-7", order.InvoiceNumber, amount: "7000.00")));
        await Flow(bank).ApplyAsync("halyk:TX-OVER-7", new ApplyHeldPayment(order.InvoiceNumber, "apply the overpayment"), "ops-desk", default);
        await new RefundHeldPaymentFlow(bank.HeldPayments, bank.Invoices, bank.Journal, bank.Clock)
            .RefundAsync("surplus:halyk:TX-OVER-7", new RefundHeldPayment("1000.00", "KZT", "OUT-7", "the overpayment"), 1000m, "ops-desk", default);

        await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("TX-OVER-7", order.InvoiceNumber, reversal: true, direction: "DBIT", amount: "7000.00")));

        var item = Assert.Single(await bank.OpenReviewAsync(), i => i.Reason == ReversalReporter.ReversedPaidInvoice);
        Assert.Contains("(transfer OUT-7): that part went back twice; recover the refund", item.Explanation);
    }

    [Fact]
    public async Task A_second_apply_of_the_same_held_payment_is_a_conflict_and_raises_nothing_more()
    {
        var bank = new BankHarness(azurite);
        var (first, second) = (await bank.OrderAsync(203), await bank.OrderAsync(204));
        var reference = await HoldUnnamedAsync(bank, "TX-TWICE-1");
        var flow = Flow(bank);
        await flow.ApplyAsync(reference, new ApplyHeldPayment(first.InvoiceNumber, "first"), "ops-a", default);

        var again = await flow.ApplyAsync(reference, new ApplyHeldPayment(second.InvoiceNumber, "second"), "ops-b", default);

        Assert.Equal(StatusCodes.Status409Conflict, Status(again));
        Assert.Single(bank.Events.Raised);
        Assert.Equal(InvoiceStatus.Open, await bank.InvoiceStatusAsync(second.InvoiceNumber));
    }

    [Fact]
    public async Task An_apply_that_stopped_before_paying_its_invoice_is_finished_by_the_next_action_which_is_still_a_conflict()
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(205);
        var reference = await HoldUnnamedAsync(bank, "TX-STOPPED-1");
        // What a host that died right after keeping the resolution leaves behind.
        await bank.HeldPayments.ResolveAsync((await bank.HeldPayments.GetAsync(reference, default))!,
            new HeldPaymentResolution(HeldPaymentAction.Moved, "ops-a", bank.Clock.GetUtcNow(), "first", order.InvoiceNumber, Pending: true), default);

        var again = await Flow(bank).ApplyAsync(reference, new ApplyHeldPayment(order.InvoiceNumber, "again"), "ops-b", default);

        Assert.Equal(StatusCodes.Status409Conflict, Status(again));
        Assert.Equal(InvoiceStatus.Paid, await bank.InvoiceStatusAsync(order.InvoiceNumber));
        Assert.IsType<RegistrationPaid>(Assert.Single(bank.Events.Raised));
        Assert.Equal("ops-a", (await bank.HeldPayments.GetAsync(reference, default))!.Document.Resolution!.By);
    }

    [Fact]
    public async Task A_reversed_credit_held_for_its_invoice_no_longer_counts_toward_paying_it_UA_3_2()
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(206);
        await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("TX-HALF-1", order.InvoiceNumber, amount: "3000.00")));
        await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("TX-HALF-1", order.InvoiceNumber, reversal: true, direction: "DBIT", amount: "3000.00")));
        await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("TX-HALF-2", order.InvoiceNumber, amount: "3000.00")));

        var result = await Flow(bank).ApplyAsync("halyk:TX-HALF-2", new ApplyHeldPayment(order.InvoiceNumber, "The payer topped up."), "ops-desk", default);

        var applied = Assert.IsType<Ok<HeldPaymentActionResult>>(result).Value!;
        Assert.Equal((InvoiceStatus.Open, Money.Of(3000m, Currency.Kzt)), (applied.InvoiceStatus, applied.Outstanding));
        Assert.Equal(InvoiceStatus.Open, await bank.InvoiceStatusAsync(order.InvoiceNumber));
        Assert.Empty(bank.Events.Raised);
    }

    [Fact]
    public async Task A_held_credit_the_bank_reversed_can_be_neither_applied_nor_refunded_and_its_reversal_is_audited_once_UA_3_2()
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(207);
        await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("TX-BACK-1", order.InvoiceNumber, amount: "3000.00")));
        var reversal = CamtFiles.Credit("TX-BACK-1", order.InvoiceNumber, reversal: true, direction: "DBIT", amount: "3000.00");

        var first = Assert.Single(Receipt(await bank.PostCamtAsync(CamtFiles.Utf8(reversal))).Payments);
        var again = Assert.Single(Receipt(await bank.PostCamtAsync(CamtFiles.Utf8(reversal))).Payments);

        Assert.Equal(("held:" + ReversalReporter.ReversedHeldCredit, "duplicate"), (first.Result, again.Result));
        var held = (await bank.HeldPayments.GetAsync("halyk:TX-BACK-1", default))!.Document;
        Assert.Equal((HeldPaymentAction.Reversed, (string?)null), (held.Resolution!.Action, held.CountsToward));
        Assert.DoesNotContain(await bank.HeldPayments.ListHeldAsync(default).ToListAsync(), p => p.Credit.Reference == "halyk:TX-BACK-1");
        Assert.Contains(await bank.OpenReviewAsync(), i => i.Reason == ReversalReporter.ReversedHeldCredit && i.Subject == "halyk:TX-BACK-1");
        var audited = Assert.Single(await new AuditLog<HeldPaymentAudit>(bank.Clients).ReadNewestFirstAsync("halyk:TX-BACK-1", 10, default).ToListAsync());
        Assert.Equal("reversed", audited.Action);
        var apply = await Flow(bank).ApplyAsync("halyk:TX-BACK-1", new ApplyHeldPayment(order.InvoiceNumber, "apply"), "ops-desk", default);
        var refund = await RefundFlow(bank)
            .RefundAsync("halyk:TX-BACK-1", new RefundHeldPayment("3000.00", "KZT", "OUT-1", "refund"), 3000m, "ops-desk", default);
        Assert.Equal((StatusCodes.Status409Conflict, StatusCodes.Status409Conflict), (Status(apply), Status(refund)));
    }

    [Fact]
    public async Task A_part_payment_applied_to_an_invoice_that_then_lapsed_unpaid_can_be_refunded_and_not_before_UA_3_2_KZ_3_3()
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(208);
        await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("TX-PART-1", order.InvoiceNumber, amount: "3000.00")));
        const string reference = $"{BankHarness.Bank}:TX-PART-1";
        await Flow(bank).ApplyAsync(reference, new ApplyHeldPayment(order.InvoiceNumber, "half now"), "ops-desk", default);
        var request = new RefundHeldPayment("3000.00", "KZT", "OUT-PART-1", "the rest never came");

        // While the invoice is open the money counts toward it: it is not the payer's to take back yet.
        Assert.Equal(StatusCodes.Status409Conflict, Status(await RefundFlow(bank).RefundAsync(reference, request, 3000m, "ops-desk", default)));
        bank.Clock.Advance(TimeSpan.FromDays(4));
        var refunded = Assert.IsType<Ok<HeldPaymentActionResult>>(await RefundFlow(bank).RefundAsync(reference, request, 3000m, "ops-desk", default)).Value!;

        Assert.Equal(HeldPaymentAction.Refunded, refunded.Payment.Resolution!.Action);
        Assert.Equal(StatusCodes.Status409Conflict, Status(await RefundFlow(bank).RefundAsync(reference, request, 3000m, "ops-desk", default)));
    }

    [Fact]
    public async Task A_credit_held_as_booked_in_the_future_does_not_complete_an_invoice_when_another_credit_is_applied_to_it_KZ_3_5()
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(209);
        await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("TX-SOON-1", order.InvoiceNumber, amount: "3000.00",
            booking: "<DtTm>2026-11-25T10:30:00+05:00</DtTm>")));
        await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("TX-NOW-1", order.InvoiceNumber, amount: "3000.00")));
        Assert.Equal(nameof(Payments.Matching.HoldReason.BookedInFuture), (await bank.HeldPayments.GetAsync("halyk:TX-SOON-1", default))!.Document.Reason);

        var result = await Flow(bank).ApplyAsync("halyk:TX-NOW-1", new ApplyHeldPayment(order.InvoiceNumber, "The payer paid half."), "ops-desk", default);

        var applied = Assert.IsType<Ok<HeldPaymentActionResult>>(result).Value!;
        Assert.Equal((InvoiceStatus.Open, Money.Of(3000m, Currency.Kzt)), (applied.InvoiceStatus, applied.Outstanding));
        Assert.Empty(bank.Events.Raised);
        Assert.True((await bank.HeldPayments.GetAsync("halyk:TX-SOON-1", default))!.Document.IsHeld);
    }

    [Fact]
    public async Task A_part_payment_applied_toward_an_invoice_a_bank_credit_then_paid_in_full_is_held_again_for_operations_UA_3_2()
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(210);
        await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("TX-TWICE-1", order.InvoiceNumber, amount: "3000.00")));
        const string part = $"{BankHarness.Bank}:TX-TWICE-1";
        await Flow(bank).ApplyAsync(part, new ApplyHeldPayment(order.InvoiceNumber, "half now"), "ops-desk", default);
        Receipt(await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("TX-TWICE-2", order.InvoiceNumber, amount: "6000.00"))));
        var refund = new RefundHeldPayment("3000.00", "KZT", "OUT-TWICE-1", "the invoice was paid in full by another transfer");
        Assert.Equal(StatusCodes.Status409Conflict, Status(await RefundFlow(bank).RefundAsync(part, refund, 3000m, "ops-desk", default)));

        bank.Clock.Advance(UnprocessedPaymentRecovery.Grace);
        await bank.Recovery.RecoverAsync(default);
        await bank.Recovery.RecoverAsync(default);

        var again = (await bank.HeldPayments.GetAsync(part, default))!.Document;
        Assert.Equal((true, nameof(Payments.Matching.HoldReason.InvoiceAlreadyPaid)), (again.IsHeld, again.Reason));
        Assert.Single(await bank.OpenReviewAsync(), i => i.Subject == part && i.Reason == nameof(Payments.Matching.HoldReason.InvoiceAlreadyPaid));
        Assert.IsType<Ok<HeldPaymentActionResult>>(await RefundFlow(bank).RefundAsync(part, refund, 3000m, "ops-desk", default));
        Assert.Single(bank.Events.Raised.OfType<RegistrationPaid>());
    }

    [Fact]
    public async Task A_credit_of_what_is_left_is_held_as_a_part_payment_saying_that_applying_it_completes_the_invoice_UA_3_2()
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(214);
        await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("TX-REST-1", order.InvoiceNumber, amount: "2000.00")));
        await Flow(bank).ApplyAsync($"{BankHarness.Bank}:TX-REST-1", new ApplyHeldPayment(order.InvoiceNumber, "a third now"), "ops-desk", default);
        await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("TX-REST-2", order.InvoiceNumber, amount: "1000.00")));

        await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("TX-REST-3", order.InvoiceNumber, amount: "3000.00")));

        var rest = (await bank.HeldPayments.GetAsync($"{BankHarness.Bank}:TX-REST-3", default))!.Document;
        Assert.Equal(nameof(Payments.Matching.HoldReason.Partial), rest.Reason);
        Assert.EndsWith("Of it, 2000.00 KZT is applied toward it already, and 1000.00 KZT more is held naming it; with this payment "
            + "6000.00 KZT of 6000.00 KZT has come: applying it completes the invoice.", rest.Explanation);
        var applied = await Flow(bank).ApplyAsync($"{BankHarness.Bank}:TX-REST-3", new ApplyHeldPayment(order.InvoiceNumber, "the rest"), "ops-desk", default);
        Assert.Equal(StatusCodes.Status200OK, Status(applied));
        Assert.Equal(InvoiceStatus.Paid, await bank.InvoiceStatusAsync(order.InvoiceNumber));
        var first = (await bank.HeldPayments.GetAsync($"{BankHarness.Bank}:TX-REST-1", default))!.Document;
        Assert.DoesNotContain("Of it,", first.Explanation);
    }

    [Fact]
    public async Task A_part_payment_applied_toward_an_invoice_that_then_lapsed_unpaid_is_held_again_listed_and_applied_elsewhere_UA_3_2_KZ_3_3()
    {
        var bank = new BankHarness(azurite);
        var (lapsing, next) = (await bank.OrderAsync(212), await bank.OrderAsync(213));
        await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("TX-LAPSE-1", lapsing.InvoiceNumber, amount: "3000.00")));
        const string part = $"{BankHarness.Bank}:TX-LAPSE-1";
        await Flow(bank).ApplyAsync(part, new ApplyHeldPayment(lapsing.InvoiceNumber, "half now"), "ops-desk", default);
        Assert.DoesNotContain(await bank.HeldPayments.ListHeldAsync(default).ToListAsync(), p => p.Credit.Reference == part);

        bank.Clock.Advance(TimeSpan.FromDays(4));
        await bank.Recovery.RecoverAsync(default);

        var again = (await bank.HeldPayments.GetAsync(part, default))!.Document;
        Assert.Equal((true, nameof(Payments.Matching.HoldReason.InvoiceLapsed)), (again.IsHeld, again.Reason));
        Assert.Single(await bank.HeldPayments.ListHeldAsync(default).ToListAsync(), p => p.Credit.Reference == part);
        Assert.Single(await bank.OpenReviewAsync(), i => i.Subject == part && i.Reason == nameof(Payments.Matching.HoldReason.InvoiceLapsed));
        var applied = await Flow(bank).ApplyAsync(part, new ApplyHeldPayment(next.InvoiceNumber, "toward the new order"), "ops-desk", default);
        Assert.Equal(StatusCodes.Status200OK, Status(applied));
    }

    [Fact]
    public async Task A_part_payment_the_invoice_was_paid_with_stays_applied_and_is_not_looked_at_again_UA_3_2()
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(211);
        const string first = $"{BankHarness.Bank}:TX-HALVES-1", second = $"{BankHarness.Bank}:TX-HALVES-2";
        await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("TX-HALVES-1", order.InvoiceNumber, amount: "3000.00")));
        await Flow(bank).ApplyAsync(first, new ApplyHeldPayment(order.InvoiceNumber, "half now"), "ops-desk", default);
        await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("TX-HALVES-2", order.InvoiceNumber, amount: "3000.00")));
        await Flow(bank).ApplyAsync(second, new ApplyHeldPayment(order.InvoiceNumber, "the other half"), "ops-desk", default);

        bank.Clock.Advance(UnprocessedPaymentRecovery.Grace);
        Assert.Equal(0, await bank.Recovery.RecoverAsync(default));

        var kept = (await bank.HeldPayments.GetAsync(first, default))!.Document;
        Assert.Equal((HeldPaymentAction.Applied, second), (kept.Resolution!.Action, kept.Resolution.CompletedBy));
        Assert.Empty(await bank.HeldPayments.ListAwaitingInvoicePaymentAsync(default).ToListAsync());
        Assert.Equal(InvoiceStatus.Paid, await bank.InvoiceStatusAsync(order.InvoiceNumber));
    }

    private static RefundHeldPaymentFlow RefundFlow(BankHarness bank) => new(bank.HeldPayments, bank.Invoices, bank.Journal, bank.Clock);

    private static async Task<string> HoldUnnamedAsync(BankHarness bank, string transaction)
    {
        await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit(transaction, "", purpose: "Оплата за домен")));
        return $"{BankHarness.Bank}:{transaction}";
    }

    private static ApplyHeldPaymentFlow Flow(BankHarness bank) => bank.ApplyFlow();

    private static BankNotificationReceipt Receipt(IResult result) => Assert.IsType<Ok<BankNotificationReceipt>>(result).Value!;

    private static int Status(IResult result) => ((IStatusCodeHttpResult)result).StatusCode!.Value;
}
