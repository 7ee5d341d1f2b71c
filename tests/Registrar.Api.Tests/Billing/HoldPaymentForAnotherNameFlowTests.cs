using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Registrar.Api.Banks;
using Registrar.Api.Billing;
using Registrar.Api.Operations;
using Registrar.Api.Tests.Banks;
using Registrar.Core.Contracts;
using Registrar.Core.Money;
using Registrar.Core.Operations;
using Registrar.Core.Orders;
using Registrar.Core.Registrations;
using Registrar.Storage.Stores;
using Registrar.Testing;

namespace Registrar.Api.Tests.Billing;

/// <summary>Carrying out the decider's <see cref="HoldPaymentForAnotherName"/> on Azurite: the line's money held once, and
/// applied by operations to the new order's invoice as any held payment is.</summary>
public sealed class HoldPaymentForAnotherNameFlowTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_customer_who_chooses_another_name_has_the_paid_money_held_once_and_it_pays_the_new_orders_invoice_KZ_2_1()
    {
        var bank = new BankHarness(azurite);
        var (lost, command) = await PaidAndTakenAsync(bank, 301);
        var flow = Flow(bank, new RefundLedgerStore(bank.Clients));

        await flow.CarryOutAsync(command, default);
        await flow.CarryOutAsync(command with { CommandId = command.CommandId + "0" }, default);

        var reference = HoldPaymentForAnotherName.ReferenceFor(command.RegistrationId);
        var held = Assert.Single(await bank.HeldPayments.ListHeldAsync(default).ToListAsync(), p => p.Reason == "NameTaken");
        var paidAt = (await bank.Invoices.GetAsync(lost.InvoiceNumber, default))!.Document.PaidAt;
        Assert.Equal((reference, 6000m, "KZT", paidAt), (held.Credit.Reference, held.Credit.Amount, held.Credit.CurrencyCode, (DateTimeOffset?)held.Credit.BookedAt));
        Assert.Single(await bank.OpenReviewAsync(), i => i.Id == reference);

        var next = await bank.OrderAsync(302);
        bank.Events.Raised.Clear();
        var applied = await ApplyFlow(bank).ApplyAsync(reference, new ApplyHeldPayment(next.InvoiceNumber, "KZ-2.1: the new name."), "ops-desk", default);

        Assert.Equal(StatusCodes.Status200OK, ((IStatusCodeHttpResult)applied).StatusCode);
        Assert.Equal(InvoiceStatus.Paid, await bank.InvoiceStatusAsync(next.InvoiceNumber));
        Assert.Equal(next.OrderId, Assert.IsType<RegistrationPaid>(Assert.Single(bank.Events.Raised)).Order.OrderId);
        Assert.DoesNotContain(await bank.OpenReviewAsync(), i => i.Id == reference);
    }

    [Fact]
    public async Task Money_a_refund_decision_returned_already_is_not_held_again_for_another_name_KZ_2_1()
    {
        var bank = new BankHarness(azurite);
        var (_, command) = await PaidAndTakenAsync(bank, 303);
        var ledger = new RefundLedgerStore(bank.Clients);
        await ledger.RecordAsync(await ledger.ReadAsync(command.RegistrationId, default),
            new RefundDecided("R1", RefundGround.RegistrantRequest, Money.Of(2000m, Currency.Kzt), bank.Clock.GetUtcNow()), default);

        await Flow(bank, ledger).CarryOutAsync(command, default);

        var held = (await bank.HeldPayments.GetAsync(HoldPaymentForAnotherName.ReferenceFor(command.RegistrationId), default))!.Document;
        Assert.Equal(4000m, held.Credit.Amount);
    }

    /// <summary>An order for one .kz name, paid in full, whose registration lost the name: the command its choice issues.</summary>
    private static async Task<(Order Order, HoldPaymentForAnotherName Command)> PaidAndTakenAsync(BankHarness bank, int number)
    {
        var order = await bank.OrderAsync(number);
        await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit($"TX-TAKEN-{number}", order.InvoiceNumber)));
        Assert.Equal(InvoiceStatus.Paid, await bank.InvoiceStatusAsync(order.InvoiceNumber));
        var registrationId = RegistrationIds.For(order.OrderId, 0);
        return (order, new HoldPaymentForAnotherName(RegistrationIds.Command(registrationId, 9), registrationId, order.CustomerId, order.OrderId));
    }

    private static HoldPaymentForAnotherNameFlow Flow(BankHarness bank, IRefundLedger ledger) =>
        new(bank.Orders, bank.Invoices, new NameTakenHolds(ledger, bank.Clock), bank.HeldPayments, bank.Review, bank.Clock, NullLogger<HoldPaymentForAnotherNameFlow>.Instance);

    private static ApplyHeldPaymentFlow ApplyFlow(BankHarness bank) => bank.ApplyFlow();
}
